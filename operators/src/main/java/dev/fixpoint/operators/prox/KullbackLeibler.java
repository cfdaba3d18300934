package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The Kullback–Leibler / Poisson data fit {@code f(x) = Σᵢ xᵢ − yᵢ log xᵢ} for counts {@code y ≥ 0}
 * (the Poisson negative log-likelihood up to a constant), on tensors of {@code y}'s shape. The domain
 * is {@code xᵢ > 0} where {@code yᵢ > 0} and {@code xᵢ ≥ 0} where {@code yᵢ = 0}
 * ({@code 0·log 0 = 0}); elsewhere {@code f = +∞}.
 *
 * <p>Prox: the non-negative root of {@code x² + (τ − v)x − τy = 0},
 * {@code x = (v − τ + √((v − τ)² + 4τy))/2}, evaluated without cancellation when {@code v < τ}.
 * Conjugate: {@code f*(s) = Σᵢ yᵢ(log yᵢ − 1) − yᵢ log(1 − sᵢ)} for {@code s < 1} (for {@code yᵢ = 0}:
 * 0 when {@code sᵢ ≤ 1}), {@code +∞} otherwise.
 */
public final class KullbackLeibler extends ProximalFunction {
    private final Tensor counts;

    KullbackLeibler(Tensor y) {
        this.counts = Parameters.nonNegativeElements("kullbackLeibler", "y", y);
    }

    /** @return a copy of the data {@code y} */
    public Tensor data() {
        return counts.copy();
    }

    @Override
    public String name() {
        return "kullbackLeibler";
    }

    @Override
    public double value(Tensor x) {
        Parameters.sameShape(name() + ".value", x, counts, "the data y");
        double[] d = x.data();
        double[] y = counts.data();
        int o = x.offset();
        double s = 0;
        for (int i = 0, n = x.size(); i < n; i++) {
            double a = d[o + i];
            if (a < 0 || (a == 0 && y[i] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            s += y[i] > 0 ? a - y[i] * Math.log(a) : a;
        }
        return s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        Parameters.sameShape(name() + ".prox", v, counts, "the data y");
        double[] vd = v.data();
        double[] od = out.data();
        double[] y = counts.data();
        int vo = v.offset();
        int oo = out.offset();
        for (int i = 0, n = v.size(); i < n; i++) {
            double b = vd[vo + i] - tau;
            double c = 4 * tau * y[i];
            double root = Math.sqrt(b * b + c);
            od[oo + i] = b >= 0 ? 0.5 * (b + root) : (c == 0 ? 0.0 : 0.5 * c / (root - b));
        }
    }

    @Override
    public double conjugateValue(Tensor s) {
        Parameters.sameShape(name() + ".conjugateValue", s, counts, "the data y");
        double[] d = s.data();
        double[] y = counts.data();
        int o = s.offset();
        double total = 0;
        for (int i = 0, n = s.size(); i < n; i++) {
            double a = d[o + i];
            if (y[i] == 0) {
                if (!Parameters.withinBound(a, 1)) {
                    return Double.POSITIVE_INFINITY;
                }
            } else {
                if (!(a < 1)) {
                    return Double.POSITIVE_INFINITY;
                }
                total += y[i] * (Math.log(y[i]) - 1) - y[i] * Math.log1p(-a);
            }
        }
        return total;
    }
}
