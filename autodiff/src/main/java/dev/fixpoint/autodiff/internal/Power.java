package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/**
 * {@code x^p} elementwise for a constant exponent {@code p} ({@link Math#pow} semantics: NaN for a
 * negative base and a non-integer exponent). The derivative {@code p·x^(p-1)} is again a power, so
 * the operation is differentiable to any order; for {@code p = 0} the derivative is 0 everywhere.
 */
public final class Power extends Op {
    private final double p;

    /** @param p the constant exponent */
    public Power(double p) {
        this.p = p;
    }

    @Override
    public String name() {
        return "pow";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor x = in[0];
        Tensor out = Tensor.zeros(x.shape());
        double[] d = x.data();
        double[] o = out.data();
        int off = x.offset();
        if (p == 2) {
            for (int i = 0; i < o.length; i++) {
                double v = d[off + i];
                o[i] = v * v;
            }
        } else {
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.pow(d[off + i], p);
            }
        }
        return out;
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        Var x = ctx.input(0);
        if (p == 0) {
            return new Var[]{Var.constant(Tensor.zeros(x.shape()))};
        }
        if (p == 1) {
            return new Var[]{g};
        }
        return new Var[]{Ops.mul(g, Ops.scale(new Power(p - 1).apply(x), p))};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        if (p == 0) {
            return Tensor.zeros(t[0].shape());
        }
        return t[0].zipWith(ctx.input(0).value(), (a, v) -> a * p * Math.pow(v, p - 1));
    }
}
