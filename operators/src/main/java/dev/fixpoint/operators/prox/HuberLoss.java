package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The Huber loss {@code f(x) = Σᵢ h_δ(xᵢ)} with {@code h_δ(t) = t²/2} for {@code |t| ≤ δ} and
 * {@code δ(|t| − δ/2)} otherwise ({@code δ > 0}), for tensors of any shape; scale it with
 * {@link #scaled}.
 *
 * <p>Prox: {@code vᵢ/(1 + τ)} if {@code |vᵢ| ≤ δ(1 + τ)}, else {@code vᵢ − τδ·sign(vᵢ)}.
 * Conjugate: {@code f*(y) = ‖y‖²/2} on the box {@code |yᵢ| ≤ δ}, {@code +∞} outside.
 */
public final class HuberLoss extends ProximalFunction {
    private final double delta;

    HuberLoss(double delta) {
        this.delta = Parameters.positive("huber", "δ", delta);
    }

    /** @return δ, the threshold between the quadratic and the linear part */
    public double delta() {
        return delta;
    }

    @Override
    public String name() {
        return "huber(δ=" + delta + ")";
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        double s = 0;
        for (int i = 0, n = x.size(); i < n; i++) {
            double a = Math.abs(d[o + i]);
            s += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
        }
        return s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double knee = delta * (1 + tau);
        double shrink = 1 / (1 + tau);
        double shift = tau * delta;
        for (int i = 0, n = v.size(); i < n; i++) {
            double a = vd[vo + i];
            od[oo + i] = Math.abs(a) <= knee ? a * shrink : a - Math.copySign(shift, a);
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            double a = d[o + i];
            if (!Parameters.withinBound(Math.abs(a), delta)) {
                return Double.POSITIVE_INFINITY;
            }
            s += a * a;
        }
        return 0.5 * s;
    }
}
