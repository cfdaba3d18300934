package dev.fixpoint.benchmarks;

import dev.fixpoint.core.linalg.BackendSelection;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.linalg.ProviderStatus;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.Random;

/**
 * Obtains a backend by provider name for a benchmark trial, and fills operands reproducibly.
 *
 * <p>JMH has no "assume": when the requested backend is not available on this machine, {@link #require}
 * throws from {@code @Setup} with the reason (for example the missing native library). JMH then reports
 * that one parameter combination as failed and goes on with the others, so a run of all backends still
 * measures every backend that loads.
 */
final class BenchmarkBackends {
    private BenchmarkBackends() {
    }

    /**
     * @param name provider name, e.g. {@code "openblas"}
     * @return that provider's backend, probed afresh in this (forked) JVM
     * @throws IllegalStateException if the provider is unknown or unavailable, saying why
     */
    static LinearAlgebraBackend require(String name) {
        BackendSelection selection = Backends.select(null, BenchmarkBackends.class.getClassLoader());
        return selection.available(name).orElseThrow(() -> new IllegalStateException(
                "backend '" + name + "' is not available, skipping this combination: " + reason(selection, name)
                        + " (available: " + selection.availableNames() + ")"));
    }

    private static String reason(BackendSelection selection, String name) {
        return selection.statuses().stream()
                .filter(s -> s.name().equals(name))
                .map(ProviderStatus::reason)
                .findFirst()
                .orElse("no provider named '" + name + "' on the class path");
    }

    /** @return {@code n} uniform values in [-1, 1) from a fixed seed */
    static double[] random(long seed, int n) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }
}
