package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** Sums a tensor over the axes along which {@code shape} broadcasts to it (the adjoint of broadcasting). */
public final class SumTo extends Op {
    private final int[] shape;

    /** @param shape the target shape */
    public SumTo(int[] shape) {
        this.shape = shape.clone();
    }

    @Override
    public String name() {
        return "sumTo";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return Broadcast.sumTo(in[0], shape);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.broadcastTo(g, ctx.input(0).shape())};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        return Broadcast.sumTo(t[0], shape);
    }
}
