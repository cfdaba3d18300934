package dev.fixpoint.bio.ode;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;

/**
 * LU factorisation with partial pivoting of an n×n band matrix with {@code kl} sub- and {@code ku}
 * super-diagonals (LAPACK {@code gbtrf} layout: column-major band storage with kl extra rows for
 * fill-in). With kl = ku = n − 1 it is a dense LU. Cost O(n·kl·(kl + ku)) per factorisation and
 * O(n·(2kl + ku)) per solve. Reuse one instance: {@link #clear}, {@link #add} entries, {@link #factor},
 * then {@link #solve} / {@link #solveTransposed} any number of times. Not thread-safe.
 */
public final class BandedLu {
    private final int n;
    private final int kl;
    private final int ku;
    private final int ld;
    private final double[] ab;
    private final int[] pivot;

    /**
     * @param n  order of the matrix, ≥ 1
     * @param kl number of sub-diagonals, in [0, n−1]
     * @param ku number of super-diagonals, in [0, n−1]
     */
    public BandedLu(int n, int kl, int ku) {
        if (n < 1 || kl < 0 || ku < 0 || kl > n - 1 || ku > n - 1) {
            throw new IllegalArgumentException("[fixpoint/BandedLu] need n ≥ 1 and 0 ≤ kl, ku ≤ n−1, got n=" + n
                    + " kl=" + kl + " ku=" + ku);
        }
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.ld = 2 * kl + ku + 1;
        this.ab = new double[ld * n];
        this.pivot = new int[n];
    }

    /** @return a dense (full-band) factorisation of order n */
    public static BandedLu dense(int n) {
        return new BandedLu(n, n - 1, n - 1);
    }

    /** @return the order */
    public int order() {
        return n;
    }

    /** @return the number of sub-diagonals */
    public int lowerBandwidth() {
        return kl;
    }

    /** @return the number of super-diagonals */
    public int upperBandwidth() {
        return ku;
    }

    /** Sets all entries to zero. */
    public void clear() {
        Arrays.fill(ab, 0);
    }

    private int index(int i, int j) {
        return j * ld + kl + ku + i - j;
    }

    /**
     * Adds v to entry (i, j), which must lie in the band.
     *
     * @param i row
     * @param j column
     * @param v value to add
     */
    public void add(int i, int j, double v) {
        if (i - j > kl || j - i > ku) {
            throw new IllegalArgumentException("[fixpoint/BandedLu] entry (" + i + ", " + j + ") outside the band kl=" + kl
                    + " ku=" + ku);
        }
        ab[index(i, j)] += v;
    }

    /**
     * Factors the matrix in place.
     *
     * @throws FixpointException {@code [fixpoint/SingularMatrix]} naming the column with a zero pivot
     */
    public void factor() {
        int kv = ku + kl;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            double best = Math.abs(ab[index(k, k)]);
            for (int i = k + 1; i <= last; i++) {
                double v = Math.abs(ab[index(i, k)]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (best == 0 || !Double.isFinite(best)) {
                throw new FixpointException("SingularMatrix", "zero or non-finite pivot in column " + k + " of the "
                        + n + "×" + n + " iteration matrix");
            }
            int lastCol = Math.min(n - 1, k + kv);
            if (p != k) {
                for (int j = k; j <= lastCol; j++) {
                    int a = index(k, j);
                    int b = index(p, j);
                    double t = ab[a];
                    ab[a] = ab[b];
                    ab[b] = t;
                }
            }
            double inv = 1.0 / ab[index(k, k)];
            for (int i = k + 1; i <= last; i++) {
                ab[index(i, k)] *= inv;
            }
            for (int j = k + 1; j <= lastCol; j++) {
                double akj = ab[index(k, j)];
                if (akj != 0) {
                    int base = j * ld + kv - j;
                    for (int i = k + 1; i <= last; i++) {
                        ab[base + i] -= ab[index(i, k)] * akj;
                    }
                }
            }
        }
    }

    /**
     * Solves A x = b with the factorisation.
     *
     * @param b right-hand side, overwritten with x
     */
    public void solve(double[] b) {
        int kv = ku + kl;
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
            double bk = b[k];
            if (bk != 0) {
                int last = Math.min(n - 1, k + kl);
                int base = k * ld + kv - k;
                for (int i = k + 1; i <= last; i++) {
                    b[i] -= ab[base + i] * bk;
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            b[k] /= ab[index(k, k)];
            double bk = b[k];
            int first = Math.max(0, k - kv);
            int base = k * ld + kv - k;
            for (int i = first; i < k; i++) {
                b[i] -= ab[base + i] * bk;
            }
        }
    }

    /**
     * Solves Aᵀ x = b with the factorisation.
     *
     * @param b right-hand side, overwritten with x
     */
    public void solveTransposed(double[] b) {
        int kv = ku + kl;
        for (int k = 0; k < n; k++) {
            int first = Math.max(0, k - kv);
            int base = k * ld + kv - k;
            double s = b[k];
            for (int i = first; i < k; i++) {
                s -= ab[base + i] * b[i];
            }
            b[k] = s / ab[base + k];
        }
        for (int k = n - 1; k >= 0; k--) {
            int last = Math.min(n - 1, k + kl);
            int base = k * ld + kv - k;
            double s = b[k];
            for (int i = k + 1; i <= last; i++) {
                s -= ab[base + i] * b[i];
            }
            b[k] = s;
            int p = pivot[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
        }
    }
}
