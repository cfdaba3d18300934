package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full profile of {@code deq}, skipped unless {@code -Dfixpoint.full=true} reaches the test JVM:
 * <pre>
 * mvn -B -o -q test -pl solvers-deq -Dtest=DeqFullProfileTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dfixpoint.results=INFO -Dfixpoint.full=true"
 * </pre>
 * Artifacts go to {@code solvers-deq/target/full-profile/deq}; every metric is logged to {@code dev.fixpoint.results}.
 */
@EnabledIfSystemProperty(named = "fixpoint.full", matches = "true")
class DeqFullProfileTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void fullProfile() throws Exception {
        Path dir = Path.of("target", "full-profile", "deq");
        Files.createDirectories(dir);
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new DeqSuite(), Map.of(), false, dir);
        RESULTS.info("deq full profile: {}", r.summary());
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("deq full profile metric: {} = {} {} {}", m.name(), m.value(), m.unit(), m.target());
        }
        for (String csv : new String[]{"deq-modes.csv", "fixed-point-benchmark.csv"}) {
            for (String line : Files.readAllLines(dir.resolve(csv))) {
                RESULTS.info("deq full profile {}: {}", csv, line);
            }
        }
        assertTrue(r.passed(), () -> r.metrics().toString());
    }
}
