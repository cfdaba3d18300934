package dev.fixpoint.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IterationMonitorTest {

    @Test
    void convergesWhenResidualMeetsTolerance() {
        IterationMonitor m = new IterationMonitor("t", StoppingCriteria.of(1e-3, 100), IterationListener.NONE);
        assertNull(m.record(1, 5.0, 1e-1));
        assertEquals(SolverStatus.CONVERGED, m.record(2, 4.0, 1e-4));
        SolverResult r = m.result(Tensor.zeros(2));
        assertEquals(2, r.iterations());
        assertEquals(2, r.residualHistory().length);
        assertEquals(4.0, r.finalObjective());
        assertTrue(r.stoppingReason().contains("iteration 2"), r.stoppingReason());
    }

    @Test
    void nonFiniteValuesAreDivergenceWithTheIteration() {
        IterationMonitor m = new IterationMonitor("t", StoppingCriteria.of(1e-3, 100), null);
        assertNull(m.record(1, 1.0, 1.0));
        assertEquals(SolverStatus.DIVERGED, m.record(2, Double.NaN, 0.5));
        SolverResult r = m.result(Tensor.zeros(1));
        assertTrue(r.stoppingReason().contains("non-finite objective NaN at iteration 2"), r.stoppingReason());
        FixpointException e = assertThrows(FixpointException.class, r::requireConverged);
        assertTrue(e.getMessage().contains("[fixpoint/NoConvergence]"), e.getMessage());
    }

    @Test
    void residualGrowthBeyondTheBoundIsDivergence() {
        IterationMonitor m = new IterationMonitor("t", StoppingCriteria.of(0, 100).withDivergenceFactor(100), null);
        assertNull(m.record(1, 2.0));
        assertNull(m.record(2, 150.0));
        assertEquals(SolverStatus.DIVERGED, m.record(3, 250.0));
    }

    @Test
    void iterationAndTimeLimits() {
        IterationMonitor m = new IterationMonitor("t", StoppingCriteria.of(0, 3), null);
        assertNull(m.record(1, 1.0));
        assertNull(m.record(2, 1.0));
        assertEquals(SolverStatus.MAX_ITERATIONS, m.record(3, 1.0));
        IterationMonitor timed = new IterationMonitor("t",
                StoppingCriteria.of(0, 1_000_000).withTimeLimit(Duration.ofNanos(1)), null);
        SolverStatus s = null;
        for (int k = 1; s == null; k++) {
            s = timed.record(k, 1.0);
        }
        assertEquals(SolverStatus.TIME_LIMIT, s);
    }

    @Test
    void historyGrowsPastItsInitialCapacityAndCanBeOff() {
        IterationMonitor m = new IterationMonitor("t", StoppingCriteria.of(0, 5000), null);
        for (int k = 1; k <= 3000; k++) {
            m.record(k, k, 1.0);
        }
        SolverResult r = m.result(Tensor.zeros(1));
        assertEquals(3000, r.objectiveHistory().length);
        assertEquals(3000.0, r.finalObjective());
        IterationMonitor off = new IterationMonitor("t", StoppingCriteria.of(0, 10).withHistory(false), null);
        off.record(1, 1.0);
        assertEquals(0, off.result(Tensor.zeros(1)).residualHistory().length);
    }

    @Test
    void badCriteriaAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StoppingCriteria.of(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> StoppingCriteria.of(1e-6, 0));
        assertThrows(IllegalArgumentException.class, () -> StoppingCriteria.defaults().withDivergenceFactor(1));
    }
}
