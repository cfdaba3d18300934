package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Reductions along one axis or over all elements: sum, mean and max. Means are scaled sums; maxima
 * are a {@link Indexing#gather gather} at the arg-max, so the gradient goes to the first maximal
 * element on ties (a valid subgradient) and the whole family is differentiable to any order.
 */
public final class Reductions {
    private Reductions() {
    }

    /** @return the sums along {@code axis} (removed from the shape) */
    public static Var sum(Var x, int axis) {
        int[] s = x.shape();
        return new SumAlong(ShapeOps.axis(axis, s.length, "sum")).apply(x);
    }

    /** @return the mean of all elements (rank 0; NaN for an empty tensor) */
    public static Var mean(Var x) {
        return Ops.scale(Ops.sum(x), 1.0 / x.size());
    }

    /** @return the means along {@code axis} (removed; NaN where the axis is empty) */
    public static Var mean(Var x, int axis) {
        int[] s = x.shape();
        int ax = ShapeOps.axis(axis, s.length, "mean");
        return Ops.scale(new SumAlong(ax).apply(x), 1.0 / s[ax]);
    }

    /** @return the largest element (rank 0); the gradient goes to its first occurrence */
    public static Var max(Var x) {
        if (x.size() == 0) {
            throw new ShapeMismatchException("max: the tensor of shape " + Arrays.toString(x.shape()) + " is empty");
        }
        Tensor v = x.value();
        return Indexing.gather(x, new int[]{argmax(v.data(), v.offset(), v.size(), 1)}, new int[0]);
    }

    /** @return the maxima along {@code axis} (removed); each gradient goes to the first maximal element */
    public static Var max(Var x, int axis) {
        int[] s = x.shape();
        int ax = ShapeOps.axis(axis, s.length, "max");
        int len = s[ax];
        if (len == 0) {
            throw new ShapeMismatchException("max: axis " + ax + " of shape " + Arrays.toString(s) + " is empty");
        }
        int[] oi = ShapeOps.outerInner(s, ax);
        int[] index = new int[oi[0] * oi[1]];
        Tensor v = x.value();
        double[] d = v.data();
        for (int o = 0; o < oi[0]; o++) {
            for (int i = 0; i < oi[1]; i++) {
                int base = o * len * oi[1] + i;
                index[o * oi[1] + i] = argmax(d, v.offset() + base, len, oi[1]) * oi[1] + base;
            }
        }
        int[] out = new int[s.length - 1];
        for (int k = 0, j = 0; k < s.length; k++) {
            if (k != ax) {
                out[j++] = s[k];
            }
        }
        return Indexing.gather(x, index, out);
    }

    /** @return position {@code p} (0-based, along the strided run) of the first maximum; NaN wins */
    private static int argmax(double[] d, int start, int len, int stride) {
        int best = 0;
        double m = d[start];
        for (int p = 1; p < len && !Double.isNaN(m); p++) {
            double v = d[start + p * stride];
            if (v > m || Double.isNaN(v)) {
                m = v;
                best = p;
            }
        }
        return best;
    }

    private static final class SumAlong extends Op {
        private final int axis;

        SumAlong(int axis) {
            this.axis = axis;
        }

        @Override
        public String name() {
            return "sum(axis)";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].sum(axis);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            int[] xs = ctx.input(0).shape();
            int[] keep = xs.clone();
            keep[axis] = 1;
            return new Var[]{Ops.broadcastTo(Ops.reshape(g, keep), xs)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return t[0].sum(axis);
        }
    }
}
