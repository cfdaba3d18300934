package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the simplex {@code Δ_r = {x : xᵢ ≥ 0, Σᵢ xᵢ = r}} ({@code r > 0}) over all
 * elements of a tensor of any shape.
 *
 * <p>Prox (projection, sort-based, {@code O(n log n)}): {@code xᵢ = max(vᵢ − θ, 0)} with the threshold
 * θ such that {@code Σ xᵢ = r}. Conjugate (support function): {@code f*(y) = r·maxᵢ yᵢ}. Points with
 * {@code xᵢ ≥ 0} and {@code |Σx − r| ≤ (1e-12 + n·1e-15)·(r + Σ|xᵢ|)} count as inside.
 */
public final class SimplexIndicator extends ProximalFunction {
    private final double radius;

    SimplexIndicator(double radius) {
        this.radius = Parameters.positive("simplex", "sum r", radius);
    }

    /** @return r, the sum of the elements of the simplex */
    public double radius() {
        return radius;
    }

    @Override
    public String name() {
        return "simplex(r=" + radius + ")";
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
        double abs = 0;
        for (int i = 0; i < n; i++) {
            double a = d[o + i];
            if (a < 0) {
                return Double.POSITIVE_INFINITY;
            }
            s += a;
            abs += a;
        }
        double tol = (Parameters.FEASIBILITY + n * 1e-15) * (radius + abs);
        return Math.abs(s - radius) <= tol ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        int n = v.size();
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double theta = SimplexProjection.threshold(vd, vo, n, radius, new double[n]);
        for (int i = 0; i < n; i++) {
            double a = vd[vo + i] - theta;
            od[oo + i] = a > 0 ? a : 0.0;
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        return radius * y.max();
    }
}
