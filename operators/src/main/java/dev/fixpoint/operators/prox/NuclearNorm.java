package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The nuclear (trace) norm {@code f(X) = λ‖X‖_* = λ Σᵢ σᵢ(X)} ({@code λ > 0}) of a matrix
 * {@code [m, n]} (rank-2 tensors only; other ranks throw naming the shape).
 *
 * <p>Prox (singular value soft thresholding) through the thin SVD {@code V = U·diag(s)·Vᵀ} of the
 * current backend ({@link LinearAlgebra#svd}): {@code prox_{τf}(V) = U·diag(max(s − τλ, 0))·Vᵀ}.
 * Conjugate: the indicator of the spectral-norm ball {@code {‖Y‖₂ ≤ λ}}, returned by
 * {@link #conjugate()} as a {@link SpectralNormBall}.
 */
public final class NuclearNorm extends ProximalFunction {
    private final double lambda;

    NuclearNorm(double lambda) {
        this.lambda = Parameters.positive("nuclearNorm", "λ", lambda);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "nuclearNorm(λ=" + lambda + ")";
    }

    @Override
    public double value(Tensor x) {
        Parameters.rank(name() + ".value", x, 2);
        return lambda * singularValues(x).sum();
    }

    static Tensor singularValues(Tensor x) {
        if (x.size() == 0) {
            return Tensor.zeros(0);
        }
        return LinearAlgebra.current().svd(x).s();
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        Parameters.rank(name() + ".prox", v, 2);
        double t = tau * lambda;
        mapSingularValues(v, out, s -> s > t ? s - t : 0.0);
    }

    /** {@code out ← U·diag(g(s))·Vᵀ} for the thin SVD of the matrix {@code v}. */
    static void mapSingularValues(Tensor v, Tensor out, java.util.function.DoubleUnaryOperator g) {
        if (v.size() == 0) {
            return;
        }
        LinearAlgebra.Svd svd = LinearAlgebra.current().svd(v);
        Tensor u = svd.u().copy(); // [m, p], scaled column by column
        int m = u.dim(0);
        int p = u.dim(1);
        double[] s = svd.s().data();
        double[] ud = u.data();
        for (int k = 0; k < p; k++) {
            double gk = g.applyAsDouble(s[svd.s().offset() + k]);
            for (int i = 0; i < m; i++) {
                ud[i * p + k] *= gk;
            }
        }
        Tensor.matmulInto(1.0, u, false, svd.vt(), false, 0.0, out);
    }

    @Override
    public double conjugateValue(Tensor y) {
        Parameters.rank(name() + ".conjugateValue", y, 2);
        return Parameters.withinBound(y.size() == 0 ? 0 : singularValues(y).max(), lambda) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public ProximalFunction conjugate() {
        return new SpectralNormBall(lambda);
    }
}
