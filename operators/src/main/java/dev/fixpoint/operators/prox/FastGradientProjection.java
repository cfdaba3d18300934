package dev.fixpoint.operators.prox;

/**
 * The fast gradient projection (FGP) method of A. Beck and M. Teboulle, "Fast gradient-based
 * algorithms for constrained total variation image denoising and deblurring problems", IEEE Trans.
 * Image Processing 18(11):2419–2434, 2009, for {@code min_x ½‖x − v‖² + μ TV(x)} on an
 * {@code h×w} image (row-major, pixel {@code (i, j)} at {@code i·w + j}).
 *
 * <p>With forward differences {@code (D₀x)_{ij} = x_{i+1,j} − x_{ij}} (0 on the last row) and
 * {@code (D₁x)_{ij} = x_{i,j+1} − x_{ij}} (0 on the last column) — Neumann boundary — and
 * {@code TV(x) = max ⟨p, Dx⟩} over the dual set {@code P} (per pixel {@code ‖(p₀, p₁)‖₂ ≤ 1} for the
 * isotropic, {@code |p₀|, |p₁| ≤ 1} for the anisotropic variant), the primal solution is
 * {@code x = v − μDᵀp} for {@code p} minimising {@code ½‖v − μDᵀp‖²} over {@code P}. FGP runs
 * accelerated projected gradient on that dual with step {@code 1/(μ²L)}, {@code L = ‖D‖² ≤ 8}, with
 * the gradient-based adaptive restart of B. O'Donoghue and E. Candès, "Adaptive restart for
 * accelerated gradient schemes", Found. Comput. Math. 15:715–732, 2015 (the momentum is reset when
 * {@code ⟨r − p⁺, p⁺ − p⟩ > 0}), which keeps FISTA's {@code O(1/k²)} bound in practice and removes its
 * oscillations.
 * The dual entries that multiply an always-zero difference ({@code p₀} on the last row, {@code p₁} on
 * the last column) are kept at 0.
 *
 * <p><b>Duality gap.</b> For feasible {@code p} and {@code x = v − μDᵀp},
 * {@code gap = P(x) − D(p) = μ Σ_ij (‖(Dx)_ij‖ − ⟨p_ij, (Dx)_ij⟩)}, a sum of non-negative terms
 * (accumulated without cancellation), and since the primal is 1-strongly convex
 * {@code ½‖x − x*‖² ≤ gap}. It is evaluated every {@link #CHECK_INTERVAL} iterations (two extra
 * sweeps) and at the last iteration. Workspace: one instance per solve (not thread-safe); it
 * allocates its arrays once in the constructor and nothing in the iterations.
 */
final class FastGradientProjection {
    /** Iterations between two duality-gap evaluations. */
    static final int CHECK_INTERVAL = 10;

    private final int h;
    private final int w;
    private final boolean isotropic;
    private final double[] v;
    private final double[] x;
    private final double[] p0;
    private final double[] p1;
    private final double[] r0;
    private final double[] r1;
    private double gap;
    private double primal;
    private int iterations;

    /**
     * @param v         the image (copied, row-major {@code h·w})
     * @param dualStart initial dual {@code [p₀ | p₁]} of length {@code 2hw} or null for zero; projected
     *                  onto {@code P} and cleared on the boundary entries
     */
    FastGradientProjection(int h, int w, boolean isotropic, double[] v, int vOffset, double[] dualStart, int dualOffset) {
        this.h = h;
        this.w = w;
        this.isotropic = isotropic;
        int n = h * w;
        this.v = new double[n];
        System.arraycopy(v, vOffset, this.v, 0, n);
        this.x = new double[n];
        this.p0 = new double[n];
        this.p1 = new double[n];
        this.r0 = new double[n];
        this.r1 = new double[n];
        if (dualStart != null) {
            System.arraycopy(dualStart, dualOffset, p0, 0, n);
            System.arraycopy(dualStart, dualOffset + n, p1, 0, n);
            for (int k = 0; k < n; k++) {
                int i = k / w;
                int j = k - i * w;
                double a0 = i < h - 1 ? p0[k] : 0;
                double a1 = j < w - 1 ? p1[k] : 0;
                if (isotropic) {
                    double s = a0 * a0 + a1 * a1;
                    if (s > 1) {
                        s = 1 / Math.sqrt(s);
                        a0 *= s;
                        a1 *= s;
                    }
                } else {
                    a0 = Math.max(-1, Math.min(1, a0));
                    a1 = Math.max(-1, Math.min(1, a1));
                }
                p0[k] = a0;
                p1[k] = a1;
            }
        }
    }

    /**
     * Runs until {@code gap ≤ tolerance·P(x)} (checked every {@link #CHECK_INTERVAL} iterations) or
     * {@code maxIterations}; afterwards {@link #primal} holds {@code x = v − μDᵀp} for the final
     * feasible dual and {@link #gap()}/{@link #primalObjective()} describe it.
     *
     * @return true if the tolerance was reached
     */
    boolean run(double mu, double tolerance, int maxIterations) {
        if (mu == 0 || h * w == 0) {
            System.arraycopy(v, 0, x, 0, v.length);
            gap = 0;
            primal = 0;
            iterations = 0;
            return true;
        }
        double lipschitz = (h > 1 ? 4 : 0) + (w > 1 ? 4 : 0);
        if (lipschitz == 0) { // a single pixel: TV ≡ 0
            return run(0, tolerance, maxIterations);
        }
        double step = 1 / (mu * lipschitz);
        System.arraycopy(p0, 0, r0, 0, p0.length);
        System.arraycopy(p1, 0, r1, 0, p1.length);
        double t = 1;
        iterations = 0;
        if (evaluate(mu, tolerance)) {
            return true;
        }
        for (int k = 1; k <= maxIterations; k++) {
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double beta = (t - 1) / tNext;
            t = tNext;
            primalFrom(r0, r1, mu);
            if (dualStep(step, beta) > 0) {
                // adaptive restart (O'Donoghue & Candès 2015, gradient scheme): drop the momentum
                System.arraycopy(p0, 0, r0, 0, p0.length);
                System.arraycopy(p1, 0, r1, 0, p1.length);
                t = 1;
            }
            iterations = k;
            if ((k % CHECK_INTERVAL == 0 || k == maxIterations) && evaluate(mu, tolerance)) {
                return true;
            }
        }
        return false;
    }

    /** Computes {@code x ← v − μDᵀq} for a dual field {@code q} with zero boundary entries. */
    private void primalFrom(double[] q0, double[] q1, double mu) {
        for (int i = 0; i < h; i++) {
            int row = i * w;
            double left = 0; // q1 of the left neighbour
            if (i == 0) {
                for (int k = row; k < row + w; k++) {
                    x[k] = v[k] + mu * (q0[k] + q1[k] - left);
                    left = q1[k];
                }
            } else {
                for (int k = row; k < row + w; k++) {
                    x[k] = v[k] + mu * (q0[k] - q0[k - w] + q1[k] - left);
                    left = q1[k];
                }
            }
        }
    }

    /**
     * One projected gradient step from the extrapolated point {@code r} using {@code x = v − μDᵀr}
     * (the gradient of {@code ½‖v − μDᵀp‖²} is {@code −μDx}; the step {@code 1/(μ²L)} times μ is
     * {@code s = 1/(μL)}): {@code p⁺ = Proj_P(r + s·Dx)}, then {@code r ← p⁺ + β(p⁺ − p)},
     * {@code p ← p⁺}. Boundary entries stay 0 because their difference and {@code r} are 0.
     *
     * @return {@code ⟨r − p⁺, p⁺ − p⟩}, positive when the momentum points uphill (restart test)
     */
    private double dualStep(double s, double beta) {
        restartTest = 0;
        for (int i = 0; i < h; i++) {
            int row = i * w;
            int end = row + w - 1;
            if (i < h - 1) {
                for (int k = row; k < end; k++) {
                    double xk = x[k];
                    update(k, s * (x[k + w] - xk), s * (x[k + 1] - xk), beta);
                }
                update(end, s * (x[end + w] - x[end]), 0, beta);
            } else {
                for (int k = row; k < end; k++) {
                    update(k, 0, s * (x[k + 1] - x[k]), beta);
                }
                update(end, 0, 0, beta);
            }
        }
        return restartTest;
    }

    private double restartTest;

    private void update(int k, double d0, double d1, double beta) {
        double r0k = r0[k];
        double r1k = r1[k];
        double a0 = r0k + d0;
        double a1 = r1k + d1;
        if (isotropic) {
            double nn = a0 * a0 + a1 * a1;
            if (nn > 1) {
                double inv = 1 / Math.sqrt(nn);
                a0 *= inv;
                a1 *= inv;
            }
        } else {
            a0 = a0 > 1 ? 1 : a0 < -1 ? -1 : a0;
            a1 = a1 > 1 ? 1 : a1 < -1 ? -1 : a1;
        }
        double e0 = a0 - p0[k];
        double e1 = a1 - p1[k];
        restartTest += (r0k - a0) * e0 + (r1k - a1) * e1;
        r0[k] = a0 + beta * e0;
        r1[k] = a1 + beta * e1;
        p0[k] = a0;
        p1[k] = a1;
    }

    /** Sets {@code x = v − μDᵀp} and the gap and primal objective at {@code p}; true if converged. */
    private boolean evaluate(double mu, double tolerance) {
        primalFrom(p0, p1, mu);
        double slack = 0;
        double tv = 0;
        double fit = 0;
        for (int i = 0; i < h; i++) {
            int row = i * w;
            boolean lastRow = i == h - 1;
            for (int j = 0; j < w; j++) {
                int k = row + j;
                double g0 = lastRow ? 0 : x[k + w] - x[k];
                double g1 = j == w - 1 ? 0 : x[k + 1] - x[k];
                double norm = isotropic ? Math.sqrt(g0 * g0 + g1 * g1) : Math.abs(g0) + Math.abs(g1);
                tv += norm;
                slack += Math.max(0, norm - (p0[k] * g0 + p1[k] * g1));
                double d = x[k] - v[k];
                fit += d * d;
            }
        }
        gap = mu * slack;
        primal = 0.5 * fit + mu * tv;
        return gap <= tolerance * primal;
    }

    /** @return the primal image {@code x = v − μDᵀp} (row-major; owned by this object) */
    double[] primal() {
        return x;
    }

    /** Copies the dual {@code [p₀ | p₁]} into {@code out} at {@code offset} ({@code 2hw} values). */
    void copyDual(double[] out, int offset) {
        System.arraycopy(p0, 0, out, offset, p0.length);
        System.arraycopy(p1, 0, out, offset + p0.length, p1.length);
    }

    /** @return the duality gap {@code μ Σ(‖Dx‖ − ⟨p, Dx⟩)} at the final iterate */
    double gap() {
        return gap;
    }

    /** @return {@code ½‖x − v‖² + μ TV(x)} at the final iterate */
    double primalObjective() {
        return primal;
    }

    /** @return the number of FGP iterations performed */
    int iterations() {
        return iterations;
    }
}
