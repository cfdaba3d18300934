package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The ℓ∞ norm {@code f(x) = λ maxᵢ|xᵢ|} ({@code λ > 0}) for tensors of any shape.
 *
 * <p>Prox by the Moreau identity: {@code prox_{τf}(v) = v − P_B(v)} where {@code B} is the ℓ1 ball of
 * radius {@code τλ} (sort-based projection, {@code O(n log n)}). Conjugate: the indicator of the ℓ1
 * ball of radius λ, returned by {@link #conjugate()} as an {@link L1BallIndicator}.
 */
public final class LInfNorm extends ProximalFunction {
    private final double lambda;

    LInfNorm(double lambda) {
        this.lambda = Parameters.positive("linfNorm", "λ", lambda);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "linfNorm(λ=" + lambda + ")";
    }

    @Override
    public double value(Tensor x) {
        return lambda * x.normInf();
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        L1BallIndicator.project(v, tau * lambda, out);
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        for (int i = 0, n = v.size(); i < n; i++) {
            od[oo + i] = vd[vo + i] - od[oo + i];
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            s += Math.abs(d[o + i]);
        }
        return Parameters.withinBound(s, lambda) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public ProximalFunction conjugate() {
        return new L1BallIndicator(lambda);
    }
}
