package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;
import java.util.SplittableRandom;

/**
 * Measures the double-precision throughput of a backend's {@code dgemm} (2n³ flops, square,
 * column-major, no transposition) and {@code dgemv} (2n² flops).
 *
 * <p>Each cell is one warm-up, then timed runs, reporting the best: for gemm at least one timed
 * run, and more while the cell's time budget lasts; for gemv each timing repeats the call often
 * enough to last at least {@link #MIN_GEMV_TIMING_NANOS}, so timer resolution does not matter.
 * Operands are seeded random numbers in [-1, 1). One element of every result is checked against
 * a dot product computed here, so a backend that is fast because it is wrong fails loudly instead
 * of topping the table.
 */
final class BlasThroughput {
    /** Shortest single gemv timing. */
    static final long MIN_GEMV_TIMING_NANOS = 50_000_000L;
    private static final int MAX_TIMED_RUNS = 20;

    /**
     * One measured cell.
     *
     * @param provider    backend name
     * @param routine     {@code "dgemm"} or {@code "dgemv"}
     * @param n           matrix order
     * @param gflops      best throughput in 10⁹ floating-point operations per second
     * @param bestSeconds wall time of one call in the best timing
     * @param timedRuns   number of timings taken after the warm-up
     */
    record Measurement(String provider, String routine, int n, double gflops, double bestSeconds, int timedRuns) {
    }

    private final long budgetNanos;
    private final long seed;

    /**
     * @param budgetSeconds time allowed per cell (warm-up included) before timing stops; one timed run always happens
     * @param seed          seed of the random operands
     */
    BlasThroughput(double budgetSeconds, long seed) {
        if (!(budgetSeconds > 0)) {
            throw new IllegalArgumentException("time budget must be positive, got " + budgetSeconds);
        }
        this.budgetNanos = (long) (budgetSeconds * 1e9);
        this.seed = seed;
    }

    /** Measures {@code C ← A·B} for square {@code n×n} matrices. */
    Measurement gemm(LinearAlgebraBackend backend, int n) {
        double[] a = random(n * n, 1);
        double[] b = random(n * n, 2);
        double[] c = new double[n * n];
        long start = System.nanoTime();
        backend.gemm(Transpose.NO, Transpose.NO, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        int i = n / 3;
        int j = (2 * n) / 3;
        check(backend, "dgemm", n, c[i + j * n], a, i, n, b, j * n, 1, n);
        long best = Long.MAX_VALUE;
        int runs = 0;
        long last = 0;
        while (runs == 0 || (runs < MAX_TIMED_RUNS && System.nanoTime() - start + last <= budgetNanos)) {
            long t0 = System.nanoTime();
            backend.gemm(Transpose.NO, Transpose.NO, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            last = System.nanoTime() - t0;
            best = Math.min(best, last);
            runs++;
        }
        double seconds = Math.max(best, 1) * 1e-9;
        return new Measurement(backend.name(), "dgemm", n, 2.0 * n * n * n / seconds * 1e-9, seconds, runs);
    }

    /** Measures {@code y ← A·x} for a square {@code n×n} matrix. */
    Measurement gemv(LinearAlgebraBackend backend, int n) {
        double[] a = random(n * n, 3);
        double[] x = random(n, 4);
        double[] y = new double[n];
        long start = System.nanoTime();
        backend.gemv(Transpose.NO, n, n, 1.0, a, 0, n, x, 0, 1, 0.0, y, 0, 1);
        int i = n / 2;
        check(backend, "dgemv", n, y[i], a, i, n, x, 0, 1, n);
        // warm-up and calibration: double the repetitions until one timing lasts long enough
        int calls = 1;
        long elapsed;
        while (true) {
            elapsed = time(backend, n, a, x, y, calls);
            if (elapsed >= MIN_GEMV_TIMING_NANOS || calls >= 1 << 30) {
                break;
            }
            calls *= 2;
        }
        long best = Long.MAX_VALUE;
        int runs = 0;
        while (runs == 0 || (runs < MAX_TIMED_RUNS && System.nanoTime() - start + elapsed <= budgetNanos)) {
            elapsed = time(backend, n, a, x, y, calls);
            best = Math.min(best, elapsed);
            runs++;
        }
        double seconds = Math.max(best, 1) * 1e-9 / calls;
        return new Measurement(backend.name(), "dgemv", n, 2.0 * n * n / seconds * 1e-9, seconds, runs);
    }

    private static long time(LinearAlgebraBackend backend, int n, double[] a, double[] x, double[] y, int calls) {
        long t0 = System.nanoTime();
        for (int k = 0; k < calls; k++) {
            backend.gemv(Transpose.NO, n, n, 1.0, a, 0, n, x, 0, 1, 0.0, y, 0, 1);
        }
        return System.nanoTime() - t0;
    }

    /**
     * Compares {@code got} with {@code Σ_p a[i + p·lda] · v[off + p·inc]} (row {@code i} of a
     * column-major matrix times a vector or column), computed here in plain Java.
     */
    private static void check(LinearAlgebraBackend backend, String routine, int n, double got,
                              double[] a, int i, int lda, double[] v, int off, int inc, int len) {
        double want = 0;
        double scale = 0;
        for (int p = 0; p < len; p++) {
            double t = a[i + p * lda] * v[off + p * inc];
            want += t;
            scale += Math.abs(t);
        }
        if (!(Math.abs(got - want) <= 1e-12 * len * Math.max(scale, Double.MIN_NORMAL))) {
            throw new FixpointException("BenchCheckFailed", "backend '" + backend.name() + "' computed a wrong "
                    + routine + " at n=" + n + ": element " + i + " is " + got + ", expected " + want
                    + "; its timings would be meaningless");
        }
    }

    private double[] random(int length, int stream) {
        SplittableRandom r = new SplittableRandom(seed * 31 + stream);
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = 2 * r.nextDouble() - 1;
        }
        return v;
    }
}
