package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Rearranging operations: transpose, slice (and its adjoint, embedding into zeros), concatenation
 * and stacking. All are linear; their VJPs are each other, so they are differentiable to any order.
 * Every output is a copy (row-major, fresh storage).
 */
public final class ShapeOps {
    private ShapeOps() {
    }

    /** @return the transpose of a matrix {@code [m, n] → [n, m]} (a copy) */
    public static Var transpose(Var x) {
        if (x.shape().length != 2) {
            throw new ShapeMismatchException("transpose: expects a matrix (rank 2), got shape " + Arrays.toString(x.shape()));
        }
        return Transpose.INSTANCE.apply(x);
    }

    /** @return elements {@code from … to-1} along {@code axis} (negative counts from the end), a copy */
    public static Var slice(Var x, int axis, int from, int to) {
        int[] s = x.shape();
        int ax = axis(axis, s.length, "slice");
        if (from < 0 || to > s[ax] || from > to) {
            throw new IndexOutOfBoundsException("slice: range [" + from + ", " + to + ") on axis " + ax
                    + " is not within [0, " + s[ax] + "] for shape " + Arrays.toString(s));
        }
        return new Slice(ax, from, to).apply(x);
    }

    /** @return the inputs joined along {@code axis}; all other dimensions must agree */
    public static Var concat(int axis, Var... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int[] first = parts[0].shape();
        int ax = axis(axis, first.length, "concat");
        for (Var p : parts) {
            int[] s = p.shape();
            boolean ok = s.length == first.length;
            for (int k = 0; ok && k < s.length; k++) {
                ok = k == ax || s[k] == first[k];
            }
            if (!ok) {
                throw new ShapeMismatchException("concat along axis " + ax, first, s,
                        "equal ranks, and equal dimensions except along axis " + ax);
            }
        }
        return new Concat(ax).apply(parts);
    }

    /** @return the inputs (all of one shape {@code s}) stacked along a new axis {@code axis ∈ [0, rank]} */
    public static Var stack(int axis, Var... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        int[] s = parts[0].shape();
        int ax = axis < 0 ? axis + s.length + 1 : axis;
        if (ax < 0 || ax > s.length) {
            throw new ShapeMismatchException("stack: axis " + axis + " is out of range for tensors of rank " + s.length);
        }
        int[] t = new int[s.length + 1];
        for (int k = 0, j = 0; k < t.length; k++) {
            t[k] = k == ax ? 1 : s[j++];
        }
        Var[] r = new Var[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape(), s)) {
                throw new ShapeMismatchException("stack", s, parts[i].shape(), "all tensors must have the same shape");
            }
            r[i] = Ops.reshape(parts[i], t);
        }
        return new Concat(ax).apply(r);
    }

    static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeMismatchException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }

    /** Product of the dimensions before ({@code [0]}) and after ({@code [1]}) {@code axis}. */
    static int[] outerInner(int[] s, int axis) {
        int outer = 1;
        for (int k = 0; k < axis; k++) {
            outer *= s[k];
        }
        int inner = 1;
        for (int k = axis + 1; k < s.length; k++) {
            inner *= s[k];
        }
        return new int[]{outer, inner};
    }

    /** @return {@code part} placed at {@code from …} along {@code axis} in zeros of length {@code length} there */
    static Tensor embed(Tensor part, int axis, int from, int length) {
        int[] s = part.shape();
        int width = s[axis];
        s[axis] = length;
        Tensor out = Tensor.zeros(s);
        int[] oi = outerInner(s, axis);
        int chunk = width * oi[1];
        double[] src = part.data();
        double[] dst = out.data();
        for (int o = 0; o < oi[0]; o++) {
            System.arraycopy(src, part.offset() + o * chunk, dst, (o * length + from) * oi[1], chunk);
        }
        return out;
    }

    private static final class Transpose extends Op {
        static final Transpose INSTANCE = new Transpose();

        @Override
        public String name() {
            return "transpose";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].transpose();
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return t[0].transpose();
        }
    }

    private static final class Slice extends Op {
        private final int axis;
        private final int from;
        private final int to;

        Slice(int axis, int from, int to) {
            this.axis = axis;
            this.from = from;
            this.to = to;
        }

        @Override
        public String name() {
            return "slice";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].slice(axis, from, to);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{new Embed(axis, from, ctx.input(0).shape()[axis]).apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return t[0].slice(axis, from, to);
        }
    }

    /** The adjoint of {@link Slice}: zero padding along one axis. */
    private static final class Embed extends Op {
        private final int axis;
        private final int from;
        private final int length;

        Embed(int axis, int from, int length) {
            this.axis = axis;
            this.from = from;
            this.length = length;
        }

        @Override
        public String name() {
            return "embed";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return embed(in[0], axis, from, length);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{new Slice(axis, from, from + ctx.input(0).shape()[axis]).apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return embed(t[0], axis, from, length);
        }
    }

    private static final class Concat extends Op {
        private final int axis;

        Concat(int axis) {
            this.axis = axis;
        }

        @Override
        public String name() {
            return "concat";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return Tensor.concat(axis, in);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            Var[] out = new Var[ctx.inputCount()];
            int start = 0;
            for (int i = 0; i < out.length; i++) {
                int len = ctx.input(i).shape()[axis];
                out[i] = ctx.needsGrad(i) ? new Slice(axis, start, start + len).apply(g) : null;
                start += len;
            }
            return out;
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor[] parts = new Tensor[t.length];
            for (int i = 0; i < t.length; i++) {
                parts[i] = t[i] != null ? t[i] : Tensor.zeros(ctx.input(i).shape());
            }
            return Tensor.concat(axis, parts);
        }
    }
}
