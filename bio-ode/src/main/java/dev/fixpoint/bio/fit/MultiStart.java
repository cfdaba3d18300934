package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-start local optimisation: runs an {@link Optimizer} from the rows of a seeded {@link LatinHypercube} sample
 * of the problem's (finite) bounds, in parallel on an executor. Each start takes its own problem instance from the
 * supplier (objectives need not be thread-safe). A start that throws is recorded with status
 * {@link OptimizerStatus#FAILED} and its message; it never stops the run.
 *
 * <p>With an output file, all finished starts are rewritten to it (temporary file + atomic move) after every start,
 * so an interrupted run leaves a complete, consistent file; {@link MultiStartOptions#resume()} loads it and runs only
 * the missing starts (the same seed gives the same Latin-hypercube rows; a file from another seed, start count or
 * dimension, or with different start points, is rejected with {@code [fixpoint/ResumeMismatch]}).
 */
public final class MultiStart {

    private static final Logger LOG = LoggerFactory.getLogger(MultiStart.class);

    private final Optimizer optimizer;
    private final Supplier<? extends BoundedProblem> problems;
    private final Executor executor;

    /**
     * Multi-start on a local fixed pool of {@code availableProcessors} threads, created per run and shut down after it.
     *
     * @param optimizer the local optimiser (shared by the threads; the optimisers here are stateless)
     * @param problems  gives a fresh problem instance per start (called from the worker threads, and once on the
     *                  calling thread to read the dimension and bounds)
     */
    public MultiStart(Optimizer optimizer, Supplier<? extends BoundedProblem> problems) {
        this(optimizer, problems, null);
    }

    /**
     * @param optimizer the local optimiser (shared by the threads; the optimisers here are stateless)
     * @param problems  gives a fresh problem instance per start (called from the executor's threads, and once on the
     *                  calling thread to read the dimension and bounds)
     * @param executor  runs the starts (not shut down by this class); null for a local pool per run
     */
    public MultiStart(Optimizer optimizer, Supplier<? extends BoundedProblem> problems, Executor executor) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.executor = executor;
    }

    /** Runs without progress reporting; see {@link #run(MultiStartOptions, ProgressListener)}. */
    public MultiStartResult run(MultiStartOptions options) {
        return run(options, ProgressListener.SILENT);
    }

    /**
     * Runs the missing starts and returns all of them.
     *
     * @param options  number of starts, seed, output file and resume flag
     * @param progress told one unit per finished start and the best value so far; its calls are serialised (made
     *                 under a lock from the worker threads)
     * @return every start, in start order
     * @throws FixpointException if the bounds are invalid or infinite, the resume file does not match, or the output
     *                           file cannot be written
     */
    public MultiStartResult run(MultiStartOptions options, ProgressListener progress) {
        BoundedProblem probe = problems.get();
        int n = probe.dimension();
        Box.check(probe);
        double[][] x0s = LatinHypercube.sample(options.starts(), probe.lower(), probe.upper(), options.seed());
        StartResult[] results = new StartResult[options.starts()];
        if (options.resume() && Files.exists(options.output())) {
            for (StartResult s : MultiStartTsv.read(options.output(), options.seed(), options.starts(), n)) {
                if (!java.util.Arrays.equals(s.x0(), x0s[s.index()])) {
                    throw new FixpointException("ResumeMismatch", options.output() + ": start " + s.index()
                            + " began at " + java.util.Arrays.toString(s.x0()) + " but this run's Latin-hypercube row is "
                            + java.util.Arrays.toString(x0s[s.index()]) + "; the bounds changed, use a new file");
                }
                results[s.index()] = s;
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < results.length; k++) {
            if (results[k] == null) {
                missing.add(k);
            }
        }
        LOG.info("multi-start: {} starts, {} loaded from {}, {} to run", options.starts(),
                options.starts() - missing.size(), options.output(), missing.size());
        ExecutorService local = executor == null ? Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), daemonThreads()) : null;
        Executor runOn = executor == null ? local : executor;
        Object lock = new Object();
        FixpointException[] writeError = new FixpointException[1];
        long t0 = System.nanoTime();
        progress.begin("multi-start", missing.size());
        try {
            CompletableFuture<?>[] futures = new CompletableFuture<?>[missing.size()];
            for (int j = 0; j < futures.length; j++) {
                int k = missing.get(j);
                futures[j] = CompletableFuture.runAsync(() -> {
                    StartResult s = runStart(k, x0s[k], n);
                    synchronized (lock) {
                        results[k] = s;
                        if (options.output() != null && writeError[0] == null) {
                            try {
                                MultiStartTsv.write(options.output(), options.seed(), options.starts(), n, finished(results));
                            } catch (FixpointException e) {
                                writeError[0] = e;
                                LOG.error("multi-start: {}", e.getMessage());
                            }
                        }
                        progress.advance(1);
                        progress.status("start " + k + ": " + s.status() + ", value " + s.value());
                    }
                }, runOn);
            }
            CompletableFuture.allOf(futures).join();
        } finally {
            progress.end();
            if (local != null) {
                local.shutdown();
            }
        }
        if (writeError[0] != null) {
            throw writeError[0];
        }
        if (options.output() != null && missing.isEmpty()) {
            MultiStartTsv.write(options.output(), options.seed(), options.starts(), n, finished(results));
        }
        return new MultiStartResult(List.of(results), (System.nanoTime() - t0) * 1e-9);
    }

    private StartResult runStart(int k, double[] x0, int n) {
        long t = System.nanoTime();
        try {
            OptimizerResult r = optimizer.minimize(problems.get(), x0);
            return new StartResult(k, x0.clone(), r.x(), r.value(), r.iterations(), r.evaluations(), r.status(),
                    r.message(), (System.nanoTime() - t) * 1e-9);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("multi-start: start {} failed: {}", k, Box.describe(e));
            return new StartResult(k, x0.clone(), Box.nan(n), Double.NaN, 0, 0, OptimizerStatus.FAILED,
                    "threw " + e.getClass().getSimpleName() + ": " + Box.describe(e), (System.nanoTime() - t) * 1e-9);
        }
    }

    private static List<StartResult> finished(StartResult[] results) {
        List<StartResult> done = new ArrayList<>();
        for (StartResult s : results) {
            if (s != null) {
                done.add(s);
            }
        }
        return done;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fixpoint-multistart-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
