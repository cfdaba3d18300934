package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/**
 * {@code C = op(A)·op(B)} through the backend's gemm with transposition flags; the VJPs are gemms
 * with flags too, so no operand is ever transposed by copying.
 */
public final class MatMul extends Op {
    private static final MatMul[] FLAGS = {new MatMul(false, false), new MatMul(false, true),
            new MatMul(true, false), new MatMul(true, true)};
    private final boolean ta;
    private final boolean tb;

    private MatMul(boolean ta, boolean tb) {
        this.ta = ta;
        this.tb = tb;
    }

    /** @return the (shared, stateless) operation for these flags */
    public static MatMul of(boolean transA, boolean transB) {
        return FLAGS[(transA ? 2 : 0) + (transB ? 1 : 0)];
    }

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return Tensor.matmul(in[0], ta, in[1], tb);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        Var a = ctx.input(0);
        Var b = ctx.input(1);
        // C = op(A) op(B):  d op(A) = G op(B)ᵀ,  d op(B) = op(A)ᵀ G, then undo the op on A and B.
        Var ga = !ctx.needsGrad(0) ? null : ta ? Ops.matmul(b, tb, g, true) : Ops.matmul(g, false, b, !tb);
        Var gb = !ctx.needsGrad(1) ? null : tb ? Ops.matmul(g, true, a, ta) : Ops.matmul(a, !ta, g, false);
        return new Var[]{ga, gb};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor out = null;
        if (t[0] != null) {
            out = Tensor.matmul(t[0], ta, ctx.input(1).value(), tb);
        }
        if (t[1] != null) {
            Tensor part = Tensor.matmul(ctx.input(0).value(), ta, t[1], tb);
            out = out == null ? part : out.add(part);
        }
        return out == null ? Tensor.zeros(ctx.output().shape()) : out;
    }
}
