package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Soft thresholding with support selection (Chen et al., 2018, "LISTA-CPSS"): in each sample
 * (column), the entries with the largest magnitudes — the ones most likely in the true support —
 * pass unshrunk; the others are soft-thresholded.
 *
 * <p>For v [n, B], a scalar threshold θ and a percentage q, let c = ⌊q·n/100⌋ and τ_b the
 * (c+1)-th largest |v_ib| of column b (τ_b = +∞ for c = 0, −∞ for c ≥ n). Then
 * <pre>
 *   out_ib = v_ib                          if |v_ib| > τ_b and |v_ib| > θ     (selected: passes)
 *          = sign(v_ib)·max(|v_ib| − θ, 0)  otherwise                          (soft threshold)
 * </pre>
 * so without ties exactly the c largest magnitudes above θ pass. As in the authors' code, the
 * selection is treated as constant in the derivatives: ∂out/∂v = 1 on selected and on shrunk nonzero
 * entries, 0 on zeroed ones; ∂out/∂θ = −sign(v) on shrunk nonzero entries only. Derivatives are
 * exact away from ties |v_ib| = τ_b and from the kinks |v_ib| = θ.
 *
 * <p>The layer schedule of the papers is {@link #percent(int, double, double)}:
 * p_k = min(p·(k+1), p_max) for the 0-based layer k, with the authors' defaults
 * {@link #DEFAULT_PERCENT} = 1.2 % and {@link #DEFAULT_MAX_PERCENT} = 13 %
 * ({@code -p 1.2 -maxp 13} in the LISTA-CPSS and ALISTA code).
 *
 * <p>Forward and backward are one fused pass each (plus an O(n) selection per column); differentiable
 * once (forward and reverse mode).
 */
public final class SupportSelection {
    /** The per-layer increment p of the selected percentage, in percent. */
    public static final double DEFAULT_PERCENT = 1.2;
    /** The largest selected percentage p_max, in percent. */
    public static final double DEFAULT_MAX_PERCENT = 13.0;

    private SupportSelection() {
    }

    /**
     * @param layer      0-based layer index k
     * @param percent    p ≥ 0, in percent
     * @param maxPercent p_max ∈ [0, 100], in percent
     * @return min(p·(k+1), p_max), in percent
     */
    public static double percent(int layer, double percent, double maxPercent) {
        return Math.min(percent * (layer + 1), maxPercent);
    }

    /** @return c = ⌊q·n/100⌋ (up to rounding of q·n/100 within 1e-9), the number of entries selected per column */
    public static int count(int n, double percent) {
        return (int) Math.floor(percent * n / 100.0 + 1e-9);
    }

    /** Checks a percentage and its maximum (both in percent). */
    static void checkPercentages(String architecture, double percent, double maxPercent) {
        if (!(percent >= 0 && percent <= 100) || !(maxPercent >= 0 && maxPercent <= 100)) {
            throw new FixpointException("InvalidParameter", architecture + ": support-selection percentages must be in [0, 100], got p = "
                    + percent + " %, p_max = " + maxPercent + " %");
        }
    }

    /**
     * @param v       [n, B], one sample per column
     * @param theta   the scalar threshold (shape [] or one element)
     * @param percent q ∈ [0, 100], the percentage of each column selected
     * @return the thresholded [n, B]
     */
    public static Var shrink(Var v, Var theta, double percent) {
        if (v.shape().length != 2) {
            throw new ShapeMismatchException("supportSelection: v must be [n, B], got shape " + Arrays.toString(v.shape()));
        }
        if (theta.size() != 1) {
            throw new ShapeMismatchException("supportSelection threshold", theta.shape(), new int[0], "θ is a scalar");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new FixpointException("InvalidParameter", "supportSelection: percent must be in [0, 100], got " + percent);
        }
        return new Shrink(count(v.shape()[0], percent)).apply(v, theta);
    }

    /** The fused operation; state per element: 0 zeroed, 1 shrunk, 2 selected. */
    private static final class Shrink extends Op {
        private static final byte ZEROED = 0;
        private static final byte SHRUNK = 1;
        private static final byte SELECTED = 2;
        private final int count;

        Shrink(int count) {
            this.count = count;
        }

        @Override
        public String name() {
            return "supportSelection";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor v = in[0];
            double th = in[1].data()[in[1].offset()];
            int n = v.dim(0);
            int cols = v.dim(1);
            double[] tau = columnThresholds(v, count);
            double[] vd = v.data();
            int vo = v.offset();
            Tensor out = Tensor.zeros(n, cols);
            double[] o = out.data();
            byte[] state = new byte[n * cols];
            for (int i = 0; i < n; i++) {
                int row = i * cols;
                for (int b = 0; b < cols; b++) {
                    double x = vd[vo + row + b];
                    double ax = Math.abs(x);
                    if (ax > th) {
                        if (ax > tau[b]) {
                            o[row + b] = x;
                            state[row + b] = SELECTED;
                        } else {
                            o[row + b] = x - Math.signum(x) * th;
                            state[row + b] = SHRUNK;
                        }
                    }
                }
            }
            ctx.saveState(state);
            return out;
        }

        @Override
        protected Tensor[] vjp(OpContext ctx, Tensor g) {
            byte[] state = ctx.state();
            Tensor v = ctx.input(0).value();
            double[] vd = v.data();
            int vo = v.offset();
            double[] gd = g.data();
            int go = g.offset();
            Tensor gv = ctx.needsGrad(0) ? Tensor.zeros(v.shape()) : null;
            double[] gvd = gv == null ? null : gv.data();
            double gt = 0;
            for (int i = 0; i < state.length; i++) {
                byte s = state[i];
                if (s == ZEROED) {
                    continue;
                }
                double gi = gd[go + i];
                if (gvd != null) {
                    gvd[i] = gi;
                }
                if (s == SHRUNK) {
                    gt -= gi * Math.signum(vd[vo + i]);
                }
            }
            Tensor gTheta = ctx.needsGrad(1) ? Tensor.full(gt, ctx.input(1).shape()) : null;
            return new Tensor[]{gv, gTheta};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            byte[] state = ctx.state();
            Tensor v = ctx.input(0).value();
            Tensor out = Tensor.zeros(v.shape());
            double[] o = out.data();
            double[] vd = v.data();
            int vo = v.offset();
            double tt = t[1] == null ? 0 : t[1].data()[t[1].offset()];
            double[] tv = t[0] == null ? null : t[0].data();
            int to = t[0] == null ? 0 : t[0].offset();
            for (int i = 0; i < state.length; i++) {
                byte s = state[i];
                if (s == ZEROED) {
                    continue;
                }
                double d = tv == null ? 0 : tv[to + i];
                if (s == SHRUNK) {
                    d -= Math.signum(vd[vo + i]) * tt;
                }
                o[i] = d;
            }
            return out;
        }
    }

    /**
     * @return per column b, τ_b = the (count+1)-th largest |v_ib| (+∞ for count ≤ 0 or a column with
     *         NaN, −∞ for count ≥ n)
     */
    static double[] columnThresholds(Tensor v, int count) {
        int n = v.dim(0);
        int cols = v.dim(1);
        double[] tau = new double[cols];
        if (count <= 0) {
            Arrays.fill(tau, Double.POSITIVE_INFINITY);
            return tau;
        }
        if (count >= n) {
            Arrays.fill(tau, Double.NEGATIVE_INFINITY);
            return tau;
        }
        double[] vd = v.data();
        int vo = v.offset();
        double[] scratch = new double[n];
        for (int b = 0; b < cols; b++) {
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                double ax = Math.abs(vd[vo + i * cols + b]);
                finite &= !Double.isNaN(ax);
                scratch[i] = ax;
            }
            tau[b] = finite ? select(scratch, n, n - 1 - count) : Double.POSITIVE_INFINITY;
        }
        return tau;
    }

    /** @return the k-th smallest (0-based) of {@code a[0 … len)} (no NaN), reordering {@code a} (Hoare's selection) */
    static double select(double[] a, int len, int k) {
        int lo = 0;
        int hi = len - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double median(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
