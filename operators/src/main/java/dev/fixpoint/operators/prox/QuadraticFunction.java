package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * The quadratic {@code f(x) = ½xᵀQx + qᵀx} for a dense symmetric positive semidefinite {@code Q}
 * ({@code [n, n]}) and {@code q} ({@code [n]}); inputs are vectors {@code [n]}.
 *
 * <p>At construction {@code Q} is checked for symmetry ({@code |Qᵢⱼ − Qⱼᵢ| ≤ 1e-12·max|Q|}, naming the
 * worst pair) and eigendecomposed once, {@code Q = W·diag(λ)·Wᵀ} ({@link LinearAlgebra#eigh}); an
 * eigenvalue below {@code −1e-12·max|λ|} is rejected as not PSD (tiny negative ones are set to 0).
 * The prox solves {@code (I + τQ)x = v − τq} for every τ from the cached factorisation:
 * {@code x = W·diag(1/(1 + τλ))·Wᵀ(v − τq)}, {@code O(n²)}. Conjugate:
 * {@code f*(y) = ½(y − q)ᵀQ⁺(y − q)} when {@code y − q} is in the range of Q (to a relative
 * {@code 1e-9}), {@code +∞} otherwise.
 */
public final class QuadraticFunction extends ProximalFunction {
    private final Tensor matrix;
    private final Tensor linear;
    private final Tensor eigenvectors; // W, [n, n], columns
    private final double[] eigenvalues;
    private final int n;

    QuadraticFunction(Tensor q, Tensor linear) {
        Parameters.rank("quadratic Q", q, 2);
        n = q.dim(0);
        if (q.dim(1) != n) {
            throw new ShapeMismatchException("quadratic: Q must be square, got shape " + Arrays.toString(q.shape()));
        }
        if (linear.rank() != 1 || linear.dim(0) != n) {
            throw new ShapeMismatchException("quadratic", q.shape(), linear.shape(), "q must have shape [" + n + "]");
        }
        q.requireFinite("quadratic matrix Q");
        linear.requireFinite("quadratic linear term q");
        double[] d = q.toArray();
        double maxAbs = 0;
        for (double x : d) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        double worst = 0;
        int wi = 0;
        int wj = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double diff = Math.abs(d[i * n + j] - d[j * n + i]);
                if (diff > worst) {
                    worst = diff;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst > 1e-12 * maxAbs) {
            throw new FixpointException("BadParameter", "quadratic: Q is not symmetric: Q[" + wi + "," + wj + "] = "
                    + d[wi * n + wj] + " but Q[" + wj + "," + wi + "] = " + d[wj * n + wi]);
        }
        LinearAlgebra.SymmetricEigen eig = n == 0 ? null : LinearAlgebra.current().eigh(q);
        eigenvalues = n == 0 ? new double[0] : eig.values().toArray();
        double lmax = 0;
        for (double l : eigenvalues) {
            lmax = Math.max(lmax, Math.abs(l));
        }
        for (int i = 0; i < n; i++) {
            if (eigenvalues[i] < -1e-12 * lmax) {
                throw new FixpointException("BadParameter", "quadratic: Q is not positive semidefinite (eigenvalue "
                        + eigenvalues[i] + " < 0, largest |λ| = " + lmax + ")");
            }
            eigenvalues[i] = Math.max(eigenvalues[i], 0);
        }
        this.eigenvectors = n == 0 ? Tensor.zeros(0, 0) : eig.vectors().copy();
        this.matrix = q.copy();
        this.linear = linear.copy();
    }

    /** @return a copy of Q */
    public Tensor matrix() {
        return matrix.copy();
    }

    /** @return a copy of q */
    public Tensor linearTerm() {
        return linear.copy();
    }

    @Override
    public String name() {
        return "quadratic[" + n + "]";
    }

    private void checkShape(Tensor x, String op) {
        if (x.rank() != 1 || x.dim(0) != n) {
            throw new ShapeMismatchException(name() + "." + op, x.shape(), new int[]{n}, "inputs are vectors of length n = " + n);
        }
    }

    @Override
    public double value(Tensor x) {
        checkShape(x, "value");
        Tensor qx = Tensor.matvecInto(1.0, matrix, false, x, 0.0, null);
        return 0.5 * x.dot(qx) + linear.dot(x);
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        checkShape(v, "prox");
        Tensor rhs = v.copy().axpyInPlace(-tau, linear);
        Tensor w = Tensor.matvecInto(1.0, eigenvectors, true, rhs, 0.0, null); // Wᵀ(v − τq)
        double[] wd = w.data();
        for (int i = 0; i < n; i++) {
            wd[i] /= 1 + tau * eigenvalues[i];
        }
        Tensor.matvecInto(1.0, eigenvectors, false, w, 0.0, out);
    }

    @Override
    public double conjugateValue(Tensor y) {
        checkShape(y, "conjugateValue");
        Tensor r = y.sub(linear);
        Tensor w = Tensor.matvecInto(1.0, eigenvectors, true, r, 0.0, null);
        double[] wd = w.data();
        double lmax = 0;
        for (double l : eigenvalues) {
            lmax = Math.max(lmax, l);
        }
        double cutoff = Math.max(1, n) * Math.ulp(1.0) * lmax;
        double s = 0;
        double norm = r.norm();
        for (int i = 0; i < n; i++) {
            if (eigenvalues[i] > cutoff) {
                s += wd[i] * wd[i] / eigenvalues[i];
            } else if (Math.abs(wd[i]) > 1e-9 * norm + Double.MIN_NORMAL) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0.5 * s;
    }
}
