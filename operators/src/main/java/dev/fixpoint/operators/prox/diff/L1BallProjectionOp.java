package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.Proximals;

/**
 * Euclidean projection onto the L1 ball {@code {‖x‖₁ ≤ r}}. Inputs {@code v} (any shape, taken as
 * one vector) and {@code r > 0} (rank 0). Inside ({@code ‖v‖₁ < r}) {@code x = v}; otherwise
 * {@code x = sign(v)·max(|v| − θ, 0)} with {@code θ} such that {@code ‖x‖₁ = r}. The forward pass
 * is the library's projection, {@link Proximals#l1Ball}.
 *
 * <p>Derivatives outside, with {@code s = sign(v)} and the support {@code S = {xᵢ ≠ 0}}:
 * {@code ∂x_S/∂v_S = I − s_S s_Sᵀ/|S|}, zero outside {@code S}, {@code ∂x_S/∂r = s_S/|S|}; inside
 * the identity and {@code ∂x/∂r = 0}. On the sphere {@code ‖v‖₁ = r} the projected formulas are
 * taken (the active side), as is {@code xᵢ = 0} for {@code |vᵢ| = θ}. VJP on tensors (once
 * differentiable).
 */
final class L1BallProjectionOp extends Op {
    static final L1BallProjectionOp INSTANCE = new L1BallProjectionOp();

    @Override
    public String name() {
        return "projectL1Ball";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        ProxParameters.requirePositive(name(), "radius", in[1], false);
        double r = in[1].item();
        double norm1 = 0;
        double[] vd = v.data();
        for (int i = 0; i < v.size(); i++) {
            norm1 += Math.abs(vd[v.offset() + i]);
        }
        ctx.saveState(norm1 < r);
        return Proximals.l1Ball(r).prox(v, 1.0);
    }

    /** @return {@code mean_S(sign(x)·t)} over the support of {@code x}, and {@code |S|} in {@code size[0]} */
    private static double signedSupportMean(double[] x, Tensor t, int[] size) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                sum += Math.signum(x[i]) * t.data()[t.offset() + i];
                count++;
            }
        }
        size[0] = count;
        return count == 0 ? 0 : sum / count;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        boolean inside = ctx.state();
        if (inside) {
            return new Tensor[]{ctx.needsGrad(0) ? g.copy() : null, ctx.needsGrad(1) ? Tensor.scalar(0) : null};
        }
        double[] x = ctx.output().value().data();
        double mean = signedSupportMean(x, g, new int[1]);
        Tensor gv = null;
        if (ctx.needsGrad(0)) {
            gv = Tensor.zeros(g.shape());
            double[] o = gv.data();
            for (int i = 0; i < x.length; i++) {
                o[i] = x[i] != 0 ? g.data()[g.offset() + i] - Math.signum(x[i]) * mean : 0.0;
            }
        }
        return new Tensor[]{gv, ctx.needsGrad(1) ? Tensor.scalar(mean) : null};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        boolean inside = ctx.state();
        Tensor y = ctx.output().value();
        if (inside) {
            return t[0] == null ? Tensor.zeros(y.shape()) : t[0].copy();
        }
        double[] x = y.data();
        int[] size = new int[1];
        double shift = t[0] == null ? 0 : -signedSupportMean(x, t[0], size);
        if (t[0] == null) {
            signedSupportMean(x, y, size);
        }
        if (t[1] != null && size[0] > 0) {
            shift += t[1].item() / size[0];
        }
        Tensor out = Tensor.zeros(y.shape());
        double[] o = out.data();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                o[i] = (t[0] == null ? 0 : t[0].data()[t[0].offset() + i]) + Math.signum(x[i]) * shift;
            }
        }
        return out;
    }
}
