package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** The sum of all elements, as a scalar (rank-0) tensor. */
public final class SumAll extends Op {
    /** The shared instance. */
    public static final SumAll INSTANCE = new SumAll();

    private SumAll() {
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return Tensor.scalar(in[0].sum());
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.broadcastTo(g, ctx.input(0).shape())};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        return Tensor.scalar(t[0].sum());
    }
}
