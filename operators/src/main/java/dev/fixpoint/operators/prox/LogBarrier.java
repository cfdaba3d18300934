package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The logarithmic barrier {@code f(x) = −μ Σᵢ log xᵢ} ({@code μ > 0}; {@code +∞} unless every
 * {@code xᵢ > 0}) for tensors of any shape.
 *
 * <p>Prox: the positive root of {@code x² − vx − τμ = 0}, {@code x = (v + √(v² + 4τμ))/2}, evaluated
 * as {@code 2τμ/(√(v² + 4τμ) − v)} for {@code v < 0} to avoid cancellation. Conjugate:
 * {@code f*(y) = Σᵢ −μ(1 + log(−yᵢ/μ))} for {@code y < 0}, {@code +∞} otherwise.
 */
public final class LogBarrier extends ProximalFunction {
    private final double mu;

    LogBarrier(double mu) {
        this.mu = Parameters.positive("logBarrier", "μ", mu);
    }

    /** @return μ */
    public double mu() {
        return mu;
    }

    @Override
    public String name() {
        return "logBarrier(μ=" + mu + ")";
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        double s = 0;
        for (int i = 0, n = x.size(); i < n; i++) {
            double a = d[o + i];
            if (!(a > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            s += Math.log(a);
        }
        return -mu * s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        double c = 4 * tau * mu;
        for (int i = 0, n = v.size(); i < n; i++) {
            double a = vd[vo + i];
            double root = Math.sqrt(a * a + c);
            od[oo + i] = a >= 0 ? 0.5 * (a + root) : 0.5 * c / (root - a);
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            double a = d[o + i];
            if (!(a < 0)) {
                return Double.POSITIVE_INFINITY;
            }
            s += 1 + Math.log(-a / mu);
        }
        return -mu * s;
    }
}
