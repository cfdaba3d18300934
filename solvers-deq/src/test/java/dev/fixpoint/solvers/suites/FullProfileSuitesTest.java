package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full profiles of the AMP suites (the acceptance figures), skipped unless
 * {@code -Dfixpoint.full=true} reaches the test JVM:
 * <pre>
 * mvn -B -o -q test -pl solvers-deq -Dtest=FullProfileSuitesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dfixpoint.results=INFO -Dfixpoint.full=true"
 * </pre>
 * Artifacts go to {@code solvers-deq/target/full-profile/<suite>}; every metric is logged to
 * {@code dev.fixpoint.results}.
 */
@EnabledIfSystemProperty(named = "fixpoint.full", matches = "true")
class FullProfileSuitesTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private final SuiteRunner runner = new SuiteRunner(Backends.current(), ProgressListener.SILENT);

    @Test
    void ampStateEvolution() throws Exception {
        assertPasses(new AmpStateEvolutionSuite());
    }

    @Test
    void phaseTransition() throws Exception {
        assertPasses(new PhaseTransitionSuite());
    }

    private void assertPasses(Suite suite) throws Exception {
        Report r = runner.run(suite, Map.of(), false, Path.of("target", "full-profile", suite.name()));
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("{} full profile: {} = {} {} {}{}", suite.name(), m.name(), m.value(), m.unit(), m.target(),
                    m.passed() ? "" : " (MISSED)");
        }
        RESULTS.info("{}: {}", suite.name(), r.summary());
        assertTrue(r.passed(), r.summary());
    }
}
