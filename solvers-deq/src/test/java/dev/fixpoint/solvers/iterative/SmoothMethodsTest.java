package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gradient descent and Nesterov's method verify their own optimality (the gradient) on ridge regression. */
class SmoothMethodsTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();
    private static final double RIDGE = 0.1;

    private static LeastSquares ridge() {
        return LASSO.leastSquares().withRidge(RIDGE);
    }

    /** @return ‖Aᵀ(Ax − b) + μx‖ / ‖Aᵀb‖, recomputed from scratch */
    private static double relativeGradient(Tensor x, double mu) {
        Tensor gradient = LASSO.a.adjoint(LASSO.a.apply(x).sub(LASSO.b)).add(x.mul(mu));
        return gradient.norm() / LASSO.a.adjoint(LASSO.b).norm();
    }

    private static SolverResult run(String label, ProximalGradient.Builder builder) {
        return run(label, builder, RIDGE);
    }

    private static SolverResult run(String label, ProximalGradient.Builder builder, double mu) {
        SolverResult r = builder.stopping(StoppingCriteria.of(1e-10, 50_000)).build().solve(null);
        double optimality = relativeGradient(r.solution(), mu);
        RESULTS.info("ridge μ={} {}: {} iterations, relative gradient {}", mu, label, r.iterations(), optimality);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(optimality <= 1e-8, label + " gradient " + optimality);
        return r;
    }

    @Test
    void gradientDescentReachesTheRidgeMinimiser() {
        SolverResult r = run("gradient descent 1/L", ProximalGradient.gradientDescent(ridge()));
        double[] objective = r.objectiveHistory();
        for (int k = 1; k < objective.length; k++) {
            assertTrue(objective[k] <= objective[k - 1] + 1e-14 * objective[k - 1], "monotone descent at " + k);
        }
        run("gradient descent backtracking", ProximalGradient.gradientDescent(ridge()).step(StepSize.backtracking(0.1, 2)));
    }

    /**
     * An ill-conditioned least-squares problem: A = Q·diag(s) [200, 100] with Q orthonormal columns and
     * singular values s log-spaced from 1 to 0.05 (κ(AᵀA) = 400). Acceleration matters here.
     */
    @Test
    void nesterovIsFasterOnAnIllConditionedProblemAndRestartHelpsFurther() {
        int m = 200;
        int n = 100;
        Tensor q = LinearAlgebra.current().qr(Tensor.randn(31, m, n)).q();
        double[] a = q.toArray();
        for (int j = 0; j < n; j++) {
            double s = Math.pow(0.05, j / (n - 1.0));
            for (int i = 0; i < m; i++) {
                a[i * n + j] *= s;
            }
        }
        LinearOperator op = Operators.dense(Tensor.wrap(a, m, n));
        Tensor b = Tensor.randn(32, m);
        LeastSquares f = LeastSquares.of(op, b).withLipschitz(1.0);
        double atb = op.adjoint(b).norm();
        SolverResult[] results = new SolverResult[4];
        String[] labels = {"gradient descent", "nesterov", "nesterov gradient restart", "nesterov function restart"};
        ProximalGradient.Builder[] builders = {ProximalGradient.gradientDescent(f), ProximalGradient.nesterov(f),
                ProximalGradient.nesterov(f).restart(Restart.GRADIENT), ProximalGradient.nesterov(f).restart(Restart.FUNCTION)};
        for (int i = 0; i < 4; i++) {
            results[i] = builders[i].stopping(StoppingCriteria.of(1e-10, 50_000)).build().solve(null);
            double optimality = op.adjoint(op.apply(results[i].solution()).sub(b)).norm() / atb;
            RESULTS.info("least squares 200x100, κ(AᵀA)=400, {}: {} iterations, relative gradient {}", labels[i],
                    results[i].iterations(), optimality);
            assertEquals(SolverStatus.CONVERGED, results[i].status(), results[i].toString());
            assertTrue(optimality <= 1e-8, labels[i] + " gradient " + optimality);
        }
        // to high accuracy plain momentum oscillates (O'Donoghue–Candès): restarting is what makes it fast
        assertTrue(results[2].iterations() < results[0].iterations() / 5, results[2].iterations() + " vs " + results[0].iterations());
        assertTrue(results[2].iterations() < results[1].iterations() / 5, results[2].iterations() + " vs " + results[1].iterations());
        assertTrue(results[3].iterations() < results[1].iterations() / 5, results[3].iterations() + " vs " + results[1].iterations());
        // to moderate accuracy plain Nesterov already beats gradient descent
        int gdLow = builders[0].stopping(StoppingCriteria.of(1e-3, 50_000)).build().solve(null).iterations();
        int nesterovLow = builders[1].stopping(StoppingCriteria.of(1e-3, 50_000)).build().solve(null).iterations();
        RESULTS.info("least squares 200x100, κ(AᵀA)=400, to relative gradient 1e-3: gradient descent {} iterations, nesterov {}",
                gdLow, nesterovLow);
        assertTrue(nesterovLow < gdLow, nesterovLow + " vs " + gdLow);
    }

    @Test
    void leastSquaresGradientMatchesFiniteDifferencesAndLipschitzMatchesTheSvd() {
        LeastSquares f = LeastSquares.of(LASSO.a, LASSO.b).withRidge(RIDGE);
        Tensor x = Tensor.randn(3, LassoFixture.N);
        Tensor direction = Tensor.randn(4, LassoFixture.N);
        double h = 1e-6;
        double numeric = (f.value(x.add(direction.mul(h))) - f.value(x.sub(direction.mul(h)))) / (2 * h);
        double analytic = f.gradient(x).dot(direction);
        assertEquals(analytic, numeric, 1e-6 * Math.abs(analytic));
        // power iteration from below, to ~1e-8 relative on this matrix
        assertEquals(LASSO.lipschitz + RIDGE, f.lipschitz(), 1e-6 * LASSO.lipschitz);
        assertEquals(LASSO.lipschitz + RIDGE, LASSO.leastSquares().withRidge(RIDGE).lipschitz(), 1e-12);
    }
}
