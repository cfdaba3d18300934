package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The Euclidean norm {@code f(x) = λ‖x‖₂} ({@code λ > 0}) of all elements of a tensor of any shape.
 *
 * <p>Prox (block soft thresholding): {@code prox_{τf}(v) = max(1 − τλ/‖v‖₂, 0)·v}. Conjugate: the
 * indicator of the ℓ2 ball of radius λ, returned by {@link #conjugate()} as an
 * {@link L2BallIndicator}.
 */
public final class L2Norm extends ProximalFunction {
    private final double lambda;

    L2Norm(double lambda) {
        this.lambda = Parameters.positive("l2Norm", "λ", lambda);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "l2Norm(λ=" + lambda + ")";
    }

    @Override
    public double value(Tensor x) {
        return lambda * x.norm();
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double nv = v.norm();
        double scale = nv > tau * lambda ? 1 - tau * lambda / nv : 0.0;
        scaleInto(v, scale, out);
    }

    static void scaleInto(Tensor v, double scale, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        for (int i = 0, n = v.size(); i < n; i++) {
            od[oo + i] = scale * vd[vo + i];
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        return Parameters.withinBound(y.norm(), lambda) ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public ProximalFunction conjugate() {
        return new L2BallIndicator(lambda);
    }
}
