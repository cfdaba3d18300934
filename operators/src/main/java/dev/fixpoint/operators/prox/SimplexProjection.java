package dev.fixpoint.operators.prox;

import java.util.Arrays;

/**
 * The sort-based Euclidean projection onto the simplex {@code {x ≥ 0, Σx = r}} (Held, Wolfe and
 * Crowder 1974; Duchi et al. 2008), {@code O(n log n)}.
 */
final class SimplexProjection {
    private SimplexProjection() {
    }

    /**
     * @param a       values {@code a[off … off+n-1]} (not modified)
     * @param r       the simplex sum, {@code > 0}
     * @param scratch at least {@code n} doubles (overwritten)
     * @return the threshold θ with {@code Σᵢ max(aᵢ − θ, 0) = r}
     */
    static double threshold(double[] a, int off, int n, double r, double[] scratch) {
        System.arraycopy(a, off, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        double cumulative = 0;
        double theta = scratch[n - 1] - r;
        for (int j = 1; j <= n; j++) {
            double u = scratch[n - j];
            cumulative += u;
            double t = (cumulative - r) / j;
            if (u - t <= 0) {
                break;
            }
            theta = t;
        }
        return theta;
    }
}
