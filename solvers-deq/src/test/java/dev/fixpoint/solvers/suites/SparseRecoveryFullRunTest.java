package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sparse-recovery suite in its full profile (the papers' setting by default) when asked:
 * {@code -Dsparse.out=FOLDER} and optionally {@code -Dsparse.params=snr=40;steps=1000} (overrides
 * separated by semicolons, since a model list contains commas). Not part of
 * the normal test run; this is how the acceptance figures are produced:
 * <pre>
 * mvn -B -o -q test -pl solvers-deq -Dtest=SparseRecoveryFullRunTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dfixpoint.results=INFO -Dsparse.out=/tmp/sparse-inf -Dsparse.params=snr=inf"
 * </pre>
 * Every metric is logged to {@code dev.fixpoint.results}; the artifacts land in the folder.
 */
class SparseRecoveryFullRunTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    @EnabledIfSystemProperty(named = "sparse.out", matches = ".+")
    void fullProfile() throws Exception {
        run(System.getProperty("sparse.out"), System.getProperty("sparse.params", ""));
    }

    /** Same as the test, for a plain {@code java} launch: arguments {@code FOLDER [k=v;k=v…]}. */
    public static void main(String[] args) throws Exception {
        run(args[0], args.length > 1 ? args[1] : "");
    }

    static void run(String out, String params) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kv : params.split(";")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                overrides.put(p[0].trim(), p[1].trim());
            }
        }
        long t0 = System.nanoTime();
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT)
                .run(new SparseRecoverySuite(), overrides, false, Path.of(out));
        RESULTS.info("sparse-recovery {} on backend {}, wall time {} s", overrides, Backends.current().name(),
                String.format("%.0f", (System.nanoTime() - t0) * 1e-9));
        RESULTS.info("{}", r.summary());
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("  {} = {} {}{}", m.name(), String.format("%.3f", m.value()), m.unit(),
                    m.target().isEmpty() ? "" : " (target " + m.target() + ": " + (m.passed() ? "met" : "NOT met") + ")");
        }
    }
}
