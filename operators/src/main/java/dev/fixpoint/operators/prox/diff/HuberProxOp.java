package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.Tensor;

/**
 * Proximal map of {@code τ·Σᵢ h_δ(xᵢ)} with the Huber function {@code h_δ(x) = x²/2} for
 * {@code |x| ≤ δ} and {@code δ(|x| − δ/2)} beyond:
 * {@code x = v/(1 + τ)} where {@code |v| < δ(1 + τ)} (quadratic region) and
 * {@code x = v − τδ·sign(v)} elsewhere (linear region). Inputs {@code v}, {@code τ > 0},
 * {@code δ > 0}; the parameters are scalars or of {@code v}'s shape.
 *
 * <p>Derivatives: quadratic region {@code ∂x/∂v = 1/(1+τ)}, {@code ∂x/∂τ = −v/(1+τ)²},
 * {@code ∂x/∂δ = 0}; linear region {@code ∂x/∂v = 1}, {@code ∂x/∂τ = −δ·sign(v)},
 * {@code ∂x/∂δ = −τ·sign(v)}. At the kink {@code |v| = δ(1 + τ)} (where {@code x} is continuous)
 * the linear region's one-sided derivative is taken (the gradient of {@code h} is clipped there: the
 * active side). The VJP is on tensors (once differentiable).
 */
final class HuberProxOp extends Op {
    static final HuberProxOp INSTANCE = new HuberProxOp();

    @Override
    public String name() {
        return "proxHuber";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        ProxParameters.requirePositive("proxHuber", "τ", in[1], false);
        ProxParameters.requirePositive("proxHuber", "δ", in[2], false);
        Tensor out = Tensor.zeros(v.shape());
        double[] o = out.data();
        double[] vd = v.data();
        int vo = v.offset();
        for (int i = 0; i < o.length; i++) {
            double tau = ProxParameters.at(in[1], i);
            double delta = ProxParameters.at(in[2], i);
            double x = vd[vo + i];
            o[i] = Math.abs(x) < delta * (1 + tau) ? x / (1 + tau) : x - tau * delta * Math.signum(x);
        }
        return out;
    }

    /** The three partial derivatives at element {@code i}: {@code [∂x/∂v, ∂x/∂τ, ∂x/∂δ]}. */
    private static void partials(Tensor[] in, int i, double[] d) {
        double tau = ProxParameters.at(in[1], i);
        double delta = ProxParameters.at(in[2], i);
        double x = ProxParameters.at(in[0], i);
        if (Math.abs(x) < delta * (1 + tau)) {
            d[0] = 1 / (1 + tau);
            d[1] = -x / ((1 + tau) * (1 + tau));
            d[2] = 0;
        } else {
            double s = Math.signum(x);
            d[0] = 1;
            d[1] = -delta * s;
            d[2] = -tau * s;
        }
    }

    private static Tensor[] values(OpContext ctx) {
        return new Tensor[]{ctx.input(0).value(), ctx.input(1).value(), ctx.input(2).value()};
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        Tensor[] in = values(ctx);
        Tensor[] out = new Tensor[3];
        double[][] acc = new double[3][];
        for (int k = 0; k < 3; k++) {
            if (ctx.needsGrad(k)) {
                out[k] = ProxParameters.zerosLike(in[k]);
                acc[k] = out[k].data();
            }
        }
        double[] gd = g.data();
        int go = g.offset();
        double[] d = new double[3];
        for (int i = 0; i < g.size(); i++) {
            partials(in, i, d);
            double gi = gd[go + i];
            for (int k = 0; k < 3; k++) {
                if (acc[k] != null) {
                    ProxParameters.add(acc[k], i, gi * d[k]);
                }
            }
        }
        return out;
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor[] in = values(ctx);
        Tensor out = Tensor.zeros(in[0].shape());
        double[] o = out.data();
        double[] d = new double[3];
        for (int i = 0; i < o.length; i++) {
            partials(in, i, d);
            double s = 0;
            for (int k = 0; k < 3; k++) {
                if (t[k] != null) {
                    s += d[k] * ProxParameters.at(t[k], i);
                }
            }
            o[i] = s;
        }
        return out;
    }
}
