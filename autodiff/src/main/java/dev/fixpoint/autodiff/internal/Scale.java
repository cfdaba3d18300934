package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** {@code alpha · x} for a constant {@code alpha}. */
public final class Scale extends Op {
    private final double alpha;

    /** @param alpha the constant factor */
    public Scale(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        return in[0].mul(alpha);
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        return new Var[]{Ops.scale(g, alpha)};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        return t[0].mul(alpha);
    }
}
