package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Group soft thresholding of the columns of v [n, B] over contiguous groups of g rows (the proximal
 * map of θ·Σ_G ‖x_G‖₂): per column b and group G, with r = ‖v_{G,b}‖₂,
 * {@code out_{G,b} = max(0, 1 − θ/r)·v_{G,b}} (0 for r = 0). One fused pass forward and backward.
 *
 * <p>Derivatives on active groups (r &gt; θ): {@code ∂out/∂v = (1 − θ/r)·I + θ·v vᵀ/r³},
 * {@code ∂out/∂θ = −v/r}; 0 on inactive ones (the kink r = θ is taken as inactive).
 */
final class GroupSoftThreshold extends Op {
    private final int g;

    private GroupSoftThreshold(int groupSize) {
        this.g = groupSize;
    }

    /**
     * @param v         [n, B] with n a multiple of {@code groupSize}
     * @param theta     a scalar threshold
     * @param groupSize g ≥ 1
     */
    static Var apply(Var v, Var theta, int groupSize) {
        int[] s = v.shape();
        if (s.length != 2 || groupSize < 1 || s[0] % groupSize != 0) {
            throw new ShapeMismatchException("groupSoftThreshold: v must be [n, B] with n a multiple of the group size "
                    + groupSize + ", got shape " + Arrays.toString(s));
        }
        if (theta.size() != 1) {
            throw new ShapeMismatchException("groupSoftThreshold threshold", theta.shape(), new int[0], "θ is a scalar");
        }
        return new GroupSoftThreshold(groupSize).apply(v, theta);
    }

    @Override
    public String name() {
        return "groupSoftThreshold";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        double th = in[1].data()[in[1].offset()];
        int n = v.dim(0);
        int cols = v.dim(1);
        int groups = n / g;
        double[] vd = v.data();
        int vo = v.offset();
        double[] norms = new double[groups * cols];
        for (int G = 0; G < groups; G++) {
            for (int i = G * g; i < (G + 1) * g; i++) {
                int row = vo + i * cols;
                for (int b = 0; b < cols; b++) {
                    norms[G * cols + b] += vd[row + b] * vd[row + b];
                }
            }
        }
        double[] factor = new double[groups * cols];
        for (int k = 0; k < norms.length; k++) {
            norms[k] = Math.sqrt(norms[k]);
            factor[k] = norms[k] > th && norms[k] > 0 ? 1 - th / norms[k] : 0.0;
        }
        Tensor out = Tensor.zeros(n, cols);
        double[] o = out.data();
        for (int i = 0; i < n; i++) {
            int base = (i / g) * cols;
            for (int b = 0; b < cols; b++) {
                o[i * cols + b] = factor[base + b] * vd[vo + i * cols + b];
            }
        }
        ctx.saveState(new double[][]{norms, factor});
        return out;
    }

    /** Per (group, column): s = v·t over the group. */
    private double[] groupDots(Tensor v, Tensor t) {
        int n = v.dim(0);
        int cols = v.dim(1);
        double[] s = new double[(n / g) * cols];
        double[] vd = v.data();
        double[] td = t.data();
        for (int i = 0; i < n; i++) {
            int base = (i / g) * cols;
            for (int b = 0; b < cols; b++) {
                s[base + b] += vd[v.offset() + i * cols + b] * td[t.offset() + i * cols + b];
            }
        }
        return s;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor up) {
        double[][] st = ctx.state();
        double[] norms = st[0];
        double[] factor = st[1];
        Tensor v = ctx.input(0).value();
        double th = ctx.input(1).value().data()[ctx.input(1).value().offset()];
        int n = v.dim(0);
        int cols = v.dim(1);
        double[] s = groupDots(v, up);
        double[] vd = v.data();
        double[] ud = up.data();
        Tensor gv = ctx.needsGrad(0) ? Tensor.zeros(n, cols) : null;
        if (gv != null) {
            double[] o = gv.data();
            for (int i = 0; i < n; i++) {
                int base = (i / g) * cols;
                for (int b = 0; b < cols; b++) {
                    int k = base + b;
                    if (factor[k] != 0) {
                        double r = norms[k];
                        o[i * cols + b] = factor[k] * ud[up.offset() + i * cols + b]
                                + th * s[k] * vd[v.offset() + i * cols + b] / (r * r * r);
                    }
                }
            }
        }
        Tensor gt = null;
        if (ctx.needsGrad(1)) {
            double sum = 0;
            for (int k = 0; k < s.length; k++) {
                if (factor[k] != 0) {
                    sum -= s[k] / norms[k];
                }
            }
            gt = Tensor.full(sum, ctx.input(1).shape());
        }
        return new Tensor[]{gv, gt};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        double[][] st = ctx.state();
        double[] norms = st[0];
        double[] factor = st[1];
        Tensor v = ctx.input(0).value();
        double th = ctx.input(1).value().data()[ctx.input(1).value().offset()];
        int n = v.dim(0);
        int cols = v.dim(1);
        double[] s = t[0] == null ? new double[factor.length] : groupDots(v, t[0]);
        double tt = t[1] == null ? 0 : t[1].data()[t[1].offset()];
        double[] vd = v.data();
        Tensor out = Tensor.zeros(n, cols);
        double[] o = out.data();
        for (int i = 0; i < n; i++) {
            int base = (i / g) * cols;
            for (int b = 0; b < cols; b++) {
                int k = base + b;
                if (factor[k] == 0) {
                    continue;
                }
                double r = norms[k];
                double vi = vd[v.offset() + i * cols + b];
                double ti = t[0] == null ? 0 : t[0].data()[t[0].offset() + i * cols + b];
                o[i * cols + b] = factor[k] * ti + th * s[k] * vi / (r * r * r) - tt * vi / r;
            }
        }
        return out;
    }

    /** Checks a group size against n. */
    static void checkGroups(String architecture, int n, int groupSize) {
        if (groupSize < 1 || n % groupSize != 0) {
            throw new FixpointException("InvalidParameter", architecture + ": the group size must be >= 1 and divide n = "
                    + n + ", got " + groupSize);
        }
    }
}
