package dev.fixpoint.bio.fit;

/** In-place Cholesky factorisation and solve of a small dense symmetric positive-definite system. */
final class DenseCholesky {

    private DenseCholesky() {
    }

    /**
     * Solves A z = b for the leading k×k block of {@code a}.
     *
     * @param a the matrix, at least k×k; its lower triangle is overwritten with the factor L (A = LLᵀ)
     * @param b right-hand side, length ≥ k; overwritten with the solution z
     * @param k system size
     * @return false (leaving a and b partly overwritten) if A is not numerically positive definite
     */
    static boolean solve(double[][] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            double[] aj = a[j];
            double diag = aj[j];
            for (int p = 0; p < j; p++) {
                diag -= aj[p] * aj[p];
            }
            if (!(diag > 0) || !Double.isFinite(diag)) {
                return false;
            }
            double ljj = Math.sqrt(diag);
            aj[j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double[] ai = a[i];
                double v = ai[j];
                for (int p = 0; p < j; p++) {
                    v -= ai[p] * aj[p];
                }
                ai[j] = v / ljj;
            }
        }
        for (int i = 0; i < k; i++) {
            double v = b[i];
            double[] ai = a[i];
            for (int p = 0; p < i; p++) {
                v -= ai[p] * b[p];
            }
            b[i] = v / ai[i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double v = b[i];
            for (int p = i + 1; p < k; p++) {
                v -= a[p][i] * b[p];
            }
            b[i] = v / a[i][i];
        }
        return true;
    }
}
