package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiStartTest {

    /**
     * A two-minimum objective on [−3, 3]²: f = (x₀² − 1)² + x₁² + 0.3·x₀, whose local minima are near x₀ = ±1 (the
     * left one lower); every evaluation is counted in {@code counter}.
     */
    static Supplier<BoundedProblem> doubleWell(AtomicInteger counter) {
        double[][] a = {{1, 0}, {0, 1}};
        return () -> new TestProblems.Quadratic(a, new double[2], new double[] {-3, -3}, new double[] {3, 3}) {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                counter.incrementAndGet();
                double w = x[0] * x[0] - 1;
                g[0] = 4 * x[0] * w + 0.3;
                g[1] = 2 * x[1];
                return w * w + x[1] * x[1] + 0.3 * x[0];
            }
        };
    }

    @Test
    void startsThatThrowAreRecordedAndTheRunFinishes() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<BoundedProblem> wells = doubleWell(new AtomicInteger());
        Supplier<BoundedProblem> flaky = () -> {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("model compilation failed");
            }
            return wells.get();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            MultiStartResult r = new MultiStart(new ProjectedLbfgs(), flaky, pool).run(MultiStartOptions.defaults(8));
            assertEquals(8, r.starts().size());
            assertEquals(3, r.failedCount(), "supplier calls 3, 6 and 9 (call 1 is the probe) throw");
            for (StartResult s : r.starts()) {
                if (s.status() == OptimizerStatus.FAILED) {
                    assertTrue(s.message().contains("model compilation failed"), s.message());
                    assertTrue(Double.isNaN(s.value()));
                } else {
                    assertTrue(s.status() == OptimizerStatus.CONVERGED_GRADIENT
                            || s.status() == OptimizerStatus.CONVERGED_VALUE, s.message());
                }
            }
            List<StartResult> sorted = r.sorted();
            for (int i = 1; i < 5; i++) {
                assertTrue(sorted.get(i - 1).value() <= sorted.get(i).value(), "waterfall order");
            }
            assertTrue(Double.isNaN(sorted.get(7).value()), "failed starts last");
            StartResult best = r.best().orElseThrow();
            assertEquals(sorted.get(0), best);
            assertTrue(best.x()[0] < 0, "the lower (left) well: " + best.x()[0]);
            assertTrue(r.countWithin(1e-6) >= 1 && r.countWithin(1e-6) <= 5);
            assertFalse(pool.isShutdown(), "an injected executor is not shut down");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Levenberg–Marquardt as the local optimiser on a least-squares problem, on the default local pool: every start
     * recovers the noise-free exponential decay, and the progress listener is told once per start.
     */
    @Test
    void levenbergMarquardtMultiStartOnTheLocalPoolReportsProgress() {
        AtomicInteger advanced = new AtomicInteger();
        java.util.Set<Object> instances = java.util.concurrent.ConcurrentHashMap.newKeySet();
        dev.fixpoint.core.ProgressListener progress = new dev.fixpoint.core.ProgressListener() {
            @Override
            public void advance(long units) {
                advanced.addAndGet((int) units);
            }
        };
        Supplier<BoundedProblem> problems = () -> {
            LeastSquaresObjective o = new LeastSquaresObjective(new LevenbergMarquardtTest.ExponentialDecay(
                    new double[] {0, 0.01, -5}, new double[] {10, 5, 5}));
            instances.add(o);
            return o;
        };
        MultiStartResult r = new MultiStart(new LevenbergMarquardt(OptimizerOptions.defaults()
                .withGradientTolerance(1e-12)), problems).run(MultiStartOptions.defaults(10).withSeed(1), progress);
        assertEquals(10, advanced.get());
        assertEquals(11, instances.size(), "one problem instance per start (plus the probe)");
        assertEquals(10, r.countWithin(1e-9), "all starts reach the zero-residual optimum (+ constant 10)");
        assertEquals(10.0, r.best().orElseThrow().value(), 1e-12);
        assertEquals(0.7, r.best().orElseThrow().x()[1], 1e-8);
    }

    /** An interrupted run (a file holding 3 of 8 starts) resumes by running exactly the 5 missing starts. */
    @Test
    void resumeRunsOnlyTheMissingStarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("starts.tsv");
        AtomicInteger full = new AtomicInteger();
        MultiStartOptions options = MultiStartOptions.defaults(8).withSeed(5).withOutput(file, true);
        MultiStartResult complete = new MultiStart(new ProjectedLbfgs(), doubleWell(full)).run(options);
        assertEquals(0, complete.failedCount());
        assertEquals(complete.evaluations(), full.get(), "every evaluation is counted by the result");

        List<String> lines = Files.readAllLines(file);
        assertEquals(2 + 8, lines.size(), "comment, header and 8 rows");
        List<String> kept = new java.util.ArrayList<>(lines.subList(0, 2));
        long keptEvaluations = 0;
        for (String row : lines.subList(2, lines.size())) {
            int index = Integer.parseInt(row.split("\t")[0]);
            if (index == 1 || index == 4 || index == 6) {
                kept.add(row);
                keptEvaluations += complete.starts().get(index).evaluations();
            }
        }
        Files.write(file, kept);

        AtomicInteger resumed = new AtomicInteger();
        MultiStartResult again = new MultiStart(new ProjectedLbfgs(), doubleWell(resumed)).run(options);
        assertEquals(complete.evaluations() - keptEvaluations, resumed.get(), "only the 5 missing starts ran");
        for (int k = 0; k < 8; k++) {
            assertEquals(complete.starts().get(k).value(), again.starts().get(k).value(), 0.0, "start " + k);
            assertEquals(complete.starts().get(k).status(), again.starts().get(k).status());
        }
        assertEquals(2 + 8, Files.readAllLines(file).size(), "file complete again");

        AtomicInteger none = new AtomicInteger();
        new MultiStart(new ProjectedLbfgs(), doubleWell(none)).run(options);
        assertEquals(0, none.get(), "a complete file runs nothing");

        FixpointException e = assertThrows(FixpointException.class, () -> new MultiStart(new ProjectedLbfgs(),
                doubleWell(new AtomicInteger())).run(options.withSeed(6)));
        assertTrue(e.getMessage().startsWith("[fixpoint/ResumeMismatch]") && e.getMessage().contains("seed=5"),
                e.getMessage());

        Files.writeString(file, String.join("\n", lines.subList(0, 3)).replaceFirst("\t-?[0-9.E-]+\t(\\d+)\t", "\tabc\t$1\t"));
        e = assertThrows(FixpointException.class, () -> new MultiStart(new ProjectedLbfgs(),
                doubleWell(new AtomicInteger())).run(options));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidFile]") && e.getMessage().contains("line 3, column value"),
                e.getMessage());
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left");
    }
}
