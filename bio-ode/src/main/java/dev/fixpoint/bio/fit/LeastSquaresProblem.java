package dev.fixpoint.bio.fit;

/**
 * A nonlinear least-squares problem: the objective is f(x) = ½‖r(x)‖² + c, with m residuals r: ℝⁿ → ℝᵐ, a
 * constant c that does not depend on x (for example a likelihood's normalisation), and box bounds
 * {@code lower ≤ x ≤ upper}. Use {@link LeastSquaresObjective} to see it as a {@link BoundedProblem}.
 */
public interface LeastSquaresProblem {

    /** @return the number n of variables (≥ 1) */
    int dimension();

    /** @return the number m of residuals (≥ 1) */
    int residualCount();

    /** @return the lower bounds, length n (entries may be −∞); callers do not modify the array */
    double[] lower();

    /** @return the upper bounds, length n (entries may be +∞); callers do not modify the array */
    double[] upper();

    /** @return the constant c added to ½‖r‖² in the objective; 0 by default */
    default double constant() {
        return 0.0;
    }

    /**
     * Evaluates the residuals and, when asked, their Jacobian.
     *
     * @param x              point, length n; not modified
     * @param r              residual output, length m; overwritten
     * @param jacobianOrNull null, or an [m][n] array overwritten with ∂r_k/∂x_j in {@code jacobianOrNull[k][j]}
     */
    void residuals(double[] x, double[] r, double[][] jacobianOrNull);
}
