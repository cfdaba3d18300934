package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** Broadcasts (copies) a tensor to a larger compatible shape. */
public final class BroadcastTo extends Op {
    private final int[] shape;

    /** @param shape the target shape */
    public BroadcastTo(int[] shape) {
        this.shape = shape.clone();
    }

    @Override
    public String name() {
        return "broadcastTo";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return Broadcast.broadcastTo(in[0], shape);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.sumTo(g, ctx.input(0).shape())};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        return Broadcast.broadcastTo(t[0], shape);
    }
}
