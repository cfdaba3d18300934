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
 * differences, the adjoint at most 4 forward simulations at every N, and the artifacts written.
 */
class OdeSensitivitySuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfilePasses(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new OdeSensitivitySuite(), Map.of(), true, dir);
        RESULTS.info("ode-sensitivity quick profile: {}", r.summary());
        r.metrics().forEach(m -> RESULTS.info("  {} = {} {} {}", m.name(), m.value(), m.unit(), m.passed() ? "" : "FAILED"));
        assertTrue(r.passed(), () -> r.metrics().toString());
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
