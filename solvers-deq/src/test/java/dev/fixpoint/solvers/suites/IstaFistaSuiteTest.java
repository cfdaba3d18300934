package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** The quick profile of ista-fista-sparse-recovery (250 samples): both metrics within ±0.5 dB of the published values. */
class IstaFistaSuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfileMatchesThePublishedValues(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new IstaFistaSuite(), Map.of(), true, dir);
        RESULTS.info("ista-fista-sparse-recovery quick profile: {}", r.summary());
        assertTrue(r.passed(), () -> r.metrics().toString());
        assertEquals(3, r.metrics().size());
        assertTrue(Files.size(dir.resolve("nmse.png")) > 1000);
        assertEquals(1 + 5, Files.readAllLines(dir.resolve("nmse.csv")).size(), "header + checkpoints 1, 2, 4, 8, 16");
    }

    @Test
    void checkpointsDoubleUpToTheLastIteration() {
        assertArrayEquals(new int[]{1, 2, 4, 8, 16}, IstaFistaSuite.checkpoints(16));
        assertArrayEquals(new int[]{1, 2, 4, 8, 10}, IstaFistaSuite.checkpoints(10));
        assertArrayEquals(new int[]{1}, IstaFistaSuite.checkpoints(1));
    }
}
