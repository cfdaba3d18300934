package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the non-negative orthant {@code {x : xᵢ ≥ 0}} for tensors of any shape.
 * Prox (projection): {@code max(vᵢ, 0)}. Conjugate: the indicator of the non-positive orthant
 * ({@code f*(y) = 0} if every {@code yᵢ ≤ 0}, else {@code +∞}).
 */
public final class NonNegativeIndicator extends ProximalFunction {
    NonNegativeIndicator() {
    }

    @Override
    public String name() {
        return "nonNegative";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    @Override
    public double value(Tensor x) {
        return x.size() == 0 || x.min() >= 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        for (int i = 0, n = v.size(); i < n; i++) {
            double a = vd[vo + i];
            od[oo + i] = a > 0 ? a : 0.0;
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        return y.size() == 0 || y.max() <= 0 ? 0 : Double.POSITIVE_INFINITY;
    }
}
