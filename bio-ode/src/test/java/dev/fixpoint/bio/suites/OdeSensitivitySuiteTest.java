package dev.fixpoint.bio.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick profile of ode-sensitivity (chains N = 2, 5, 20, 50): every gradient within 1e-5 of central
 * differences and the artifacts written. The costs (in forward simulations) are timings: they are
 * logged and must be positive and finite, but their target (adjoint ≤ 4 simulations) is judged on the
 * full profile in benchmarks/RESULTS.md, not here, where other jobs share the machine.
 */
class OdeSensitivitySuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfilePasses(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new OdeSensitivitySuite(), Map.of(), true, dir);
        RESULTS.info("ode-sensitivity quick profile: {}", r.summary());
        r.metrics().forEach(m -> RESULTS.info("  {} = {} {} {}", m.name(), m.value(), m.unit(), m.passed() ? "" : "FAILED"));
        for (Report.Metric m : r.metrics()) {
            if (m.unit().equals("simulations")) {
                assertTrue(m.value() > 0 && Double.isFinite(m.value()), m::toString);
            } else {
                assertTrue(m.passed(), m::toString);
            }
        }
        assertTrue(Files.size(dir.resolve("gradient-cost.png")) > 1000);
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("chain-timing.csv")).size(), "header + N = 2, 5, 20, 50");
    }

    @Test
    void chainModelHasOneParameterPerSpeciesAndTwentyTimes() {
        var net = BuiltInModels.linearChain(7).compile();
        assertEquals(7, net.speciesCount());
        assertEquals(7, net.parameterCount());
        assertEquals(1, net.lowerBandwidth());
        assertEquals(0, net.upperBandwidth());
        assertTrue(net.constantJacobian());
        double[] t = BuiltInModels.chainTimes(7);
        assertEquals(20, t.length);
        assertEquals(14.0, t[19], 0);
        assertEquals(0.7, t[0], 1e-15);
    }
}
