package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** Measured figures, shown with -DargLine=-Dfixpoint.results=INFO (see benchmarks/RESULTS.md). */
    private static final org.slf4j.Logger RESULTS = org.slf4j.LoggerFactory.getLogger("dev.fixpoint.results");

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    /** Records every iterate, value and gradient the solver reports. */
    private static final class Trajectory implements LbfgsObserver {
        final List<double[]> xs = new ArrayList<>();
        final List<double[]> gs = new ArrayList<>();
        final List<Double> fs = new ArrayList<>();

        @Override
        public void started(double[] x, double value, double[] gradient) {
            add(x, value, gradient);
        }

        @Override
        public void iterationDone(int iteration, double[] x, double value, double[] gradient, LineSearchStep step) {
            add(x, value, gradient);
        }

        private void add(double[] x, double value, double[] gradient) {
            xs.add(x.clone());
            gs.add(gradient.clone());
            fs.add(value);
        }
    }

    @Test
    void reachesGradientNorm1e8OnThe100DimensionalRosenbrockFunctionThroughAutodiff() {
        Rosenbrock rosenbrock = Rosenbrock.extended(100);
        Trajectory trajectory = new Trajectory();
        LbfgsResult r = Lbfgs.builder().history(10).gradientTolerance(1e-8).functionTolerance(0).maxIterations(500)
                .observer(trajectory).build()
                .minimize(Objective.taped(rosenbrock::apply, 100), rosenbrock.start());

        RESULTS.info("L-BFGS (m=10) on the extended Rosenbrock function, n=100, from (-1.2, 1, ...): {} after {} iterations, "
                + "{} evaluations, gradient norm {}", r.status(), r.iterations(), r.evaluations(), r.gradientNorm());
        assertEquals(LbfgsStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.gradientNorm() <= 1e-8, r.toString());
        // measured: 37 iterations, 50 evaluations, |g| = 7.3e-11 (benchmarks/RESULTS.md)
        assertTrue(r.iterations() <= 60, r.toString());
        assertTrue(r.evaluations() <= 90, r.toString());
        assertTrue(r.value() < 1e-18, r.toString());
        for (double xi : r.x()) {
            assertEquals(1.0, xi, 1e-8);
        }
        assertEquals(r.iterations() + 1, r.valueHistory().length);
        assertEquals(r.iterations() + 1, r.gradientNormHistory().length);
        assertEquals(r.iterations(), r.lineSearches().size());
        assertEquals(r.gradientNorm(), r.gradientNormHistory()[r.iterations()], 0);
        assertEquals(r.iterations() + 1, trajectory.xs.size());
        assertStrongWolfe(r, trajectory, rosenbrock);
    }

    /** Both inequalities, from the recorded steps and recomputed independently from the iterates. */
    private static void assertStrongWolfe(LbfgsResult r, Trajectory t, Rosenbrock f) {
        int evaluations = 1;
        for (LineSearchStep step : r.lineSearches()) {
            assertTrue(step.step() > 0 && step.slope0() < 0, step.toString());
            assertTrue(step.value() <= step.value0() + C1 * step.step() * step.slope0(), "sufficient decrease: " + step);
            assertTrue(Math.abs(step.slope()) <= C2 * Math.abs(step.slope0()), "curvature: " + step);
            assertTrue(step.satisfiesStrongWolfe(C1, C2));
            evaluations += step.evaluations();
        }
        assertEquals(r.evaluations(), evaluations);
        double[] g = new double[f.dimension()];
        for (int k = 0; k + 1 < t.xs.size(); k++) {
            double[] x0 = t.xs.get(k);
            double[] x1 = t.xs.get(k + 1);
            double f0 = f.analytic(x0, g);
            assertArrayEquals(g, t.gs.get(k), 1e-9 * (1 + norm(g)), "taped gradient at iterate " + k);
            double s0 = 0;
            for (int i = 0; i < g.length; i++) {
                s0 += g[i] * (x1[i] - x0[i]);       // t·φ'(0)
            }
            double f1 = f.analytic(x1, g);
            double s1 = 0;
            for (int i = 0; i < g.length; i++) {
                s1 += g[i] * (x1[i] - x0[i]);       // t·φ'(t)
            }
            double slack = 1e-9 * (Math.abs(f0) + Math.abs(s0));
            assertTrue(f1 <= f0 + C1 * s0 + slack, "iteration " + (k + 1) + ": f1 = " + f1 + ", f0 = " + f0 + ", t·φ'(0) = " + s0);
            assertTrue(Math.abs(s1) <= C2 * Math.abs(s0) * (1 + 1e-9), "iteration " + (k + 1) + ": |t·φ'(t)| = " + Math.abs(s1)
                    + " > c2·|t·φ'(0)| = " + C2 * Math.abs(s0));
        }
    }

    @Test
    void convergesOnTheChainedRosenbrockFunctionLikeReferenceImplementations() {
        // the coupled variant is much harder: 535 iterations with m = 10 from this start (benchmarks/RESULTS.md)
        Rosenbrock rosenbrock = Rosenbrock.chained(100);
        LbfgsResult r = Lbfgs.builder().gradientTolerance(1e-8).functionTolerance(0).maxIterations(800).build()
                .minimize(Objective.taped(rosenbrock::apply, 100), rosenbrock.start());
        RESULTS.info("L-BFGS (m=10) on the chained Rosenbrock function, n=100, from (-1.2, 1, ...): {} after {} iterations, "
                + "{} evaluations, gradient norm {}", r.status(), r.iterations(), r.evaluations(), r.gradientNorm());
        assertEquals(LbfgsStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.gradientNorm() <= 1e-8, r.toString());
        for (double xi : r.x()) {
            assertEquals(1.0, xi, 1e-7);
        }
        for (LineSearchStep step : r.lineSearches()) {
            assertTrue(step.satisfiesStrongWolfe(C1, C2), step.toString());
        }
    }

    @Test
    void tapedRosenbrockGradientMatchesTheHandWrittenOne() {
        SplittableRandom rng = new SplittableRandom(7);
        for (Rosenbrock f : new Rosenbrock[]{Rosenbrock.extended(10), Rosenbrock.chained(9)}) {
            double[] x = rng.doubles(f.dimension(), -2, 2).toArray();
            double[] expected = new double[x.length];
            double[] actual = new double[x.length];
            double fe = f.analytic(x, expected);
            double fa = Objective.taped(f::apply, f.dimension()).evaluate(x, actual);
            assertEquals(fe, fa, 1e-12 * fe);
            assertArrayEquals(expected, actual, 1e-10);
        }
    }

    @Test
    void solvesAConvexQuadraticToMachineAccuracy() {
        int n = 20;
        SplittableRandom rng = new SplittableRandom(11);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] a = new double[n][n];  // A = MᵀM + I
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    s += m[k][i] * m[k][j];
                }
                a[i][j] = s;
            }
        }
        double[] xStar = rng.doubles(n, -1, 1).toArray();
        Objective quadratic = (x, g) -> {   // ½(x − x*)ᵀA(x − x*), written around the minimum to avoid cancellation
            double f = 0;
            for (int i = 0; i < n; i++) {
                double ar = 0;
                for (int j = 0; j < n; j++) {
                    ar += a[i][j] * (x[j] - xStar[j]);
                }
                g[i] = ar;
                f += 0.5 * (x[i] - xStar[i]) * ar;
            }
            return f;
        };
        LbfgsResult r = Lbfgs.builder().gradientTolerance(1e-10).functionTolerance(0).build()
                .minimize(quadratic, new double[n]);
        assertTrue(r.converged(), r.toString());
        assertArrayEquals(xStar, r.x(), 1e-9, r.toString());
        assertTrue(r.iterations() < 100, r.toString());
    }

    @Test
    void minimisesOverAParameterSetAndLeavesTheSolutionInIt() {
        // y = X·w + b without noise: least squares recovers w and b
        SplittableRandom rng = new SplittableRandom(3);
        int rows = 40;
        Tensor x = Tensor.of(rng.doubles(rows * 3, -1, 1).toArray(), rows, 3);
        Tensor wTrue = Tensor.of(new double[]{0.5, -2, 1.5}, 3, 1);
        Tensor y = x.matmul(wTrue).add(0.25);
        ParameterSet params = new ParameterSet();
        params.add("w", Tensor.zeros(3, 1));
        params.add("b", Tensor.zeros(1));
        LbfgsResult r = Lbfgs.builder().gradientTolerance(1e-10).functionTolerance(0).build().minimize(params, tape -> {
            Var pred = Ops.add(Ops.matmul(Var.constant(x), tape.watch(params.get("w"))), tape.watch(params.get("b")));
            Var e = Ops.sub(pred, Var.constant(y));
            return Ops.scale(Ops.sum(Ops.mul(e, e)), 1.0 / rows);
        });
        assertTrue(r.converged(), r.toString());
        assertArrayEquals(wTrue.toArray(), params.get("w").value().toArray(), 1e-9);
        assertEquals(0.25, params.get("b").value().item(), 1e-9);
        assertArrayEquals(r.gradient(), params.flattenGrad(), 0);
    }

    @Test
    void aNonFiniteStartIsReportedAtIterationZero() {
        LbfgsResult r = Lbfgs.builder().build().minimize((x, g) -> {
            g[0] = 1;
            return Double.NaN;
        }, new double[]{1});
        assertEquals(LbfgsStatus.NON_FINITE, r.status());
        assertTrue(r.reason().contains("iteration 0"), r.reason());
        assertEquals(0, r.iterations());
    }

    @Test
    void aNonFiniteObjectiveAwayFromTheStartIsReportedWithItsIteration() {
        double[] start = {2.0, -1.0};
        LbfgsResult r = Lbfgs.builder().build().minimize((x, g) -> {
            boolean atStart = Arrays.equals(x, start);
            g[0] = 2 * x[0];
            g[1] = 2 * x[1];
            return atStart ? x[0] * x[0] + x[1] * x[1] : Double.POSITIVE_INFINITY;
        }, start);
        assertEquals(LbfgsStatus.NON_FINITE, r.status(), r.toString());
        assertTrue(r.reason().contains("iteration 1") && r.reason().contains("NaN/Inf"), r.reason());
        assertArrayEquals(start, r.x(), 0);
        assertEquals(5.0, r.value(), 0);
    }

    @Test
    void theLineSearchBacksOffFromNonFiniteTrialPoints() {
        // φ(t) = (t − 3)², NaN beyond t = 3.5; a first trial at t = 100 must shrink back to an acceptable step
        Objective f = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            return x[0] > 3.5 ? Double.NaN : (x[0] - 3) * (x[0] - 3);
        };
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(C1, C2, 25);
        double[] xNew = new double[1];
        double[] gNew = new double[1];
        assertTrue(search.search(f, new double[]{0}, 9, -6, new double[]{1}, 100, xNew, gNew, 100), search.failure);
        assertEquals(100, search.nonFiniteStep, 0);
        assertTrue(search.value <= 9 + C1 * search.step * -6);
        assertTrue(Math.abs(search.slope) <= C2 * 6);
        assertEquals(search.step, xNew[0], 0);
    }

    @Test
    void aGradientThatDoesNotMatchTheValueMakesTheLineSearchFail() {
        LbfgsResult r = Lbfgs.builder().build().minimize((x, g) -> {
            g[0] = -2 * x[0];                  // wrong sign
            return x[0] * x[0];
        }, new double[]{1});
        assertEquals(LbfgsStatus.LINE_SEARCH_FAILED, r.status(), r.toString());
        assertTrue(r.reason().contains("iteration 1"), r.reason());
        assertEquals(1.0, r.x()[0], 0);
    }

    @Test
    void stopsAtTheIterationAndEvaluationLimits() {
        Rosenbrock f = Rosenbrock.extended(10);
        LbfgsResult it = Lbfgs.builder().maxIterations(5).build().minimize(f::analytic, f.start());
        assertEquals(LbfgsStatus.MAX_ITERATIONS, it.status());
        assertEquals(5, it.iterations());
        assertEquals(6, it.valueHistory().length);
        for (int k = 1; k < it.valueHistory().length; k++) {
            assertTrue(it.valueHistory()[k] < it.valueHistory()[k - 1], "monotone decrease");
        }
        LbfgsResult ev = Lbfgs.builder().maxEvaluations(12).build().minimize(f::analytic, f.start());
        assertEquals(LbfgsStatus.MAX_EVALUATIONS, ev.status(), ev.toString());
        assertTrue(ev.evaluations() <= 12, ev.toString());
        assertFalse(ev.converged());
    }

    @Test
    void stopsOnTheRelativeFunctionChange() {
        Rosenbrock f = Rosenbrock.extended(4);
        LbfgsResult r = Lbfgs.builder().gradientTolerance(0).functionTolerance(1e-6).build().minimize(f::analytic, f.start());
        assertEquals(LbfgsStatus.CONVERGED, r.status());
        assertTrue(r.reason().contains("relative function change"), r.reason());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
