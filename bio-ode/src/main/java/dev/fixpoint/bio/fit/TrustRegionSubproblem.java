package dev.fixpoint.bio.fit;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;

/**
 * The exact trust-region subproblem min gᵀs + ½ sᵀHs subject to ‖s‖₂ ≤ Δ for a small dense symmetric H (possibly
 * indefinite), solved through the eigendecomposition H = QΛQᵀ (Moré and Sorensen 1983): the Newton step when H is
 * positive definite and the step lies inside; otherwise s(λ) = −(H + λI)⁻¹g with λ ≥ max(0, −λ_min) chosen by
 * safeguarded Newton iteration on the secular equation 1/‖s(λ)‖ − 1/Δ = 0; in the hard case (g orthogonal to the
 * eigenspace of λ_min) the step is completed along that eigenvector to the boundary.
 */
final class TrustRegionSubproblem {

    private TrustRegionSubproblem() {
    }

    /**
     * Solves the subproblem.
     *
     * @param h     n×n symmetric matrix (row-major, only read)
     * @param g     gradient, length n (only read)
     * @param delta trust radius &gt; 0
     * @param s     output step, length n (overwritten)
     * @return true if the step lies on the boundary ‖s‖ = Δ (the constraint is active)
     */
    static boolean solve(double[][] h, double[] g, double delta, double[] s) {
        int n = g.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(h[i], 0, flat, i * n, n);
        }
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.current().eigh(Tensor.wrap(flat, n, n));
        double[] lam = eig.values().data().clone();
        Tensor vt = eig.vectors();
        double[] q = vt.data();
        int off = vt.offset();
        double[] a = new double[n];
        double aNorm2 = 0;
        for (int j = 0; j < n; j++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += q[off + i * n + j] * g[i];
            }
            a[j] = v;
            aNorm2 += v * v;
        }
        double lmin = lam[0];
        double scale = Math.max(Math.abs(lam[n - 1]), Math.abs(lmin));
        double tiny = 1e-12 * Math.max(scale, 1e-300);
        double[] c = new double[n];
        if (lmin > tiny) {
            double norm2 = 0;
            for (int j = 0; j < n; j++) {
                c[j] = -a[j] / lam[j];
                norm2 += c[j] * c[j];
            }
            if (Math.sqrt(norm2) <= delta) {
                back(q, off, c, s);
                return false;
            }
        }
        double lo = Math.max(0, -lmin);
        // hard case: g has (almost) no component along the eigenvectors of λ_min and ‖s(lo)‖ < Δ
        double degenerate = 0;
        for (int j = 0; j < n && lam[j] <= lmin + tiny; j++) {
            degenerate += a[j] * a[j];
        }
        if (lmin <= tiny && degenerate <= 1e-20 * Math.max(aNorm2, 1e-300)) {
            double norm2 = 0;
            for (int j = 0; j < n; j++) {
                c[j] = lam[j] <= lmin + tiny ? 0 : -a[j] / (lam[j] + lo);
                norm2 += c[j] * c[j];
            }
            if (Math.sqrt(norm2) < delta) {
                c[0] = Math.sqrt(delta * delta - norm2);
                back(q, off, c, s);
                return true;
            }
        }
        double hi = lo + Math.sqrt(aNorm2) / delta + tiny;
        double lambda = lo + Math.max(tiny, 1e-12 * hi);
        for (int it = 0; it < 200; it++) {
            double norm2 = 0;
            double d3 = 0;
            for (int j = 0; j < n; j++) {
                double den = lam[j] + lambda;
                double cj = a[j] / den;
                norm2 += cj * cj;
                d3 += cj * cj / den;
            }
            double norm = Math.sqrt(norm2);
            if (Math.abs(norm - delta) <= 1e-10 * delta) {
                break;
            }
            if (norm > delta) {
                lo = lambda;
            } else {
                hi = lambda;
            }
            // φ(λ) = 1/‖s‖ − 1/Δ, φ'(λ) = Σ a²/(λ_j+λ)³ / ‖s‖³
            double phi = 1 / norm - 1 / delta;
            double dphi = d3 / (norm2 * norm);
            double next = lambda - phi / dphi;
            lambda = next > lo && next < hi && Double.isFinite(next) ? next : 0.5 * (lo + hi);
            if (hi - lo <= 1e-15 * Math.max(1, hi)) {
                break;
            }
        }
        for (int j = 0; j < n; j++) {
            c[j] = -a[j] / (lam[j] + lambda);
        }
        back(q, off, c, s);
        return true;
    }

    /** s = Q c. */
    private static void back(double[] q, int off, double[] c, double[] s) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += q[off + i * n + j] * c[j];
            }
            s[i] = v;
        }
    }
}
