package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * The indicator of the affine set {@code {x ∈ ℝⁿ : Ax = b}} for a dense {@code A} of shape
 * {@code [m, n]} with full row rank ({@code m ≤ n}) and {@code b} of shape {@code [m]}; inputs are
 * vectors {@code [n]}.
 *
 * <p>At construction the thin SVD {@code A = U·diag(s)·Vᵀ} is computed once ({@link LinearAlgebra#svd});
 * a numerical rank below {@code m} (smallest singular value {@code ≤ max(m, n)·ε·s_max}) is rejected
 * naming the singular values. The orthonormal basis {@code Vᵀ} ({@code [m, n]}) of the row space and
 * {@code c = diag(s)⁻¹Uᵀb} are cached, so the projection
 * {@code P(v) = v − V(Vᵀv − c)} costs {@code O(mn)} and no solve. Conjugate (support function):
 * {@code f*(y) = ⟨y, x₀⟩} for {@code y} in the row space of A (to a relative {@code 1e-9}), with
 * {@code x₀ = Vc} the minimum-norm solution; {@code +∞} otherwise. Points with
 * {@code ‖Ax − b‖ ≤ 1e-11·(‖A‖_F‖x‖ + ‖b‖)} count as inside.
 */
public final class AffineSetIndicator extends ProximalFunction {
    private final Tensor a;
    private final Tensor b;
    private final Tensor rowBasis; // Vᵀ, [m, n]
    private final Tensor coefficients; // c, [m]
    private final Tensor minimumNormSolution; // x₀ = V c, [n]
    private final double frobenius;
    private final int m;
    private final int n;

    AffineSetIndicator(Tensor a, Tensor b) {
        Parameters.rank("affineSet A", a, 2);
        m = a.dim(0);
        n = a.dim(1);
        if (b.rank() != 1 || b.dim(0) != m) {
            throw new ShapeMismatchException("affineSet", a.shape(), b.shape(), "b must have shape [" + m + "]");
        }
        a.requireFinite("affineSet matrix A");
        b.requireFinite("affineSet right-hand side b");
        if (m == 0 || m > n) {
            throw new FixpointException("BadParameter", "affineSet: A of shape " + Arrays.toString(a.shape())
                    + " cannot have full row rank (need 1 ≤ m ≤ n); remove redundant equations");
        }
        LinearAlgebra.Svd svd = LinearAlgebra.current().svd(a);
        double[] s = svd.s().toArray();
        double cutoff = Math.max(m, n) * Math.ulp(1.0) * s[0];
        for (int i = 0; i < m; i++) {
            if (!(s[i] > cutoff)) {
                throw new FixpointException("RankDeficient", "affineSet: A of shape " + Arrays.toString(a.shape())
                        + " has numerical rank " + i + " < " + m + " rows (singular values " + Arrays.toString(s)
                        + ", cutoff " + cutoff + "); remove linearly dependent rows of A (and b)");
            }
        }
        this.a = a.copy();
        this.b = b.copy();
        this.rowBasis = svd.vt().copy();
        Tensor utb = Tensor.matvecInto(1.0, svd.u(), true, b, 0.0, null);
        double[] c = utb.toArray();
        for (int i = 0; i < m; i++) {
            c[i] /= s[i];
        }
        this.coefficients = Tensor.wrap(c, m);
        this.minimumNormSolution = Tensor.matvecInto(1.0, rowBasis, true, coefficients, 0.0, null);
        this.frobenius = a.norm();
    }

    /** @return a copy of A */
    public Tensor matrix() {
        return a.copy();
    }

    /** @return a copy of b */
    public Tensor rhs() {
        return b.copy();
    }

    /** @return the minimum-norm point of the set, {@code A⁺b} */
    public Tensor minimumNormSolution() {
        return minimumNormSolution.copy();
    }

    @Override
    public String name() {
        return "affineSet[" + m + "×" + n + "]";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    private void checkShape(Tensor x, String op) {
        if (x.rank() != 1 || x.dim(0) != n) {
            throw new ShapeMismatchException(name() + "." + op, x.shape(), new int[]{n}, "inputs are vectors of length n = " + n);
        }
    }

    @Override
    public double value(Tensor x) {
        checkShape(x, "value");
        Tensor r = Tensor.matvecInto(1.0, a, false, x, 0.0, null);
        double res = r.sub(b).norm();
        return res <= 1e-11 * (frobenius * x.norm() + b.norm()) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        checkShape(v, "prox");
        Tensor w = Tensor.matvecInto(1.0, rowBasis, false, v, 0.0, null); // Vᵀv
        w.axpyInPlace(-1.0, coefficients);                                // Vᵀv − c
        out.assign(v);
        Tensor.matvecInto(-1.0, rowBasis, true, w, 1.0, out);             // v − V(Vᵀv − c)
    }

    @Override
    public double conjugateValue(Tensor y) {
        checkShape(y, "conjugateValue");
        Tensor w = Tensor.matvecInto(1.0, rowBasis, false, y, 0.0, null);
        Tensor outside = y.copy();
        Tensor.matvecInto(-1.0, rowBasis, true, w, 1.0, outside); // (I − VVᵀ)y
        if (outside.norm() > 1e-9 * y.norm()) {
            return Double.POSITIVE_INFINITY;
        }
        return y.dot(minimumNormSolution);
    }
}
