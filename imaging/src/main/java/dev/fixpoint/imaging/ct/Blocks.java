package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs a range {@code [0, n)} split into a fixed number of contiguous blocks, on a shared pool of the requested
 * parallelism (in the caller's thread for one thread). The split depends only on {@code n} and the block count,
 * never on the thread count, so callers that combine block results in block order are deterministic.
 */
final class Blocks {
    private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Blocks() {
    }

    /** Work on the range {@code [from, to)}. */
    @FunctionalInterface
    interface Task<T> {
        T run(int from, int to);
    }

    /** @return the block results, in block order */
    static <T> List<T> run(String what, int threads, int n, int blocks, Task<T> task) {
        int count = Math.max(1, Math.min(n, blocks));
        List<T> out = new ArrayList<>(count);
        if (threads == 1 || count == 1) {
            for (int k = 0; k < count; k++) {
                out.add(task.run((int) ((long) k * n / count), (int) ((long) (k + 1) * n / count)));
            }
            return out;
        }
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, ForkJoinPool::new);
        List<Callable<T>> calls = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = (int) ((long) k * n / count);
            int to = (int) ((long) (k + 1) * n / count);
            calls.add(() -> task.run(from, to));
        }
        try {
            for (Future<T> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FixpointException("Interrupted", what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new FixpointException("ParallelFailure", what + " failed: " + cause, cause);
        }
        return out;
    }
}
