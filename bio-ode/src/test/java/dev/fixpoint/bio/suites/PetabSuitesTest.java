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
 * Quick profiles of the PEtab suites. {@code petab} on Boehm (4 starts, hierarchical σ): the best start reaches the
 * nominal NLL within 1e-3, every artifact is written, and a second run resumes from starts.tsv without running a
 * start. {@code petab-benchmark} (gradients of Boehm and Zheng only): every metric passes, and Fujita's NLL gap
 * (3.7e-3, a documented shortfall) is reported without a target.
 */
class PetabSuitesTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void petabQuickProfileCalibratesBoehmAndResumes(@TempDir Path dir) throws Exception {
        SuiteRunner runner = new SuiteRunner(Backends.current(), ProgressListener.SILENT);
        Report r = runner.run(new PetabSuite(), Map.of("hierarchical", "true"), true, dir);
        log(r);
        for (Report.Metric m : r.metrics()) {
            assertTrue(m.passed(), m::toString);
        }
        for (String f : new String[]{"starts.tsv", "waterfall.png", "parameters.tsv", "data-vs-simulation.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertEquals(1 + 9, Files.readAllLines(dir.resolve("parameters.tsv")).size(), "header + 9 estimated parameters");
        Report again = runner.run(new PetabSuite(), Map.of("hierarchical", "true"), true, dir);
        Report.Metric wall = again.metrics().stream().filter(m -> m.name().startsWith("multi-start: wall time")).findFirst()
                .orElseThrow();
        assertTrue(wall.name().contains("0 starts run here"), wall.name());
    }

    @Test
    void petabBenchmarkQuickProfile(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new PetabBenchmarkSuite(), Map.of(), true, dir);
        log(r);
        assertTrue(Files.size(dir.resolve("boehm-profiles.png")) > 1000);
        assertEquals(1 + 6, Files.readAllLines(dir.resolve("benchmark-gradients.tsv")).size(),
                "header + Boehm and Zheng × 2 points + Crauste and Fujita unchecked");
        for (Report.Metric m : r.metrics()) {
            assertTrue(m.passed(), m::toString);
        }
        assertTrue(r.metrics().stream().anyMatch(m -> m.name().startsWith("Fujita_SciSignal2010: |NLL") && m.target().isEmpty()
                && m.value() > 1e-3), "Fujita's gap is reported as a known gap");
    }

    private static void log(Report r) {
        RESULTS.info("{} quick profile: {}", r.suite(), r.summary());
        r.metrics().forEach(m -> RESULTS.info("  {} = {} {} {}", m.name(), m.value(), m.unit(), m.passed() ? "" : "FAILED"));
    }
}
