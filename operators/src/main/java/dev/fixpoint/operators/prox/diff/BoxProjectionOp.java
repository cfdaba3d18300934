package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Projection onto the box {@code [lo, hi]}: {@code x = min(max(v, lo), hi)} elementwise, the proximal
 * map of the box indicator for every step. Inputs {@code v}, {@code lo}, {@code hi}; the bounds are
 * scalars or of {@code v}'s shape (aligned by {@link ProxParameters#align}), with {@code lo ≤ hi}.
 *
 * <p>Derivatives are the masks {@code ∂x/∂v = [lo < v < hi]}, {@code ∂x/∂lo = [v ≤ lo]},
 * {@code ∂x/∂hi = [v ≥ hi]} (and not below). At a kink {@code v = lo} or {@code v = hi} the
 * element counts as clamped (the active side). The map is piecewise linear, so the VJP is written
 * with differentiable operations on constant masks and is exact to any order.
 */
final class BoxProjectionOp extends Op {
    static final BoxProjectionOp INSTANCE = new BoxProjectionOp();
    private static final byte INSIDE = 0;
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;

    @Override
    public String name() {
        return "proxBox";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        Tensor lo = in[1];
        Tensor hi = in[2];
        Tensor out = Tensor.zeros(v.shape());
        double[] o = out.data();
        double[] vd = v.data();
        int vo = v.offset();
        byte[] where = new byte[o.length];
        for (int i = 0; i < o.length; i++) {
            double a = ProxParameters.at(lo, i);
            double b = ProxParameters.at(hi, i);
            if (!(a <= b)) {
                throw new FixpointException("BadParameter", "proxBox: lower bound " + a + " exceeds upper bound " + b
                        + " at element " + i + "; need lo ≤ hi");
            }
            double x = vd[vo + i];
            if (x <= a) {
                o[i] = a;
                where[i] = LOWER;
            } else if (x >= b) {
                o[i] = b;
                where[i] = UPPER;
            } else {
                o[i] = x;
            }
        }
        ctx.saveState(where);
        return out;
    }

    private static Tensor mask(byte[] where, byte which) {
        Tensor m = Tensor.zeros(where.length);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = where[i] == which ? 1.0 : 0.0;
        }
        return m;
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var g) {
        byte[] where = ctx.state();
        int[] shape = g.shape();
        Var[] out = new Var[3];
        byte[] kinds = {INSIDE, LOWER, UPPER};
        for (int k = 0; k < 3; k++) {
            if (ctx.needsGrad(k)) {
                Var m = Var.constant(mask(where, kinds[k]).reshape(shape));
                out[k] = ProxParameters.reduce(Ops.mul(g, m), ctx.input(k).shape());
            }
        }
        return out;
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        byte[] where = ctx.state();
        Tensor out = Tensor.zeros(ctx.output().shape());
        double[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            Tensor src = t[where[i]];
            o[i] = src == null ? 0.0 : ProxParameters.at(src, i);
        }
        return out;
    }
}
