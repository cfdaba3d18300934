package dev.fixpoint.imaging.ct;

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
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ct} suite: the quick profile (64×64) as a test with asserted thresholds; the full profile (the
 * acceptance setting, 128×128, TV 1000 iterations, 1500 training steps) only with {@code -Dfixpoint.full=true}:
 * <pre>
 * mvn -B -o -q test -pl imaging -Dtest=CtSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dfixpoint.results=INFO -Dfixpoint.full=true"
 * </pre>
 * (artifacts in {@code imaging/target/full-profile/ct}).
 */
class CtSuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    static double metric(Report r, String name) {
        return r.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no metric " + name + " in " + r.metrics())).value();
    }

    private static void log(String profile, Report r) {
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("ct {}: {} = {} {} {}{}", profile, m.name(), m.value(), m.unit(), m.target(),
                    m.passed() ? "" : " (MISSED)");
        }
        RESULTS.info("ct {}: {}", profile, r.summary());
    }

    @Test
    void quickProfileRunsAndRanksTheMethods(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new CtSuite(), Map.of(), true, dir);
        log("quick", r);
        double fbp = metric(r, "FBP (Hann) PSNR");
        double tv = metric(r, "TV (λ = 1.0) PSNR");
        double lpd = metric(r, "learned primal-dual PSNR");
        assertTrue(tv > fbp + 5, "TV " + tv + " dB vs FBP " + fbp + " dB");
        assertTrue(lpd > fbp + 3, "learned PD " + lpd + " dB vs FBP " + fbp + " dB");
        assertTrue(metric(r, "SIRT PSNR") > fbp, "SIRT");
        assertTrue(Files.size(dir.resolve("mosaic.png")) > 1000);
        assertTrue(Files.readAllLines(dir.resolve("tv-lambda.csv")).size() == 4);
        assertTrue(r.passed(), r.summary());
    }

    @Test
    @EnabledIfSystemProperty(named = "fixpoint.full", matches = "true")
    void fullProfileMeetsTheAcceptanceTargets() throws Exception {
        Path dir = Path.of("target", "full-profile", "ct");
        Files.createDirectories(dir);
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new CtSuite(), Map.of(), false, dir);
        log("full", r);
        assertTrue(r.passed(), r.summary());
    }
}
