package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Piecewise-linear maps of proximal algorithms: soft thresholding (the proximal map of
 * {@code θ‖x‖₁}, the shrinkage of ISTA/LISTA) with a learnable threshold, and clamping to a box.
 *
 * <p>Both are linear between kinks, so their VJPs multiply the upstream cotangent by constant masks
 * (second derivatives with respect to {@code x} and {@code θ} are 0 away from the kinks; the
 * dependence on the upstream cotangent is kept, so Hessian-vector products through a network
 * containing them are exact). At a kink the derivative taken is 0.
 */
public final class Shrinkage {
    private Shrinkage() {
    }

    /**
     * {@code y = sign(x)·max(|x| − θ, 0)}, with {@code θ} broadcast to {@code x}'s shape.
     *
     * @param x     any shape
     * @param theta broadcastable to {@code x}'s shape (scalar, per-feature row, …); normally ≥ 0
     * @return {@code y} of {@code x}'s shape
     */
    public static Var softThreshold(Var x, Var theta) {
        int[] xs = x.shape();
        int[] ts = theta.shape();
        if (!Arrays.equals(Broadcast.shape("softThreshold", xs, ts), xs)) {
            throw new ShapeMismatchException("softThreshold", xs, ts, "θ must broadcast to x's shape");
        }
        return SoftThreshold.INSTANCE.apply(x, theta);
    }

    /** @return {@code min(max(x, lo), hi)} elementwise; derivative 1 strictly inside {@code (lo, hi)}, else 0 */
    public static Var clamp(Var x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: need lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
        return new Clamp(lo, hi).apply(x);
    }

    /**
     * y = sign(x)·max(|x| − θ, 0). With y from the forward pass, ∂y/∂x = [y ≠ 0] and
     * ∂y/∂θ = −sign(y) (equal to the mask |x| > θ and −sign(x)·mask away from the kinks).
     */
    private static final class SoftThreshold extends Op {
        static final SoftThreshold INSTANCE = new SoftThreshold();

        @Override
        public String name() {
            return "softThreshold";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor x = in[0];
            Tensor th = in[1];
            int[] xs = x.shape();
            int[] rows = Broadcast.rowOffsets(th.shape(), xs);
            int ts = Broadcast.innerStride(th.shape(), xs);
            int inner = xs.length == 0 ? 1 : xs[xs.length - 1];
            Tensor out = Tensor.zeros(xs);
            double[] o = out.data();
            double[] xd = x.data();
            double[] td = th.data();
            int xo = x.offset();
            int to = th.offset();
            for (int r = 0; r < rows.length; r++) {
                int base = r * inner;
                int tb = to + rows[r];
                if (ts == 0) { // one threshold along the row (scalar θ, or a column): hoisted
                    double t = td[tb];
                    for (int i = 0; i < inner; i++) {
                        double v = xd[xo + base + i];
                        o[base + i] = Math.signum(v) * Math.max(Math.abs(v) - t, 0.0);
                    }
                    continue;
                }
                for (int i = 0; i < inner; i++) {
                    double v = xd[xo + base + i];
                    o[base + i] = Math.signum(v) * Math.max(Math.abs(v) - td[tb + i * ts], 0.0);
                }
            }
            return out;
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            Tensor y = ctx.output().value();
            int[] ts = ctx.input(1).shape();
            if (!NoGrad.recording()) {
                return fused(ctx, g.value(), y, ts);
            }
            // createGraph: the same products, recorded, so that they stay differentiable in g
            Tensor mask = y.map(v -> v != 0 ? 1.0 : 0.0);
            Tensor negSign = y.map(v -> -Math.signum(v));
            return new Var[]{ctx.needsGrad(0) ? Ops.mul(g, Var.constant(mask)) : null,
                    ctx.needsGrad(1) ? Ops.sumTo(Ops.mul(g, Var.constant(negSign)), ts) : null};
        }

        /** Both cotangents in one pass: gx = g·[y ≠ 0], gθ = sumTo(−g·sign(y)). */
        private static Var[] fused(OpContext ctx, Tensor g, Tensor y, int[] ts) {
            int[] ys = y.shape();
            boolean wantX = ctx.needsGrad(0);
            boolean wantT = ctx.needsGrad(1);
            int[] rows = Broadcast.rowOffsets(ts, ys);
            int tstep = Broadcast.innerStride(ts, ys);
            int inner = ys.length == 0 ? 1 : ys[ys.length - 1];
            Tensor gx = wantX ? Tensor.zeros(ys) : null;
            Tensor gt = wantT ? Tensor.zeros(ts) : null;
            double[] gxd = wantX ? gx.data() : null;
            double[] gtd = wantT ? gt.data() : null;
            double[] gd = g.data();
            double[] yd = y.data();
            int go = g.offset();
            for (int r = 0; r < rows.length; r++) {
                int base = r * inner;
                int tb = rows[r];
                for (int i = 0; i < inner; i++) {
                    double s = Math.signum(yd[base + i]);
                    double gi = gd[go + base + i];
                    if (wantX) {
                        gxd[base + i] = s != 0 ? gi : 0.0;
                    }
                    if (wantT) {
                        gtd[tb + i * tstep] -= gi * s;
                    }
                }
            }
            return new Var[]{wantX ? Var.constant(gx) : null, wantT ? Var.constant(gt) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor y = ctx.output().value();
            int[] ys = y.shape();
            Tensor out = Tensor.zeros(ys);
            double[] o = out.data();
            double[] yd = y.data();
            if (t[0] != null) {
                double[] tx = t[0].data();
                int off = t[0].offset();
                for (int i = 0; i < o.length; i++) {
                    o[i] = yd[i] != 0 ? tx[off + i] : 0.0;
                }
            }
            if (t[1] != null) {
                int[] ts = t[1].shape();
                int[] rows = Broadcast.rowOffsets(ts, ys);
                int tstep = Broadcast.innerStride(ts, ys);
                int inner = ys.length == 0 ? 1 : ys[ys.length - 1];
                double[] td = t[1].data();
                int to = t[1].offset();
                for (int r = 0; r < rows.length; r++) {
                    int base = r * inner;
                    int tb = to + rows[r];
                    for (int i = 0; i < inner; i++) {
                        o[base + i] -= Math.signum(yd[base + i]) * td[tb + i * tstep];
                    }
                }
            }
            return out;
        }
    }

    private static final class Clamp extends Op {
        private final double lo;
        private final double hi;

        Clamp(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public String name() {
            return "clamp";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor x = in[0];
            Tensor out = Tensor.zeros(x.shape());
            double[] d = x.data();
            double[] o = out.data();
            int off = x.offset();
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.min(Math.max(d[off + i], lo), hi);
            }
            return out;
        }

        private Tensor inside(OpContext ctx) {
            return ctx.input(0).value().map(v -> v > lo && v < hi ? 1.0 : 0.0);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{Ops.mul(g, Var.constant(inside(ctx)))};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return t[0].mul(inside(ctx));
        }
    }
}
