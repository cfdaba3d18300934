package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ProjectedLbfgsTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final OptimizerOptions TIGHT = OptimizerOptions.defaults().withGradientTolerance(1e-10)
            .withValueTolerance(0).withMaxIterations(2000).withMaxEvaluations(10000);

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void rosenbrockReachesTheMinimum(int n) {
        double[] x0 = TestProblems.fill(n, -1.2);
        OptimizerResult r = new ProjectedLbfgs(TIGHT, 10).minimize(TestProblems.rosenbrock(n), x0);
        RESULTS.info("L-BFGS Rosenbrock n={}: {} after {} iterations, {} evaluations, f = {}", n, r.status(),
                r.iterations(), r.evaluations(), r.value());
        assertEquals(OptimizerStatus.CONVERGED_GRADIENT, r.status(), r.message());
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, r.x()[i], 1e-6, "x[" + i + "]");
        }
    }

    /**
     * A strictly convex quadratic built from its KKT point: x* has free components, components at the lower bound
     * with positive multiplier and components at the upper bound with negative gradient; b = A x* − ∇f(x*).
     */
    @Test
    void boundConstrainedQuadraticMatchesTheKktPoint() {
        int n = 8;
        double[][] a = TestProblems.spd(n, 7);
        double[] lo = TestProblems.fill(n, -1);
        double[] up = TestProblems.fill(n, 2);
        double[] xStar = {0.3, -1, 2, 0.7, -1, 1.5, 2, -0.2};
        double[] gStar = {0, 0.8, -1.5, 0, 2.0, 0, -0.3, 0};
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i][j] * xStar[j];
            }
            b[i] = ax - gStar[i];
        }
        OptimizerResult r = new ProjectedLbfgs(TIGHT, 5).minimize(new TestProblems.Quadratic(a, b, lo, up),
                TestProblems.fill(n, 5)); // outside the box: projected
        RESULTS.info("L-BFGS bound-constrained quadratic n={}: {} after {} iterations, projected gradient {}", n,
                r.status(), r.iterations(), r.projectedGradientNorm());
        assertTrue(r.converged(), r.message());
        assertTrue(r.projectedGradientNorm() < 1e-7, r.message());
        double err = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(xStar[i] - r.x()[i]));
        }
        RESULTS.info("L-BFGS bound-constrained quadratic: max |x − x*| = {}", err);
        for (int i = 0; i < n; i++) {
            assertEquals(xStar[i], r.x()[i], 1e-8, "x[" + i + "]");
        }
    }

    @Test
    void nanAtTheStartFailsWithAMessage() {
        BoundedProblem p = new TestProblems.Quadratic(new double[][] {{1}}, new double[] {0}, new double[] {-1},
                new double[] {1}) {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                return Double.NaN;
            }
        };
        OptimizerResult r = new ProjectedLbfgs().minimize(p, new double[] {0.5});
        assertEquals(OptimizerStatus.FAILED, r.status());
        assertTrue(r.message().contains("not finite"), r.message());
    }

    @Test
    void exceptionsInTheLineSearchShrinkTheStep() {
        // f = (x − 3)² but the objective throws for x > 3.5: the first (long) steps fail, smaller ones succeed
        BoundedProblem p = new TestProblems.Quadratic(new double[][] {{2}}, new double[] {6}, new double[] {-100},
                new double[] {100}) {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                if (x[0] > 3.5) {
                    throw new IllegalStateException("integration failed");
                }
                return super.valueAndGradient(x, g);
            }
        };
        OptimizerResult r = new ProjectedLbfgs(TIGHT, 5).minimize(p, new double[] {-50});
        assertTrue(r.converged(), r.message());
        assertEquals(3.0, r.x()[0], 1e-8);
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        ProjectedLbfgs opt = new ProjectedLbfgs();
        BoundedProblem ok = new TestProblems.Quadratic(new double[][] {{1}}, new double[] {0}, new double[] {-1},
                new double[] {1});
        FixpointException e = assertThrows(FixpointException.class, () -> opt.minimize(ok, new double[] {0, 0}));
        assertTrue(e.getMessage().startsWith("[fixpoint/ShapeMismatch]") && e.getMessage().contains("length 2"),
                e.getMessage());
        e = assertThrows(FixpointException.class, () -> opt.minimize(ok, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("x0[0] = NaN"), e.getMessage());
        BoundedProblem crossed = new TestProblems.Quadratic(new double[][] {{1}}, new double[] {0}, new double[] {2},
                new double[] {1});
        e = assertThrows(FixpointException.class, () -> opt.minimize(crossed, new double[] {0}));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidBounds]") && e.getMessage().contains("lower = 2.0"),
                e.getMessage());
        BoundedProblem nan = new TestProblems.Quadratic(new double[][] {{1}}, new double[] {0},
                new double[] {Double.NaN}, new double[] {1});
        e = assertThrows(FixpointException.class, () -> opt.minimize(nan, new double[] {0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> new ProjectedLbfgs(OptimizerOptions.defaults(), 0));
        assertTrue(e.getMessage().contains("memory = 0"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> OptimizerOptions.defaults().withMaxIterations(0));
        assertTrue(e.getMessage().contains("maxIterations = 0"), e.getMessage());
    }
}
