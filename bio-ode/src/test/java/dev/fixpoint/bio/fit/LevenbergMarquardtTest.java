package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LevenbergMarquardtTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final OptimizerOptions TIGHT = OptimizerOptions.defaults().withGradientTolerance(1e-13)
            .withValueTolerance(0);
    static final double[] TRUE = {2.5, 0.7, 0.3};

    /** y(t) = A exp(−k t) + C at t = 0, 0.5, …, 10 (21 points), noise-free data from {@link #TRUE}. */
    static class ExponentialDecay implements LeastSquaresProblem {
        final double[] t = new double[21];
        final double[] y = new double[21];
        final double[] lo;
        final double[] up;

        ExponentialDecay(double[] lo, double[] up) {
            this.lo = lo;
            this.up = up;
            for (int i = 0; i < t.length; i++) {
                t[i] = 0.5 * i;
                y[i] = TRUE[0] * Math.exp(-TRUE[1] * t[i]) + TRUE[2];
            }
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public int residualCount() {
            return t.length;
        }

        @Override
        public double[] lower() {
            return lo;
        }

        @Override
        public double[] upper() {
            return up;
        }

        @Override
        public double constant() {
            return 10.0;
        }

        @Override
        public void residuals(double[] x, double[] r, double[][] jac) {
            for (int i = 0; i < t.length; i++) {
                double e = Math.exp(-x[1] * t[i]);
                r[i] = x[0] * e + x[2] - y[i];
                if (jac != null) {
                    jac[i][0] = e;
                    jac[i][1] = -x[0] * t[i] * e;
                    jac[i][2] = 1;
                }
            }
        }
    }

    @Test
    void recoversNoiseFreeExponentialDecay() {
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 5, 5});
        OptimizerResult r = new LevenbergMarquardt(TIGHT).minimize(p, new double[] {1, 0.1, 0});
        RESULTS.info("LM exponential decay (noise-free): {} after {} iterations, {} evaluations, x = {}", r.status(),
                r.iterations(), r.evaluations(), java.util.Arrays.toString(r.x()));
        assertTrue(r.converged(), r.message());
        for (int i = 0; i < 3; i++) {
            assertEquals(TRUE[i], r.x()[i], 1e-8, "x[" + i + "]");
        }
        assertEquals(10.0, r.value(), 1e-12, "the objective includes the constant");
    }

    /**
     * With k ≤ 0.5 (true 0.7) the optimum has k on its upper bound and (A, C) the linear least-squares fit for
     * k = 0.5, which is computed exactly from the 2×2 normal equations; ∂f/∂k must be negative there (KKT).
     */
    @Test
    void activeUpperBoundGivesTheConstrainedOptimum() {
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 0.5, 5});
        OptimizerResult r = new LevenbergMarquardt(TIGHT).minimize(p, new double[] {1, 0.1, 0});
        double s11 = 0;
        double s12 = 0;
        double s22 = p.t.length;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < p.t.length; i++) {
            double e = Math.exp(-0.5 * p.t[i]);
            s11 += e * e;
            s12 += e;
            b1 += e * p.y[i];
            b2 += p.y[i];
        }
        double det = s11 * s22 - s12 * s12;
        double a = (s22 * b1 - s12 * b2) / det;
        double c = (s11 * b2 - s12 * b1) / det;
        RESULTS.info("LM exponential decay with k ≤ 0.5: {} after {} iterations, x = {} (exact A = {}, C = {})",
                r.status(), r.iterations(), java.util.Arrays.toString(r.x()), a, c);
        assertTrue(r.converged(), r.message());
        assertEquals(0.5, r.x()[1], 0.0, "k on its bound");
        assertEquals(a, r.x()[0], 1e-8);
        assertEquals(c, r.x()[2], 1e-8);
        double[] g = new double[3];
        new LeastSquaresObjective(p).valueAndGradient(r.x(), g);
        assertTrue(g[1] < 0, "gradient pushes k out of the box: " + g[1]);
    }

    /**
     * Rejected trials cost residuals only: the Jacobian is evaluated at the start and once per accepted step, never at
     * a rejected trial point (before the fix every trial evaluated the full Jacobian). The far start makes the
     * first, undamped steps fail.
     */
    @Test
    void jacobianIsEvaluatedOnlyAtAcceptedPoints() {
        int[] calls = new int[2];
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 5, 5}) {
            @Override
            public void residuals(double[] x, double[] r, double[][] jac) {
                calls[jac == null ? 0 : 1]++;
                super.residuals(x, r, jac);
            }
        };
        OptimizerResult r = new LevenbergMarquardt(TIGHT).minimize(p, new double[] {9, 4.5, -4});
        RESULTS.info("LM exponential decay from a far start: {} after {} iterations, {} residual-only and {} Jacobian "
                + "evaluations", r.status(), r.iterations(), calls[0], calls[1]);
        assertTrue(r.converged(), r.message());
        assertEquals(TRUE[1], r.x()[1], 1e-8);
        assertEquals(r.iterations() + 1, calls[1], "one Jacobian at the start and one per accepted step");
        assertTrue(calls[0] > r.iterations(), "some trials were rejected: " + calls[0] + " trials, "
                + r.iterations() + " accepted");
        assertEquals(calls[0] + calls[1], r.evaluations());
    }

    /** With the gradient and value rules off, the relative step rule ‖Δx‖ ≤ xtol·(‖x‖ + xtol) ends the run. */
    @Test
    void relativeStepRuleStopsWhenTheGradientRuleIsOff() {
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 5, 5});
        OptimizerOptions o = OptimizerOptions.defaults().withGradientTolerance(0).withValueTolerance(0)
                .withStepTolerance(1e-6);
        OptimizerResult r = new LevenbergMarquardt(o).minimize(p, new double[] {1, 0.1, 0});
        assertEquals(OptimizerStatus.CONVERGED_STEP, r.status(), r.message());
        assertTrue(r.converged());
        for (int i = 0; i < 3; i++) {
            assertEquals(TRUE[i], r.x()[i], 1e-5, "x[" + i + "]");
        }
        OptimizerResult off = new LevenbergMarquardt(o.withStepTolerance(0).withMaxIterations(200)).minimize(p,
                new double[] {1, 0.1, 0});
        assertTrue(off.status() != OptimizerStatus.CONVERGED_STEP, off.message());
        assertThrows(FixpointException.class, () -> o.withStepTolerance(-1));
        assertThrows(FixpointException.class, () -> o.withStepTolerance(Double.NaN));
    }

    @Test
    void lbfgsOnTheSameObjectiveAgrees() {
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 5, 5});
        OptimizerResult r = new ProjectedLbfgs(OptimizerOptions.defaults().withGradientTolerance(1e-10)
                .withValueTolerance(0), 10).minimize(new LeastSquaresObjective(p), new double[] {1, 0.1, 0});
        assertTrue(r.converged(), r.message());
        for (int i = 0; i < 3; i++) {
            assertEquals(TRUE[i], r.x()[i], 1e-6, "x[" + i + "]");
        }
    }

    @Test
    void failingResidualsAreRejectedStepsAndNonLeastSquaresProblemsAreRefused() {
        ExponentialDecay p = new ExponentialDecay(new double[] {0, 0, -5}, new double[] {10, 5, 5}) {
            @Override
            public void residuals(double[] x, double[] r, double[][] jac) {
                if (x[1] > 1.0) {
                    throw new IllegalStateException("solver failed at k = " + x[1]);
                }
                super.residuals(x, r, jac);
            }
        };
        OptimizerResult r = new LevenbergMarquardt(TIGHT).minimize(new LeastSquaresObjective(p), new double[] {1, 0.9, 0});
        assertTrue(r.converged(), r.message());
        assertEquals(TRUE[1], r.x()[1], 1e-8);

        OptimizerResult bad = new LevenbergMarquardt().minimize(p, new double[] {1, 3, 0});
        assertEquals(OptimizerStatus.FAILED, bad.status());
        assertTrue(bad.message().contains("k = 3.0"), bad.message());

        BoundedProblem notLs = TestProblems.rosenbrock(2);
        FixpointException e = assertThrows(FixpointException.class,
                () -> new LevenbergMarquardt().minimize(notLs, new double[] {0, 0}));
        assertTrue(e.getMessage().startsWith("[fixpoint/NotLeastSquares]"), e.getMessage());
    }
}
