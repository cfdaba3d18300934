package dev.fixpoint.benchmarks;

import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * Obtains a backend by provider name for a benchmark trial, and fills operands reproducibly.
 *
 * <p><b>Only the measured provider is loaded.</b> Unlike {@link dev.fixpoint.core.linalg.Backends#select},
 * which loads every provider, a benchmark fork loads just the one it measures. Native BLAS libraries
 * in one process interpose on each other: once {@code dev.ludovic.netlib} has loaded the system
 * {@code libopenblas.so.0}, jblas' own {@code dgemm_} calls resolve to the system OpenBLAS (measured:
 * n = 2000 gemm through jblas took 175 ms with the system library loaded first, against 715 ms for jblas'
 * bundled library, and followed {@code OPENBLAS_NUM_THREADS}), so a "jblas" figure from such a JVM
 * would silently measure OpenBLAS.
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
     * @return a backend from that provider, the only one loaded in this (forked) JVM
     * @throws IllegalStateException if no provider has that name or it fails to load, saying why
     */
    static LinearAlgebraBackend require(String name) {
        List<String> known = new ArrayList<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                BenchmarkBackends.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                try {
                    return provider.load();
                } catch (Exception | LinkageError e) {
                    throw new IllegalStateException("backend '" + name + "' is not available, skipping this "
                            + "combination: " + e, e);
                }
            }
            known.add(provider.name());
        }
        throw new IllegalStateException("no backend provider named '" + name + "' on the class path; known: "
                + known);
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
