package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.core.linalg.LinearAlgebraException;
import java.util.Arrays;

/**
 * The analytic weight of ALISTA (Liu et al., 2019): the matrix W [m, n] of minimal coherence with
 * A [m, n],
 * <pre>
 *   W = argmin ‖WᵀA‖_F²   subject to   diag(WᵀA) = 1   (wᵢᵀaᵢ = 1 for every column i).
 * </pre>
 *
 * <p><b>Closed form.</b> The objective is Σᵢ Σⱼ (wᵢᵀaⱼ)² = Σᵢ wᵢᵀ(AAᵀ)wᵢ and the constraints act on
 * one column each, so the problem decouples into n problems min wᵀ(AAᵀ)w s.t. aᵢᵀw = 1. For A of
 * full row rank, AAᵀ is positive definite and each is a strictly convex quadratic with one linear
 * constraint; its stationarity condition 2(AAᵀ)w = μaᵢ gives w ∝ (AAᵀ)⁻¹aᵢ and the constraint fixes
 * the scale:
 * <pre>
 *   wᵢ = (AAᵀ)⁻¹aᵢ / (aᵢᵀ(AAᵀ)⁻¹aᵢ).
 * </pre>
 * This is the unique minimiser; the authors compute the same W iteratively (projected gradient
 * descent on this objective, their Algorithm 1), and the tests check the closed form against that
 * iteration. Minimising the full ‖WᵀA‖_F² or only its off-diagonal part is the same problem, since
 * the diagonal is fixed by the constraint.
 *
 * <p>Cost: an m×m symmetric eigendecomposition (the rank check: the smallest eigenvalue of AAᵀ must
 * exceed m·ε times the largest) and one m×m Cholesky solve with n right-hand sides.
 */
public final class AnalyticWeight {
    private AnalyticWeight() {
    }

    /**
     * @param a [m, n] with full row rank m (finite; not modified)
     * @return W [m, n] with wᵢᵀaᵢ = 1 and minimal ‖WᵀA‖_F
     * @throws FixpointException {@code [fixpoint/RankDeficient]} if A does not have full row rank numerically
     */
    public static Tensor of(Tensor a) {
        if (a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
            throw new ShapeMismatchException("AnalyticWeight: A must be a matrix [m, n], got shape " + Arrays.toString(a.shape()));
        }
        a.requireFinite("AnalyticWeight: matrix A");
        int m = a.dim(0);
        int n = a.dim(1);
        Tensor gram = Tensor.matmul(a, false, a, true);
        Tensor eig = LinearAlgebra.current().eigh(gram).values();
        if (!(eig.min() > m * Math.ulp(1.0) * eig.max())) {
            throw new FixpointException("RankDeficient", "AnalyticWeight: A [" + m + ", " + n + "] does not have full row rank m = "
                    + m + " (smallest/largest eigenvalue of AAᵀ: " + eig.min() + " / " + eig.max()
                    + "), so the minimal-coherence weight is not unique");
        }
        Tensor z;
        try {
            z = LinearAlgebra.current().solveSpd(gram, a);
        } catch (LinearAlgebraException e) {
            throw new FixpointException("RankDeficient", "AnalyticWeight: AAᵀ of A [" + m + ", " + n
                    + "] is not positive definite, so A does not have full row rank m = " + m
                    + " and the minimal-coherence weight is not unique: " + e.getMessage());
        }
        double[] zd = z.data();
        double[] ad = a.data();
        int ao = a.offset();
        double[] scale = new double[n];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                scale[i] += ad[ao + r * n + i] * zd[r * n + i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(scale[i] > 0)) {
                throw new FixpointException("RankDeficient", "AnalyticWeight: column " + i
                        + " of A gives aᵢᵀ(AAᵀ)⁻¹aᵢ = " + scale[i] + " (must be > 0; is column " + i + " zero?)");
            }
        }
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                zd[r * n + i] /= scale[i];
            }
        }
        return z;
    }

    /** @return the mutual coherence max over i ≠ j of |wᵢᵀaⱼ| of W and A (both [m, n]) */
    public static double mutualCoherence(Tensor w, Tensor a) {
        Tensor c = crossGram(w, a);
        int n = c.dim(0);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    worst = Math.max(worst, Math.abs(c.data()[i * n + j]));
                }
            }
        }
        return worst;
    }

    /** @return ‖WᵀA‖_F², the objective minimised by {@link #of} */
    public static double objective(Tensor w, Tensor a) {
        Tensor c = crossGram(w, a);
        return c.dot(c);
    }

    private static Tensor crossGram(Tensor w, Tensor a) {
        if (!w.sameShape(a) || a.rank() != 2) {
            throw new ShapeMismatchException("AnalyticWeight", w.shape(), a.shape(), "W and A are both [m, n]");
        }
        return Tensor.matmul(w, true, a, false);
    }
}
