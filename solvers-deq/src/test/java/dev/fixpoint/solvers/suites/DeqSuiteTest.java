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

/**
 * The quick profile of {@code deq}: the exact-gradient DEQ at least halves the initial test MSE, Anderson
 * needs at most a third of Picard's evaluations on lasso λ = 0.1 and never more on the set, the DEQ
 * backward tapes hold less than unrolling's, the Jacobian-regularised run needs fewer forward evaluations,
 * and the artifacts are written.
 */
class DeqSuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void quickProfile(@TempDir Path dir) throws Exception {
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new DeqSuite(), Map.of(), true, dir);
        RESULTS.info("deq quick profile: {}", r.summary());
        for (Report.Metric m : r.metrics()) {
            RESULTS.info("deq quick profile metric: {} = {} {}", m.name(), m.value(), m.unit());
        }
        assertTrue(r.passed(), () -> r.metrics().toString());
        List<String> modes = Files.readAllLines(dir.resolve("deq-modes.csv"));
        assertEquals(1 + 6, modes.size());
        // the Jacobian regulariser makes f better conditioned: fewer forward evaluations than plain exact training
        double exactEvaluations = Double.parseDouble(modes.get(1).split(",")[5]);
        double regularisedEvaluations = Double.parseDouble(modes.get(6).split(",")[5]);
        RESULTS.info("deq quick profile: forward evaluations per sample, exact {} vs exact+jacobian {}", exactEvaluations,
                regularisedEvaluations);
        assertTrue(regularisedEvaluations < exactEvaluations, modes.toString());
        long exactDoubles = Long.parseLong(modes.get(1).split(",")[4]);
        long unrolledDoubles = Long.parseLong(modes.get(5).split(",")[4]);
        assertTrue(unrolledDoubles > 5 * exactDoubles, modes.toString());
        List<String> memory = Files.readAllLines(dir.resolve("deq-memory.csv"));
        assertEquals(memory.get(1).split(",")[1], memory.get(3).split(",")[1], "DEQ backward memory at 10 and 1000 iterations");
        assertEquals(100 * Long.parseLong(memory.get(1).split(",")[2]), Long.parseLong(memory.get(3).split(",")[2]));
        for (String f : new String[]{"deq-training.png", "fixed-point-benchmark.png", "deq-memory.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
        assertEquals(1 + 8, Files.readAllLines(dir.resolve("fixed-point-benchmark.csv")).size());
    }
}
