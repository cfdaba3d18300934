package dev.fixpoint.solvers.sparse;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/**
 * A synthetic compressed-sensing problem: the measurement matrix A [m, n] with entries drawn
 * N(0, 1/m) and then each column rescaled to unit Euclidean norm; signals x ∈ ℝⁿ whose entries are
 * independently nonzero with probability {@code sparsity} (p) and then N(0, 1); measurements
 * y = A·x + w.
 *
 * <p>Noise convention: for a finite {@code snrDb}, each sample gets w = σ·g with g ~ N(0, I_m) and
 * σ = ‖A·x‖ / √m · 10^(−snrDb/20), so that ‖A·x‖² / E‖w‖² = 10^(snrDb/10) per sample.
 * {@code snrDb = +∞} means noiseless.
 *
 * <p>Everything is deterministic from the seed: the matrix from {@code seed}; {@link #testSet} from
 * a stream derived from the seed (the same for every caller); {@link #sample} from the generator it
 * is given. Immutable apart from the generators passed in.
 */
public final class SparseRecoveryProblem {
    private final int m;
    private final int n;
    private final double sparsity;
    private final double snrDb;
    private final long seed;
    private final Tensor matrix;

    /**
     * @param m        measurements (rows of A), ≥ 1
     * @param n        signal length (columns of A), ≥ 1
     * @param sparsity probability p ∈ (0, 1] that an entry of x is nonzero
     * @param snrDb    signal-to-noise ratio in dB, or {@code Double.POSITIVE_INFINITY} for noiseless
     * @param seed     seed of the matrix and the test set
     */
    public SparseRecoveryProblem(int m, int n, double sparsity, double snrDb, long seed) {
        if (m < 1 || n < 1) {
            throw new FixpointException("InvalidParameter", "need m >= 1 and n >= 1, got m=" + m + ", n=" + n);
        }
        if (!(sparsity > 0 && sparsity <= 1)) {
            throw new FixpointException("InvalidParameter", "sparsity must be in (0, 1], got " + sparsity);
        }
        if (Double.isNaN(snrDb) || snrDb == Double.NEGATIVE_INFINITY) {
            throw new FixpointException("InvalidParameter", "snrDb must be a number or +Infinity (noiseless), got " + snrDb);
        }
        this.m = m;
        this.n = n;
        this.sparsity = sparsity;
        this.snrDb = snrDb;
        this.seed = seed;
        this.matrix = gaussianUnitColumns(m, n, new SplittableRandom(seed));
    }

    /** @return the setting of the issue: m = 250, n = 500, p = 0.1, with the given SNR and seed */
    public static SparseRecoveryProblem standard(double snrDb, long seed) {
        return new SparseRecoveryProblem(250, 500, 0.1, snrDb, seed);
    }

    /** @return A [m, n] with N(0, 1/m) entries, columns rescaled to unit norm, drawn from {@code rng} */
    public static Tensor gaussianUnitColumns(int m, int n, SplittableRandom rng) {
        double[] a = new double[m * n];
        double scale = 1 / Math.sqrt(m);
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian() * scale;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += a[i * n + j] * a[i * n + j];
            }
            double inv = 1 / Math.sqrt(s);
            for (int i = 0; i < m; i++) {
                a[i * n + j] *= inv;
            }
        }
        return Tensor.wrap(a, m, n);
    }

    /** @return a new batch of {@code count} samples drawn from {@code rng} (advances it) */
    public SparseRecoveryBatch sample(int count, SplittableRandom rng) {
        if (count < 1) {
            throw new FixpointException("InvalidParameter", "sample count must be >= 1, got " + count);
        }
        double[] x = new double[n * count];
        for (int i = 0; i < x.length; i++) {
            if (rng.nextDouble() < sparsity) {
                x[i] = rng.nextGaussian();
            }
        }
        Tensor xs = Tensor.wrap(x, n, count);
        Tensor ys = matrix.matmul(xs);
        if (Double.isFinite(snrDb)) {
            double[] y = ys.data();
            double factor = Math.pow(10, -snrDb / 20) / Math.sqrt(m);
            for (int b = 0; b < count; b++) {
                double power = 0;
                for (int i = 0; i < m; i++) {
                    power += y[i * count + b] * y[i * count + b];
                }
                double sigma = Math.sqrt(power) * factor;
                for (int i = 0; i < m; i++) {
                    y[i * count + b] += sigma * rng.nextGaussian();
                }
            }
        }
        return new SparseRecoveryBatch(xs, ys);
    }

    /** @return the fixed test set of {@code count} samples (same for every call with the same count) */
    public SparseRecoveryBatch testSet(int count) {
        return sample(count, new SplittableRandom(seed ^ 0x7E57_5E7L));
    }

    /** @return a fixed validation set, disjoint in stream from the test set */
    public SparseRecoveryBatch validationSet(int count) {
        return sample(count, new SplittableRandom(seed ^ 0x0BADCAFEL));
    }

    /** @return A [m, n] (owned by the problem; do not modify) */
    public Tensor matrix() {
        return matrix;
    }

    public int m() {
        return m;
    }

    public int n() {
        return n;
    }

    public double sparsity() {
        return sparsity;
    }

    public double snrDb() {
        return snrDb;
    }

    public boolean noiseless() {
        return Double.isInfinite(snrDb);
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return String.format("SparseRecoveryProblem[m=%d, n=%d, p=%.3g, snr=%s dB, seed=%d]", m, n, sparsity,
                noiseless() ? "inf" : Double.toString(snrDb), seed);
    }
}
