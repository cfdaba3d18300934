package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the ℓ∞ ball {@code {x : maxᵢ|xᵢ| ≤ r}} ({@code r > 0}) for tensors of any shape.
 * Prox (projection): {@code clamp(vᵢ, −r, r)}. Conjugate: {@code r‖y‖₁}, returned by
 * {@link #conjugate()} as an {@link L1Norm}. Points with {@code |xᵢ| ≤ r(1 + 1e-12)} count as inside.
 */
public final class LInfBallIndicator extends ProximalFunction {
    private final double radius;

    LInfBallIndicator(double radius) {
        this.radius = Parameters.positive("linfBall", "radius r", radius);
    }

    /** @return r */
    public double radius() {
        return radius;
    }

    @Override
    public String name() {
        return "linfBall(r=" + radius + ")";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    @Override
    public double value(Tensor x) {
        return Parameters.withinBound(x.normInf(), radius) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        int n = v.size();
        double r = radius;
        for (int i = 0; i < n; i++) {
            double a = vd[vo + i];
            od[oo + i] = a > r ? r : (a < -r ? -r : a);
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += Math.abs(d[o + i]);
        }
        return radius * s;
    }

    @Override
    public ProximalFunction conjugate() {
        return new L1Norm(radius, null);
    }
}
