package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the Euclidean ball {@code {x : ‖x‖₂ ≤ r}} ({@code r > 0}) for tensors of any shape.
 * Prox (projection): {@code v·min(1, r/‖v‖₂)}. Conjugate: {@code r‖y‖₂}, returned by
 * {@link #conjugate()} as an {@link L2Norm}. Points with {@code ‖x‖₂ ≤ r(1 + 1e-12)} count as inside.
 */
public final class L2BallIndicator extends ProximalFunction {
    private final double radius;

    L2BallIndicator(double radius) {
        this.radius = Parameters.positive("l2Ball", "radius r", radius);
    }

    /** @return r */
    public double radius() {
        return radius;
    }

    @Override
    public String name() {
        return "l2Ball(r=" + radius + ")";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    @Override
    public double value(Tensor x) {
        return Parameters.withinBound(x.norm(), radius) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double nv = v.norm();
        L2Norm.scaleInto(v, nv > radius ? radius / nv : 1.0, out);
    }

    @Override
    public double conjugateValue(Tensor y) {
        return radius * y.norm();
    }

    @Override
    public ProximalFunction conjugate() {
        return new L2Norm(radius);
    }
}
