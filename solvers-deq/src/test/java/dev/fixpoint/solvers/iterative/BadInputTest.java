package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bad steps, non-finite data, wrong shapes, limits and the listener. */
class BadInputTest {
    private static final LassoFixture LASSO = LassoFixture.create();

    /** The least-squares function with its Lipschitz constant hidden. */
    private static SmoothFunction withoutLipschitz(LeastSquares f) {
        return new SmoothFunction() {
            @Override
            public int[] shape() {
                return f.shape();
            }

            @Override
            public double value(Tensor x) {
                return f.value(x);
            }

            @Override
            public void gradientInto(Tensor x, Tensor out) {
                f.gradientInto(x, out);
            }
        };
    }

    @Test
    void aFixedStepAboveTwoOverLIsRejectedStatingStepAndL() {
        double l = LASSO.lipschitz;
        FixpointException e = assertThrows(FixpointException.class, () -> ProximalGradient
                .ista(LASSO.leastSquares(), LASSO.l1()).step(StepSize.fixed(2.5 / l)).build());
        String m = e.getMessage();
        assertTrue(m.startsWith("[fixpoint/InvalidStep]"), m);
        assertTrue(m.contains(String.format("t = %.6g", 2.5 / l)) && m.contains(String.format("2/L = %.6g", 2 / l))
                && m.contains(String.format("L = %.6g", l)), m);
        assertThrows(FixpointException.class, () -> ProximalGradient.gradientDescent(LASSO.leastSquares())
                .step(StepSize.fixed(2.01 / l)).build());
        // exactly 2/L is still accepted (the boundary of convergence for gradient descent)
        ProximalGradient.gradientDescent(LASSO.leastSquares()).step(StepSize.fixed(2 / l)).build();
    }

    @Test
    void aTooLargeStepWithUnknownLDivergesNamingTheStep() {
        double step = 3 / LASSO.lipschitz;
        for (ProximalGradient.Builder b : new ProximalGradient.Builder[]{
                ProximalGradient.gradientDescent(withoutLipschitz(LASSO.leastSquares())),
                ProximalGradient.ista(withoutLipschitz(LASSO.leastSquares()), LASSO.l1()),
                ProximalGradient.fista(withoutLipschitz(LASSO.leastSquares()), LASSO.l1())}) {
            SolverResult r = b.step(StepSize.fixed(step)).stopping(StoppingCriteria.of(1e-10, 10_000)).build().solve(null);
            assertEquals(SolverStatus.DIVERGED, r.status(), r.toString());
            assertTrue(r.stoppingReason().contains(String.format("fixed step t = %.6g is too large", step)), r.stoppingReason());
            assertTrue(r.stoppingReason().contains("at iteration"), r.stoppingReason());
            assertTrue(r.iterations() < 200, "detected early: " + r.iterations());
        }
    }

    @Test
    void unknownLWithTheDefaultStepFallsBackToBacktracking() {
        SolverResult r = ProximalGradient.ista(withoutLipschitz(LASSO.leastSquares()), LASSO.l1())
                .stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertTrue(LASSO.kkt(r.solution()) <= 1e-8);
        FixpointException e = assertThrows(FixpointException.class, () -> ProximalGradient
                .ista(withoutLipschitz(LASSO.leastSquares()), LASSO.l1()).step(StepSize.inverseLipschitz()).build());
        assertTrue(e.getMessage().startsWith("[fixpoint/UnknownLipschitz]"), e.getMessage());
    }

    @Test
    void aNonFiniteMeasurementIsRejectedWithItsIndex() {
        Tensor b = LASSO.b.copy();
        b.set(Double.NaN, 17);
        FixpointException e = assertThrows(FixpointException.class, () -> LeastSquares.of(LASSO.a, b));
        assertTrue(e.getMessage().startsWith("[fixpoint/NonFinite]"), e.getMessage());
        assertTrue(e.getMessage().contains("measurements b") && e.getMessage().contains("[17]")
                && e.getMessage().contains("NaN"), e.getMessage());
        FixpointException sep = assertThrows(FixpointException.class, () -> SeparableFunction.squaredDistance(b));
        assertTrue(sep.getMessage().contains("[17]"), sep.getMessage());
        FixpointException cg = assertThrows(FixpointException.class, () -> ConjugateGradient.builder(LASSO.a.normal(),
                Tensor.full(Double.NEGATIVE_INFINITY, LassoFixture.N)));
        assertTrue(cg.getMessage().startsWith("[fixpoint/NonFinite]") && cg.getMessage().contains("[0]"), cg.getMessage());
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> LeastSquares.of(LASSO.a, Tensor.zeros(99)));
        assertTrue(e.getMessage().contains("[99]") && e.getMessage().contains("[100]"), e.getMessage());
        ShapeMismatchException start = assertThrows(ShapeMismatchException.class, () -> ProximalGradient
                .ista(LASSO.leastSquares(), LASSO.l1()).build().solve(Tensor.zeros(3)));
        assertTrue(start.getMessage().contains("[3]") && start.getMessage().contains("[200]"), start.getMessage());
        Tensor badStart = Tensor.zeros(LassoFixture.N);
        badStart.set(Double.NaN, 5);
        FixpointException nan = assertThrows(FixpointException.class, () -> Admm.builder(LASSO.leastSquares(), LASSO.l1())
                .build().solve(badStart));
        assertTrue(nan.getMessage().startsWith("[fixpoint/NonFinite]") && nan.getMessage().contains("[5]"), nan.getMessage());
    }

    @Test
    void timeLimitIterationLimitAndListener() {
        AtomicInteger calls = new AtomicInteger();
        SolverResult limited = ProximalGradient.fista(LASSO.leastSquares(), LASSO.l1())
                .stopping(StoppingCriteria.of(0, 7)).listener((solver, it, obj, res) -> {
                    assertEquals("fista", solver);
                    assertEquals(calls.incrementAndGet(), it);
                }).build().solve(null);
        assertEquals(SolverStatus.MAX_ITERATIONS, limited.status());
        assertEquals(7, calls.get());
        assertEquals(7, limited.objectiveHistory().length);
        SolverResult timed = PrimalDualHybridGradient.builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b), LASSO.a)
                .stopping(StoppingCriteria.of(0, Integer.MAX_VALUE).withTimeLimit(Duration.ofMillis(30)).withHistory(false))
                .build().solve(null, null);
        assertEquals(SolverStatus.TIME_LIMIT, timed.status());
    }

    @Test
    void invalidParametersNameTheValueAndRange() {
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class, () -> StepSize.fixed(-1));
        assertTrue(step.getMessage().contains("[fixpoint/InvalidStep]") && step.getMessage().contains("-1"), step.getMessage());
        IllegalArgumentException relax = assertThrows(IllegalArgumentException.class,
                () -> Admm.builder(LASSO.leastSquares(), LASSO.l1()).relaxation(2.5));
        assertTrue(relax.getMessage().contains("(0, 2)") && relax.getMessage().contains("2.5"), relax.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProximalGradient.ista(LASSO.leastSquares(), LASSO.l1())
                .restart(Restart.GRADIENT));
        assertThrows(IllegalArgumentException.class, () -> DouglasRachford.builder(LASSO.l1(), LASSO.l1()).step(0));
    }
}
