package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The indicator of the box {@code {x : loᵢ ≤ xᵢ ≤ hiᵢ}}. The bounds are scalars (any input shape) or
 * tensors (then the input must have their shape); {@code lo = −∞} or {@code hi = +∞} are allowed,
 * NaN is not, and {@code lo ≤ hi} elementwise.
 *
 * <p>Prox (projection): {@code clamp(vᵢ, loᵢ, hiᵢ)}. Conjugate (support function):
 * {@code f*(y) = Σᵢ max(loᵢyᵢ, hiᵢyᵢ)} (0 for {@code yᵢ = 0}, {@code +∞} along an infinite bound).
 * Points within {@code 1e-12·max(1, |bound|)} of the box count as inside.
 */
public final class BoxIndicator extends ProximalFunction {
    private final double loScalar;
    private final double hiScalar;
    private final Tensor lo; // null for scalar bounds
    private final Tensor hi;

    BoxIndicator(double lo, double hi) {
        checkPair(lo, hi, "");
        this.loScalar = lo;
        this.hiScalar = hi;
        this.lo = null;
        this.hi = null;
    }

    BoxIndicator(Tensor lo, Tensor hi) {
        Parameters.sameShape("box", hi, lo, "the lower bound lo");
        double[] l = lo.data();
        double[] h = hi.data();
        for (int i = 0; i < lo.size(); i++) {
            checkPair(l[lo.offset() + i], h[hi.offset() + i], "[" + i + "] (flat index)");
        }
        this.lo = lo.copy();
        this.hi = hi.copy();
        this.loScalar = Double.NaN;
        this.hiScalar = Double.NaN;
    }

    private static void checkPair(double lo, double hi, String where) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo <= hi) || lo == Double.POSITIVE_INFINITY
                || hi == Double.NEGATIVE_INFINITY) {
            throw new FixpointException("BadParameter", "box: bounds lo" + where + " = " + lo + " and hi" + where
                    + " = " + hi + " must satisfy lo ≤ hi (lo < +∞, hi > −∞, no NaN)");
        }
    }

    /** @return a copy of the lower bound as a tensor of {@code shape} (scalar bounds are broadcast) */
    public Tensor lower(int... shape) {
        return lo == null ? Tensor.full(loScalar, shape) : lo.copy();
    }

    /** @return a copy of the upper bound as a tensor of {@code shape} (scalar bounds are broadcast) */
    public Tensor upper(int... shape) {
        return hi == null ? Tensor.full(hiScalar, shape) : hi.copy();
    }

    @Override
    public String name() {
        return lo == null ? "box[" + loScalar + ", " + hiScalar + "]" : "box[lo, hi]";
    }

    @Override
    public boolean isIndicator() {
        return true;
    }

    private static double slack(double bound) {
        return Parameters.FEASIBILITY * Math.max(1, Math.abs(bound));
    }

    @Override
    public double value(Tensor x) {
        double[] d = x.data();
        int o = x.offset();
        int n = x.size();
        if (lo != null) {
            Parameters.sameShape(name() + ".value", x, lo, "the bounds");
        }
        for (int i = 0; i < n; i++) {
            double l = lo == null ? loScalar : lo.data()[i];
            double h = hi == null ? hiScalar : hi.data()[i];
            double a = d[o + i];
            if (a < l - slack(l) || a > h + slack(h)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        int n = v.size();
        if (lo == null) {
            double l = loScalar;
            double h = hiScalar;
            for (int i = 0; i < n; i++) {
                double a = vd[vo + i];
                od[oo + i] = a < l ? l : (a > h ? h : a);
            }
        } else {
            Parameters.sameShape(name() + ".prox", v, lo, "the bounds");
            double[] ld = lo.data();
            double[] hd = hi.data();
            for (int i = 0; i < n; i++) {
                double a = vd[vo + i];
                od[oo + i] = a < ld[i] ? ld[i] : (a > hd[i] ? hd[i] : a);
            }
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        double[] d = y.data();
        int o = y.offset();
        if (lo != null) {
            Parameters.sameShape(name() + ".conjugateValue", y, lo, "the bounds");
        }
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            double a = d[o + i];
            if (a > 0) {
                s += a * (hi == null ? hiScalar : hi.data()[i]);
            } else if (a < 0) {
                s += a * (lo == null ? loScalar : lo.data()[i]);
            }
        }
        return s;
    }
}
