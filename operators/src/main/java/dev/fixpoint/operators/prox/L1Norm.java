package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The (weighted) ℓ1 norm {@code f(x) = λ Σᵢ wᵢ|xᵢ|} over the flattened elements of a tensor of any
 * shape ({@code wᵢ = 1} when unweighted; otherwise the weights tensor fixes the shape).
 *
 * <p>Prox (soft thresholding): {@code prox_{τf}(v)ᵢ = sign(vᵢ)·max(|vᵢ| − τλwᵢ, 0)}.
 * Conjugate: the indicator of the box {@code |yᵢ| ≤ λwᵢ} (the ℓ∞ ball of radius λ when unweighted),
 * returned by {@link #conjugate()} as a {@link LInfBallIndicator} or {@link BoxIndicator}.
 */
public final class L1Norm extends ProximalFunction {
    private final double lambda;
    private final Tensor weights; // null when unweighted

    L1Norm(double lambda, Tensor weights) {
        this.lambda = Parameters.nonNegative("l1", "λ", lambda);
        this.weights = weights == null ? null : Parameters.nonNegativeElements("l1", "weights", weights);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    /** @return a copy of the weights, or null when unweighted */
    public Tensor weights() {
        return weights == null ? null : weights.copy();
    }

    @Override
    public String name() {
        return weights == null ? "l1(λ=" + lambda + ")" : "weightedL1(λ=" + lambda + ")";
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        int n = x.size();
        double s = 0;
        if (weights == null) {
            for (int i = 0; i < n; i++) {
                s += Math.abs(d[o + i]);
            }
        } else {
            Parameters.sameShape(name() + ".value", x, weights, "the weights");
            double[] w = weights.data();
            for (int i = 0; i < n; i++) {
                s += w[i] * Math.abs(d[o + i]);
            }
        }
        return lambda * s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        int n = v.size();
        double t = tau * lambda;
        if (weights == null) {
            for (int i = 0; i < n; i++) {
                double a = vd[vo + i];
                double m = Math.abs(a) - t;
                od[oo + i] = m > 0 ? Math.copySign(m, a) : 0.0;
            }
        } else {
            Parameters.sameShape(name() + ".prox", v, weights, "the weights");
            double[] w = weights.data();
            for (int i = 0; i < n; i++) {
                double a = vd[vo + i];
                double m = Math.abs(a) - t * w[i];
                od[oo + i] = m > 0 ? Math.copySign(m, a) : 0.0;
            }
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        int n = y.size();
        if (weights != null) {
            Parameters.sameShape(name() + ".conjugateValue", y, weights, "the weights");
        }
        for (int i = 0; i < n; i++) {
            double bound = weights == null ? lambda : lambda * weights.data()[i];
            if (!Parameters.withinBound(Math.abs(d[o + i]), bound)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }

    /** @return the indicator of {@code {|yᵢ| ≤ λwᵢ}} with its own (clamping) prox */
    @Override
    public ProximalFunction conjugate() {
        if (lambda == 0) {
            return super.conjugate();
        }
        if (weights == null) {
            return new LInfBallIndicator(lambda);
        }
        Tensor hi = weights.mul(lambda);
        return new BoxIndicator(hi.neg(), hi);
    }
}
