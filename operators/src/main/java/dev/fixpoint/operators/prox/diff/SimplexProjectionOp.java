package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.Proximals;

/**
 * Euclidean projection onto the scaled simplex {@code {x ≥ 0, Σx = r}}: {@code x = max(v − θ, 0)}
 * with {@code θ} chosen so that {@code Σx = r}. Inputs {@code v [n]} ({@code n ≥ 1}) and {@code r > 0}
 * (rank 0). The forward pass is the library's projection,
 * {@link Proximals#simplex}.
 *
 * <p>On the support {@code S = {i : xᵢ > 0}}, {@code θ = (Σ_S v − r)/|S|}, so the Jacobian is the
 * projection onto the tangent space of the active face: {@code ∂x_S/∂v_S = I − 11ᵀ/|S|}, zero
 * outside {@code S}, and {@code ∂x_S/∂r = 1/|S|}. An element with {@code vᵢ = θ} exactly
 * ({@code xᵢ = 0}) is outside the support (the active side). VJP on tensors (once differentiable).
 */
final class SimplexProjectionOp extends Op {
    static final SimplexProjectionOp INSTANCE = new SimplexProjectionOp();

    @Override
    public String name() {
        return "projectSimplex";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        ProxParameters.requirePositive(name(), "radius", in[1], false);
        return Proximals.simplex(in[1].item()).prox(in[0], 1.0);
    }

    /** @return the mean of {@code t} over the support of {@code x} (0 for an empty support) */
    private static double supportMean(double[] x, Tensor t) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                sum += t.data()[t.offset() + i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static int supportSize(double[] x) {
        int count = 0;
        for (double xi : x) {
            count += xi > 0 ? 1 : 0;
        }
        return count;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        double[] x = ctx.output().value().data();
        double mean = supportMean(x, g);
        Tensor gv = null;
        if (ctx.needsGrad(0)) {
            gv = Tensor.zeros(x.length);
            double[] o = gv.data();
            for (int i = 0; i < x.length; i++) {
                o[i] = x[i] > 0 ? g.data()[g.offset() + i] - mean : 0.0;
            }
        }
        return new Tensor[]{gv, ctx.needsGrad(1) ? Tensor.scalar(mean) : null};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        double[] x = ctx.output().value().data();
        double shift = -(t[0] == null ? 0 : supportMean(x, t[0]));
        int size = supportSize(x);
        if (t[1] != null && size > 0) {
            shift += t[1].item() / size;
        }
        Tensor out = Tensor.zeros(x.length);
        double[] o = out.data();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                o[i] = (t[0] == null ? 0 : t[0].data()[t[0].offset() + i]) + shift;
            }
        }
        return out;
    }
}
