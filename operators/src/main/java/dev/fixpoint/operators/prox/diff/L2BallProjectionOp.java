package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.Proximals;

/**
 * Euclidean projection onto the L2 ball {@code {‖x‖₂ ≤ r}}. Inputs {@code v} (any shape, taken as
 * one vector) and {@code r > 0} (rank 0): {@code x = v} inside ({@code ‖v‖ < r}), else
 * {@code x = r·v/‖v‖} (forward: the library's
 * {@link Proximals#l2Ball}).
 *
 * <p>Derivatives outside, with {@code u = v/‖v‖}: {@code ∂x/∂v = (r/‖v‖)(I − uuᵀ)},
 * {@code ∂x/∂r = u}; inside the identity and 0. On the sphere {@code ‖v‖ = r} the projected
 * formulas are taken (the active side). VJP on tensors (once differentiable).
 */
final class L2BallProjectionOp extends Op {
    static final L2BallProjectionOp INSTANCE = new L2BallProjectionOp();

    @Override
    public String name() {
        return "projectL2Ball";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        ProxParameters.requirePositive(name(), "radius", in[1], false);
        double r = in[1].item();
        double norm = v.norm();
        ctx.saveState(norm);
        return Proximals.l2Ball(r).prox(v, 1.0);
    }

    /**
     * @return {@code (r/‖v‖)(t − u(uᵀt))} for a tangent or cotangent {@code t} ({@code uᵀt} in {@code ut[0]})
     */
    private static Tensor tangential(OpContext ctx, Tensor t, double[] ut) {
        double norm = ctx.state();
        double r = ctx.input(1).value().item();
        Tensor v = ctx.input(0).value();
        double dot = v.dot(t) / norm;
        ut[0] = dot;
        return t.copy().axpyInPlace(-dot / norm, v).scaleInPlace(r / norm);
    }

    private static boolean inside(OpContext ctx) {
        double norm = ctx.state();
        return norm < ctx.input(1).value().item();
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        if (inside(ctx)) {
            return new Tensor[]{ctx.needsGrad(0) ? g.copy() : null, ctx.needsGrad(1) ? Tensor.scalar(0) : null};
        }
        double[] ug = new double[1];
        Tensor gv = tangential(ctx, g, ug);
        return new Tensor[]{ctx.needsGrad(0) ? gv : null, ctx.needsGrad(1) ? Tensor.scalar(ug[0]) : null};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor v = ctx.input(0).value();
        if (inside(ctx)) {
            return t[0] == null ? Tensor.zeros(v.shape()) : t[0].copy();
        }
        Tensor out = t[0] == null ? Tensor.zeros(v.shape()) : tangential(ctx, t[0], new double[1]);
        if (t[1] != null) {
            double norm = ctx.state();
            out.axpyInPlace(t[1].item() / norm, v);
        }
        return out;
    }
}
