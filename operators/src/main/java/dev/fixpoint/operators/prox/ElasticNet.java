package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The elastic net {@code f(x) = λ₁‖x‖₁ + (λ₂/2)‖x‖₂²} ({@code λ₁, λ₂ ≥ 0}) for tensors of any shape.
 *
 * <p>Prox: {@code sign(vᵢ)·max(|vᵢ| − τλ₁, 0) / (1 + τλ₂)}. Conjugate:
 * {@code f*(y) = Σᵢ max(|yᵢ| − λ₁, 0)² / (2λ₂)} (for {@code λ₂ = 0} the indicator of
 * {@code ‖y‖∞ ≤ λ₁}).
 */
public final class ElasticNet extends ProximalFunction {
    private final double lambda1;
    private final double lambda2;

    ElasticNet(double lambda1, double lambda2) {
        this.lambda1 = Parameters.nonNegative("elasticNet", "λ₁", lambda1);
        this.lambda2 = Parameters.nonNegative("elasticNet", "λ₂", lambda2);
    }

    /** @return λ₁ (weight of the ℓ1 term) */
    public double lambda1() {
        return lambda1;
    }

    /** @return λ₂ (weight of the squared ℓ2 term) */
    public double lambda2() {
        return lambda2;
    }

    @Override
    public String name() {
        return "elasticNet(λ₁=" + lambda1 + ", λ₂=" + lambda2 + ")";
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        double l1 = 0;
        double l2 = 0;
        for (int i = 0, n = x.size(); i < n; i++) {
            double a = d[o + i];
            l1 += Math.abs(a);
            l2 += a * a;
        }
        return lambda1 * l1 + 0.5 * lambda2 * l2;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double t = tau * lambda1;
        double s = 1 / (1 + tau * lambda2);
        for (int i = 0, n = v.size(); i < n; i++) {
            double a = vd[vo + i];
            double m = Math.abs(a) - t;
            od[oo + i] = m > 0 ? Math.copySign(m * s, a) : 0.0;
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            double excess = Math.abs(d[o + i]) - lambda1;
            if (excess > 0) {
                if (lambda2 == 0) {
                    if (!Parameters.withinBound(Math.abs(d[o + i]), lambda1)) {
                        return Double.POSITIVE_INFINITY;
                    }
                } else {
                    s += excess * excess;
                }
            }
        }
        return lambda2 == 0 ? 0 : s / (2 * lambda2);
    }
}
