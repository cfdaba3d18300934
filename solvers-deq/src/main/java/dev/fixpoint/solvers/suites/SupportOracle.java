package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.solvers.sparse.Nmse;

/**
 * The support-oracle least-squares floor: for each sample, least squares restricted to the true
 * support S, {@code x̂_S = argmin ‖A_S z − y‖₂}, {@code x̂ = 0} off S. Its NMSE over a test set is what
 * an estimator that knew the support would reach; learned networks are compared with it in noise.
 */
final class SupportOracle {
    private SupportOracle() {
    }

    /**
     * @param a A [m, n]
     * @param y [m, N]
     * @param x the true signals [n, N]
     * @return the NMSE (dB) of the oracle estimates over the N samples (−∞ or near the rounding level
     *         when noiseless)
     */
    static double nmseDb(Tensor a, Tensor y, Tensor x) {
        int m = a.dim(0);
        int n = a.dim(1);
        int cols = y.dim(1);
        Tensor estimate = Tensor.zeros(n, cols);
        LinearAlgebra la = LinearAlgebra.current();
        int[] support = new int[n];
        for (int b = 0; b < cols; b++) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                if (x.get(i, b) != 0) {
                    support[s++] = i;
                }
            }
            if (s == 0) {
                continue;
            }
            Tensor sub = Tensor.zeros(m, s);
            Tensor rhs = Tensor.zeros(m);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < s; j++) {
                    sub.data()[r * s + j] = a.get(r, support[j]);
                }
                rhs.data()[r] = y.get(r, b);
            }
            Tensor z = la.lstsq(sub, rhs);
            for (int j = 0; j < s; j++) {
                estimate.set(z.get(j), support[j], b);
            }
        }
        return Nmse.decibels(estimate, x);
    }
}
