package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Inner products and matrix-vector products through the BLAS backend ({@code dot}, {@code gemv} with
 * a transposition flag; no operand is copied). Both are bilinear; their VJPs are products again.
 */
public final class Products {
    private Products() {
    }

    /** @return {@code Σ a[i]·b[i]} over all elements of two tensors of one shape (rank 0) */
    public static Var dot(Var a, Var b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeMismatchException("dot", a.shape(), b.shape(), "the operands must have the same shape");
        }
        return Dot.INSTANCE.apply(a, b);
    }

    /** @return {@code op(a)·x} for a matrix {@code a} and a vector {@code x} */
    public static Var matvec(Var a, boolean transA, Var x) {
        int[] as = a.shape();
        int[] xs = x.shape();
        if (as.length != 2 || xs.length != 1 || xs[0] != as[transA ? 0 : 1]) {
            throw new ShapeMismatchException("matvec" + (transA ? " (a transposed)" : ""), as, xs,
                    "a must be a matrix and x a vector of length " + (as.length == 2 ? as[transA ? 0 : 1] : "cols(op(a))"));
        }
        return (transA ? MatVec.TRANSPOSED : MatVec.PLAIN).apply(a, x);
    }

    /** @return the outer product {@code u vᵀ} of two vectors {@code [m], [n] → [m, n]} */
    static Var outer(Var u, Var v) {
        return Ops.matmul(Ops.reshape(u, u.size(), 1), false, Ops.reshape(v, 1, v.size()), false);
    }

    private static final class Dot extends Op {
        static final Dot INSTANCE = new Dot();

        @Override
        public String name() {
            return "dot";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return Tensor.scalar(in[0].dot(in[1]));
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{ctx.needsGrad(0) ? Ops.mul(g, ctx.input(1)) : null,
                    ctx.needsGrad(1) ? Ops.mul(g, ctx.input(0)) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            double s = 0;
            if (t[0] != null) {
                s += t[0].dot(ctx.input(1).value());
            }
            if (t[1] != null) {
                s += ctx.input(0).value().dot(t[1]);
            }
            return Tensor.scalar(s);
        }
    }

    private static final class MatVec extends Op {
        static final MatVec PLAIN = new MatVec(false);
        static final MatVec TRANSPOSED = new MatVec(true);
        private final boolean trans;

        MatVec(boolean trans) {
            this.trans = trans;
        }

        @Override
        public String name() {
            return "matvec";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return Tensor.matvecInto(1.0, in[0], trans, in[1], 0.0, null);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            Var a = ctx.input(0);
            Var x = ctx.input(1);
            // y = A x: dA = g xᵀ, dx = Aᵀ g.   y = Aᵀ x: dA = x gᵀ, dx = A g.
            Var ga = !ctx.needsGrad(0) ? null : trans ? outer(x, g) : outer(g, x);
            Var gx = !ctx.needsGrad(1) ? null : (trans ? PLAIN : TRANSPOSED).apply(a, g);
            return new Var[]{ga, gx};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor y = null;
            if (t[0] != null) {
                y = Tensor.matvecInto(1.0, t[0], trans, ctx.input(1).value(), 0.0, null);
            }
            if (t[1] != null) {
                y = Tensor.matvecInto(1.0, ctx.input(0).value(), trans, t[1], y == null ? 0.0 : 1.0, y);
            }
            return y;
        }
    }
}
