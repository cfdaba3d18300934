package dev.fixpoint.solvers.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Per-sample convergence, freezing, warm start, lowest-residual return, bad input and the registry. */
class BatchedSolveTest {

    /** f(z) = a_s z + 1 per sample: sample s converges at rate |a_s|. */
    private static FixedPointMap scalarContractions(double[] rates, List<int[]> calls) {
        return (z, samples) -> {
            calls.add(samples.clone());
            Tensor out = z.copy();
            double[] o = out.data();
            int k = samples.length;
            for (int i = 0; i < z.dim(0); i++) {
                for (int j = 0; j < k; j++) {
                    o[i * k + j] = rates[samples[j]] * o[i * k + j] + 1;
                }
            }
            return out;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "anderson", "broyden"})
    void aConvergedSampleIsFrozenWhileTheOthersContinue(String name) {
        double[] rates = {0.0, 0.9, 0.95};
        List<int[]> calls = new ArrayList<>();
        FixedPointResult r = FixedPointSolvers.create(name, FixedPointSettings.of(1e-10, 5000))
                .solve(scalarContractions(rates, calls), Tensor.zeros(3, 3));
        assertTrue(r.converged(), r::toString);
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 3; i++) {
                // |z − z*| ≤ residual/(1 − a) with residual ≤ 1e-10·‖f(z)‖ ≤ 1e-10·√3·20: at most 7e-8
                assertEquals(1 / (1 - rates[s]), r.solution().get(i, s), 1e-7);
            }
            assertEquals(SolverStatus.CONVERGED, r.status(s));
        }
        // sample 0 (f constant) converges at its second evaluation and is never evaluated again
        assertEquals(2, r.evaluations(0));
        long seen0 = calls.stream().filter(c -> java.util.Arrays.stream(c).anyMatch(s -> s == 0)).count();
        assertEquals(2, seen0);
        assertTrue(r.evaluations(1) > 2 && r.evaluations(2) > 2);
        assertTrue(calls.get(calls.size() - 1).length < 3, "the last calls run without the frozen sample");
        assertEquals(r.evaluations(0) + r.evaluations(1) + r.evaluations(2), r.totalEvaluations());
        assertEquals(r.iterations(1), r.residualHistory(1).length);
    }

    @Test
    void andersonFallsBackInsteadOfBreakingDownOnCollinearHistories() {
        // d = 1: every difference vector is collinear, so each least-squares matrix with k ≥ 2 is singular
        FixedPointMap cos = FixedPointMap.columnwise(z -> z.map(Math::cos));
        FixedPointSettings s = FixedPointSettings.of(1e-12, 500).withRegularization(0);
        FixedPointResult a = new AndersonAcceleration(s).solve(cos, Tensor.zeros(1, 1));
        FixedPointResult p = new PicardIteration(s).solve(cos, Tensor.zeros(1, 1));
        assertTrue(a.converged(), a::toString);
        assertEquals(0.7390851332151607, a.solution().item(), 1e-11);
        assertTrue(a.evaluations(0) < p.evaluations(0), a.evaluations(0) + " vs " + p.evaluations(0));
    }

    @Test
    void warmStartAtTheSolutionConvergesAtOnce() {
        double[] rates = {0.5, 0.5};
        Tensor z = Tensor.full(2.0, 4, 2);
        FixedPointResult r = new PicardIteration(FixedPointSettings.of(1e-12, 100))
                .solve(scalarContractions(rates, new ArrayList<>()), z);
        assertEquals(1, r.evaluations(0));
        assertEquals(1, r.evaluations(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "anderson", "broyden"})
    void aMapWithoutFixedPointIsReportedWithItsResidualTrace(String name) {
        // f(z) = z + 1 + sin(z)/2 moves every point by at least 1/2: no fixed point exists
        FixedPointMap expanding = FixedPointMap.columnwise(z -> z.add(1.0).addInto(z.map(Math::sin).mul(0.5), null));
        FixedPointResult r = FixedPointSolvers.create(name, FixedPointSettings.of(1e-8, 200).withResidualNorm(ResidualNorm.ABSOLUTE))
                .solve(expanding, Tensor.zeros(5, 2));
        assertTrue(r.status() == SolverStatus.DIVERGED || r.status() == SolverStatus.MAX_ITERATIONS, r::toString);
        assertTrue(!r.converged());
        assertTrue(r.residualHistory(0).length > 0);
        assertTrue(r.solution().isFinite(), "the lowest-residual iterate is returned, not garbage");
        FixpointException e = assertThrows(FixpointException.class, r::requireConverged);
        assertTrue(e.getMessage().contains("[fixpoint/NoConvergence]") && e.getMessage().contains("lowest residual"));
    }

    @Test
    void anExpandingMapDivergesUnderPicard() {
        FixedPointResult r = new PicardIteration(FixedPointSettings.of(1e-8, 200))
                .solve(FixedPointMap.columnwise(z -> z.mul(3.0).add(1.0)), Tensor.zeros(5, 2));
        assertEquals(SolverStatus.DIVERGED, r.status(0));
        assertTrue(r.sample(0).stoppingReason().contains("divergence factor"), r.sample(0).stoppingReason());
        assertTrue(r.iterations(0) < 40, "stopped at " + r.iterations(0));
    }

    @Test
    void theLowestResidualIterateIsReturnedWhenNotConverged() {
        // rotation by 90° scaled by 1.2 plus damping 1: residual grows after the first steps
        FixedPointMap f = FixedPointMap.columnwise(z -> {
            Tensor out = z.copy();
            double[] o = out.data();
            double[] d = z.data();
            o[0] = -1.2 * d[1] + 1;
            o[1] = 1.2 * d[0];
            return out;
        });
        FixedPointResult r = new PicardIteration(FixedPointSettings.of(1e-12, 30).withResidualNorm(ResidualNorm.ABSOLUTE))
                .solve(f, Tensor.zeros(2, 1));
        double[] h = r.residualHistory(0);
        double min = java.util.Arrays.stream(h).min().orElseThrow();
        assertEquals(min, r.lowestResidual(0));
        assertTrue(h[h.length - 1] > min);
    }

    @Test
    void badInputIsNamed() {
        FixedPointMap f = FixedPointMap.columnwise(z -> z);
        FixedPointSolver s = new PicardIteration(FixedPointSettings.defaults());
        assertThrows(ShapeMismatchException.class, () -> s.solve(f, Tensor.zeros(3)));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> s.solve(FixedPointMap.columnwise(z -> Tensor.zeros(2, 2)), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> FixedPointSettings.defaults().withMemory(0));
        assertTrue(m.getMessage().contains("[1, 100]") && m.getMessage().contains("got 0"));
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> FixedPointSettings.defaults().withDamping(1.5));
        assertTrue(d.getMessage().contains("(0, 1]") && d.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> FixedPointSettings.defaults().withDamping(0));
        assertThrows(IllegalArgumentException.class, () -> FixedPointSettings.defaults().withRegularization(-1));
        FixpointException u = assertThrows(FixpointException.class, () -> FixedPointSolvers.create("andersen", FixedPointSettings.defaults()));
        assertTrue(u.getMessage().contains("[fixpoint/UnknownSolver]") && u.getMessage().contains("anderson"), u.getMessage());
    }

    @Test
    void theGuiceRegistryHoldsTheBuiltIns() {
        FixedPointSolverRegistry registry = Guice.createInjector(new FixedPointModule()).getInstance(FixedPointSolverRegistry.class);
        assertEquals(java.util.Set.of("anderson", "broyden", "picard"), registry.names());
        assertNotNull(registry.create("broyden", FixedPointSettings.defaults()));
        assertTrue(FixedPointSolvers.names().containsAll(registry.names()));
        assertThrows(FixpointException.class, () -> registry.create("newton", FixedPointSettings.defaults()));
    }

    @Test
    void andersonStepsDoNotChangeWhenTheProblemIsRescaled() {
        FixedPointSettings s = FixedPointSettings.defaults().withStopping(StoppingCriteria.of(1e-9, 5000));
        FixedPointBenchmark.Problem one = FixedPointBenchmark.linearContraction(50, 0.95, 1, 2, 7);
        FixedPointBenchmark.Problem big = FixedPointBenchmark.linearContraction(50, 0.95, 1e6, 2, 7);
        FixedPointBenchmark.Problem small = FixedPointBenchmark.linearContraction(50, 0.95, 1e-6, 2, 7);
        FixedPointResult r1 = new AndersonAcceleration(s).solve(one.map(), one.start());
        FixedPointResult r2 = new AndersonAcceleration(s).solve(big.map(), big.start());
        FixedPointResult r3 = new AndersonAcceleration(s).solve(small.map(), small.start());
        assertTrue(r1.converged() && r2.converged() && r3.converged());
        assertEquals(r1.totalEvaluations(), r2.totalEvaluations());
        assertEquals(r1.totalEvaluations(), r3.totalEvaluations());
        assertTrue(r2.solution().allClose(r1.solution().mul(1e6), 1e-6, 0));
    }
}
