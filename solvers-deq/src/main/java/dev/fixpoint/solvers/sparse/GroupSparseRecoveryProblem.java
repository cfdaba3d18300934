package dev.fixpoint.solvers.sparse;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/**
 * A synthetic group-sparse compressed-sensing problem: A [m, n] as in {@link SparseRecoveryProblem}
 * (N(0, 1/m) entries, unit-norm columns); the n coordinates form n/g contiguous groups of g
 * (group G holds G·g … G·g + g − 1); a signal activates each group independently with probability p
 * and draws the entries of an active group N(0, 1); measurements y = A·x + w with the noise
 * convention of {@link SparseRecoveryProblem} (σ = ‖A·x‖/√m · 10^(−snrDb/20) per sample).
 *
 * <p>Deterministic from the seed: the matrix from {@code seed}, {@link #testSet} and
 * {@link #validationSet} from streams derived from it, {@link #sample} from the generator it is
 * given. Samples are columns: x [n, B], y [m, B]. Immutable apart from the generators passed in.
 */
public final class GroupSparseRecoveryProblem {
    private final int m;
    private final int n;
    private final int groupSize;
    private final double groupProbability;
    private final double snrDb;
    private final long seed;
    private final Tensor matrix;

    /**
     * @param m                measurements, ≥ 1
     * @param n                signal length, ≥ 1, a multiple of {@code groupSize}
     * @param groupSize        g ≥ 1
     * @param groupProbability p ∈ (0, 1], the probability that a group is active
     * @param snrDb            SNR in dB, or {@code Double.POSITIVE_INFINITY} for noiseless
     * @param seed             seed of the matrix and of the validation and test sets
     */
    public GroupSparseRecoveryProblem(int m, int n, int groupSize, double groupProbability, double snrDb, long seed) {
        if (m < 1 || n < 1) {
            throw new FixpointException("InvalidParameter", "need m >= 1 and n >= 1, got m=" + m + ", n=" + n);
        }
        if (groupSize < 1 || n % groupSize != 0) {
            throw new FixpointException("InvalidParameter", "the group size must be >= 1 and divide n = " + n + ", got " + groupSize);
        }
        if (!(groupProbability > 0 && groupProbability <= 1)) {
            throw new FixpointException("InvalidParameter", "the group probability must be in (0, 1], got " + groupProbability);
        }
        if (Double.isNaN(snrDb) || snrDb == Double.NEGATIVE_INFINITY) {
            throw new FixpointException("InvalidParameter", "snrDb must be a number or +Infinity (noiseless), got " + snrDb);
        }
        this.m = m;
        this.n = n;
        this.groupSize = groupSize;
        this.groupProbability = groupProbability;
        this.snrDb = snrDb;
        this.seed = seed;
        this.matrix = SparseRecoveryProblem.gaussianUnitColumns(m, n, new SplittableRandom(seed));
    }

    /** @return a new batch of {@code count} samples drawn from {@code rng} (advances it) */
    public SparseRecoveryBatch sample(int count, SplittableRandom rng) {
        if (count < 1) {
            throw new FixpointException("InvalidParameter", "sample count must be >= 1, got " + count);
        }
        double[] x = new double[n * count];
        int groups = n / groupSize;
        for (int b = 0; b < count; b++) {
            for (int gr = 0; gr < groups; gr++) {
                if (rng.nextDouble() < groupProbability) {
                    for (int i = gr * groupSize; i < (gr + 1) * groupSize; i++) {
                        x[i * count + b] = rng.nextGaussian();
                    }
                }
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

    /** @return the fixed test set of {@code count} samples */
    public SparseRecoveryBatch testSet(int count) {
        return sample(count, new SplittableRandom(seed ^ 0x6E57_5E7L));
    }

    /** @return a fixed validation set, from a stream other than the test set's */
    public SparseRecoveryBatch validationSet(int count) {
        return sample(count, new SplittableRandom(seed ^ 0x6BADCAFEL));
    }

    /** @return A [m, n] (owned by the problem; do not modify) */
    public Tensor matrix() {
        return matrix;
    }

    /** @return the number of measurements m */
    public int m() {
        return m;
    }

    /** @return the signal length n */
    public int n() {
        return n;
    }

    /** @return the group size g */
    public int groupSize() {
        return groupSize;
    }

    /** @return the probability p that a group is active */
    public double groupProbability() {
        return groupProbability;
    }

    /** @return the SNR in dB (+∞ when noiseless) */
    public double snrDb() {
        return snrDb;
    }

    /** @return the seed of the matrix and of the fixed sets */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return String.format("GroupSparseRecoveryProblem[m=%d, n=%d, g=%d, p=%.3g, snr=%s dB, seed=%d]", m, n, groupSize,
                groupProbability, Double.isInfinite(snrDb) ? "inf" : Double.toString(snrDb), seed);
    }
}
