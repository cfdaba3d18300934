package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick profile of {@code unrolled-pnp-deblurring}: 16×16 deblurring (5×5 Gaussian blur σ = 1,
 * periodic; noise 0.03; 32 training and 16 validation images), K = 4, a tied 16-channel
 * 3-convolution denoiser, 60 full-batch Adam steps at 3e-3. Asserts the suite's criteria: each trained
 * network cuts the validation MSE of the untrained one (identity denoiser) by at least a quarter, and
 * beats K iterations of PGD-TV (weight tuned on the validation set) by at least 10%.
 */
class PlugAndPlaySuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfileTrainsNetworksThatBeatTheUntrainedOnesAndPgdTv(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT)
                .run(new PlugAndPlaySuite(), Map.of(), true, dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Report.Metric> m = r.metrics().stream().collect(Collectors.toMap(Report.Metric::name, Function.identity()));
        for (String scheme : new String[]{"pnp-pgd", "pnp-admm"}) {
            RESULTS.info("unrolled-pnp-deblurring quick, {}: validation MSE untrained {}, trained {}, PGD-TV {} (λ = {}); "
                            + "trained/untrained {}, trained/PGD-TV {}; training {} s",
                    scheme, m.get(scheme + " validation MSE untrained").value(), m.get(scheme + " validation MSE trained").value(),
                    m.get("PGD-TV validation MSE (best weight)").value(), m.get("PGD-TV best weight λ").value(),
                    m.get(scheme + " trained / untrained MSE").value(), m.get(scheme + " trained / PGD-TV MSE").value(),
                    m.get(scheme + " training time").value());
            assertTrue(m.get(scheme + " trained / untrained MSE").passed(), () -> scheme + ": " + r.metrics());
            assertTrue(m.get(scheme + " trained / PGD-TV MSE").passed(), () -> scheme + ": " + r.metrics());
        }
        assertTrue(r.passed(), () -> r.metrics().toString());
        RESULTS.info("unrolled-pnp-deblurring quick profile: {} s in all", seconds);
        assertTrue(Files.size(dir.resolve("training.png")) > 1000, "a real PNG was written");
        assertEquals(1 + 2 * 13, Files.readString(dir.resolve("training.csv")).lines().count(), "header + 2 × (60/5 + 1) points");
    }

    /** The full profile (32×32, K = 5, 48 training images, 200 steps; about 11 minutes on 2 shared cores): run with -Dfixpoint.suites.full=true. */
    @Test
    @EnabledIfSystemProperty(named = "fixpoint.suites.full", matches = "true")
    void fullProfile(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new PlugAndPlaySuite(), Map.of(), false, dir);
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("unrolled-pnp-deblurring full: {} = {} {} {}", m.name(), m.value(), m.unit(), m.target());
        }
        assertTrue(r.passed(), () -> r.metrics().toString());
    }
}
