package dev.fixpoint.solvers.fixedpoint;

/** Cholesky solve of the small symmetric positive definite systems of the quasi-Newton solvers. */
final class SmallCholesky {
    private SmallCholesky() {
    }

    /**
     * Solves {@code A x = b} for the leading {@code k × k} block of {@code a}.
     *
     * @param a            symmetric matrix; its lower triangle is overwritten by the factor (<b>modified</b>)
     * @param b            right-hand side (not modified)
     * @param maxCondition the largest accepted condition estimate {@code (max Lᵢᵢ / min Lᵢᵢ)²}
     * @param x            receives the solution (<b>modified</b>)
     * @return false when the matrix is not numerically positive definite or the estimate exceeds {@code maxCondition}
     */
    static boolean solveInPlace(double[][] a, double[] b, int k, double maxCondition, double[] x) {
        double maxPivot = 0;
        double minPivot = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double s = a[j][j];
            for (int p = 0; p < j; p++) {
                s -= a[j][p] * a[j][p];
            }
            if (!(s > 0)) {
                return false;
            }
            double l = Math.sqrt(s);
            a[j][j] = l;
            maxPivot = Math.max(maxPivot, l);
            minPivot = Math.min(minPivot, l);
            for (int i = j + 1; i < k; i++) {
                double t = a[i][j];
                for (int p = 0; p < j; p++) {
                    t -= a[i][p] * a[j][p];
                }
                a[i][j] = t / l;
            }
        }
        double ratio = maxPivot / minPivot;
        if (!(ratio * ratio <= maxCondition)) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= a[i][p] * x[p];
            }
            x[i] = s / a[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = x[i];
            for (int p = i + 1; p < k; p++) {
                s -= a[p][i] * x[p];
            }
            x[i] = s / a[i][i];
        }
        return true;
    }
}
