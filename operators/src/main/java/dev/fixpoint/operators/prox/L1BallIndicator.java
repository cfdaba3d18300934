package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the ℓ1 ball {@code {x : Σᵢ|xᵢ| ≤ r}} ({@code r > 0}) for tensors of any shape.
 *
 * <p>Prox (projection): {@code v} itself when {@code ‖v‖₁ ≤ r}, else
 * {@code sign(vᵢ)·max(|vᵢ| − θ, 0)} where θ comes from the sort-based simplex projection of
 * {@code |v|} ({@code O(n log n)}). Conjugate: {@code r‖y‖∞}, returned by {@link #conjugate()} as an
 * {@link LInfNorm}. Points with {@code ‖x‖₁ ≤ r(1 + 1e-12 + n·1e-15)} count as inside.
 */
public final class L1BallIndicator extends ProximalFunction {
    private final double radius;

    L1BallIndicator(double radius) {
        this.radius = Parameters.positive("l1Ball", "radius r", radius);
    }

    /** @return r */
    public double radius() {
        return radius;
    }

    @Override
    public String name() {
        return "l1Ball(r=" + radius + ")";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        int n = x.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(d[o + i]);
        }
        return s <= radius * (1 + Parameters.FEASIBILITY + n * 1e-15) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        project(v, radius, out);
    }

    /** {@code out ← P(v)}, the projection onto the ℓ1 ball of radius {@code r > 0}. */
    static void project(Tensor v, double r, Tensor out) {
        int n = v.size();
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double[] abs = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(vd[vo + i]);
            s += abs[i];
        }
        if (s <= r) {
            System.arraycopy(vd, vo, od, oo, n);
            return;
        }
        double theta = SimplexProjection.threshold(abs, 0, n, r, new double[n]);
        for (int i = 0; i < n; i++) {
            double m = abs[i] - theta;
            od[oo + i] = m > 0 ? Math.copySign(m, vd[vo + i]) : 0.0;
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        return radius * y.normInf();
    }

    @Override
    public ProximalFunction conjugate() {
        return new LInfNorm(radius);
    }
}
