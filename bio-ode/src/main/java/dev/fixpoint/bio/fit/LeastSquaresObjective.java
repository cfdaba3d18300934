package dev.fixpoint.bio.fit;

/**
 * A {@link LeastSquaresProblem} seen as a {@link BoundedProblem}: f(x) = ½‖r(x)‖² + c, ∇f = Jᵀr. Any
 * {@link Optimizer} can minimise it; {@link LevenbergMarquardt} recognises it and works on the residuals.
 * Not thread-safe (it keeps residual and Jacobian buffers).
 */
public final class LeastSquaresObjective implements BoundedProblem {

    private final LeastSquaresProblem problem;
    private final double[] r;
    private final double[][] jacobian;

    /** @param problem the residual problem; its dimension and residual count are fixed from now on */
    public LeastSquaresObjective(LeastSquaresProblem problem) {
        this.problem = problem;
        Box.check(problem.dimension(), problem.lower(), problem.upper());
        int m = problem.residualCount();
        if (m < 1) {
            throw new dev.fixpoint.core.FixpointException("InvalidProblem", "residual count = " + m + ", expected ≥ 1");
        }
        this.r = new double[m];
        this.jacobian = new double[m][problem.dimension()];
    }

    /** @return the wrapped residual problem */
    public LeastSquaresProblem leastSquares() {
        return problem;
    }

    @Override
    public int dimension() {
        return problem.dimension();
    }

    @Override
    public double[] lower() {
        return problem.lower();
    }

    @Override
    public double[] upper() {
        return problem.upper();
    }

    /** {@inheritDoc} Computes r and J, then g = Jᵀr (g overwritten). */
    @Override
    public double valueAndGradient(double[] x, double[] g) {
        problem.residuals(x, r, jacobian);
        int n = g.length;
        java.util.Arrays.fill(g, 0.0);
        double sum = 0;
        for (int k = 0; k < r.length; k++) {
            double rk = r[k];
            sum += rk * rk;
            double[] row = jacobian[k];
            for (int j = 0; j < n; j++) {
                g[j] += row[j] * rk;
            }
        }
        return 0.5 * sum + problem.constant();
    }
}
