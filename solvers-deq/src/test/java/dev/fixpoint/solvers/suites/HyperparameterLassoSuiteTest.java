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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick profile of hyperparameter-lasso: the KKT hypergradient within 1e-6 of central finite
 * differences inside one support, the learned λ lowers the validation loss for every method, and the
 * table, CSVs and PNG are written. The cost ratio is logged (timing is not asserted in a test).
 */
class HyperparameterLassoSuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfile(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new HyperparameterLassoSuite(),
                Map.of(), true, dir);
        RESULTS.info("hyperparameter-lasso quick profile: {}", r.summary());
        for (Report.Metric metric : r.metrics()) {
            RESULTS.info("hyperparameter-lasso quick profile: {} = {} {}", metric.name(), metric.value(), metric.unit());
        }
        Report.Metric kkt = r.metrics().stream().filter(x -> x.name().startsWith("KKT hypergradient relative error"))
                .findFirst().orElseThrow();
        assertTrue(kkt.passed(), kkt.toString());
        assertTrue(kkt.value() <= HyperparameterLassoSuite.KKT_ERROR_BOUND, kkt.toString());
        assertTrue(Files.size(dir.resolve("validation-loss.png")) > 1000);
        assertEquals(1 + 5, Files.readAllLines(dir.resolve("hypergradients.csv")).stream()
                .filter(l -> !l.startsWith("#")).count(), "header + five methods");
        assertEquals(1 + 5 * 11, Files.readAllLines(dir.resolve("validation-loss.csv")).size());
        // every method lowers the validation loss from λ = 0.5 λmax
        Map<String, double[]> firstLast = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("validation-loss.csv"))) {
            if (line.startsWith("method")) {
                continue;
            }
            String[] f = line.split(",");
            double loss = Double.parseDouble(f[3]);
            firstLast.computeIfAbsent(f[0], k -> new double[]{loss, loss})[1] = loss;
        }
        assertEquals(5, firstLast.size());
        firstLast.forEach((method, v) -> assertTrue(v[1] < 0.9 * v[0], method + ": " + v[0] + " -> " + v[1]));
        r.metrics().stream().filter(x -> x.name().endsWith("final validation loss"))
                .forEach(x -> assertTrue(Double.isFinite(x.value()), x.toString()));
    }
}
