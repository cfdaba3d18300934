package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.suites.BuiltInModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** INTERVALS checkpointing stores less of the forward solution and gives the same gradient (identical recomputed steps). */
class CheckpointingTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void intervalsTradeMemoryForRecomputation() {
        CompiledNetwork net = BuiltInModels.linearChain(30).compile();
        double[] p = net.nominalParameters();
        double[] times = BuiltInModels.chainTimes(30);
        Simulation s = Simulator.of(net).simulate(p, times);
        List<Measurement> data = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            data.add(new Measurement("xN", s.times()[i], 1.1 * s.observables()[i][0], 1));
        }
        Simulator all = Simulator.of(net).checkpointing(Checkpointing.ALL_STEPS);
        Simulator intervals = Simulator.of(net).checkpointing(Checkpointing.INTERVALS);
        ObjectiveGradient a = all.gradient(p, data, GradientMethod.ADJOINT);
        ObjectiveGradient b = intervals.gradient(p, data, GradientMethod.ADJOINT);
        RESULTS.info("chain N=30 adjoint: ALL_STEPS stores {} steps ({}), INTERVALS at most {} steps ({})",
                all.lastStoredSteps(), a.statistics(), intervals.lastStoredSteps(), b.statistics());
        assertArrayEquals(a.gradient(), b.gradient(), 0.0, "recomputed intervals repeat the same steps bit for bit");
        // peak storage is the longest interval (here the initial transient), not the whole run
        assertTrue(intervals.lastStoredSteps() < all.lastStoredSteps(), "memory: " + intervals.lastStoredSteps()
                + " vs " + all.lastStoredSteps());
        assertTrue(b.statistics().steps() > a.statistics().steps(), "recomputation costs extra forward steps");
    }
}
