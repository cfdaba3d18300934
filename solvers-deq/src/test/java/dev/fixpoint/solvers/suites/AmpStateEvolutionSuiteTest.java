package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class AmpStateEvolutionSuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private final SuiteRunner runner = new SuiteRunner(Backends.current(), ProgressListener.SILENT);

    @Test
    void quickProfileWritesPlotCsvAndSaneMetrics(@TempDir Path dir) throws Exception {
        Report r = runner.run(new AmpStateEvolutionSuite(), Map.of(), true, dir);
        for (String f : List.of("nmse.png", "nmse.csv", "metrics.csv", "report.json")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(dir.resolve("nmse.csv"));
        assertEquals(31, csv.size(), "header + 30 iterations");
        assertEquals(-30.78, metric(r, "predicted NMSE at iteration 16"), 0.01);
        double empirical = metric(r, "empirical NMSE at iteration 16 (mean over samples of dB)");
        assertTrue(empirical < -20 && empirical > -45, "empirical " + empirical);
        assertTrue(r.passed(), r.metrics().toString());
    }

    /**
     * Reduced acceptance: n = 2000 (m = 1000) with 96 samples over 3 seeds (32 per matrix). The
     * per-sample NMSE at iteration 16 spreads by about 4.7 dB at this n (mostly the realised
     * sparsity of each sample), so the mean of 96 has a standard error near 0.5 dB: bound 1.5 dB,
     * about 3 standard errors.
     */
    @Test
    void empiricalNmseAtReducedSizeMatchesStateEvolution(@TempDir Path dir) throws Exception {
        double sum = 0;
        long[] seeds = {11, 12, 13};
        for (long seed : seeds) {
            Report r = runner.run(new AmpStateEvolutionSuite(), Map.of("n", "2000", "samples", "32", "iterations", "16",
                    "seed", Long.toString(seed)), false, dir.resolve("s" + seed));
            sum += metric(r, "empirical minus predicted at iteration 16");
        }
        double mean = sum / seeds.length;
        RESULTS.info("amp-state-evolution n=2000, 96 samples (seeds 11-13): mean empirical - predicted at iteration 16 = {} dB",
                String.format("%.3f", mean));
        assertEquals(0, mean, 1.5);
    }

    static double metric(Report r, String name) {
        return r.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric '" + name + "' in " + r.metrics())).value();
    }
}
