package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** Reshape (a view of the same elements in row-major order). */
public final class Reshape extends Op {
    private final int[] shape;

    /** @param shape the new shape; one entry may be -1 */
    public Reshape(int[] shape) {
        this.shape = shape.clone();
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return in[0].reshape(shape);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.reshape(g, ctx.input(0).shape())};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        return t[0].reshape(shape);
    }
}
