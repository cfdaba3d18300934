package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.TotalVariation1d;
import java.util.Arrays;

/**
 * Proximal map of 1-D total variation {@code t·Σ|x_{i+1} − x_i|} ({@code t = τλ}), computed exactly by
 * {@link TotalVariation1d#denoise}. Inputs {@code v [n]} and {@code t []}, {@code t ≥ 0}.
 *
 * <p>The output is piecewise constant. On a maximal segment {@code S = [a, b]} of equal output values,
 * summing the optimality condition {@code x = v − Dᵀz} over {@code S} (the dual telescopes to its
 * end values {@code z_{a−1} = t·s_left}, {@code z_b = t·s_right}) gives
 * {@code x_S = mean(v_S) + t·(s_right − s_left)/|S|}, where
 * {@code s_left = sign(x_a − x_{a−1})} and {@code s_right = sign(x_{b+1} − x_b)} are the signs of
 * the jumps into and out of the segment (0 at the ends of the signal). For a fixed segment
 * structure {@code x} is linear in {@code (v, t)}, so: {@code ∂x_S/∂v_j = 1/|S|} for {@code j ∈ S}
 * (the Jacobian averages over each segment) and {@code ∂x_S/∂t = (s_right − s_left)/|S|}.
 *
 * <p>Segments are read off the output: Condat's algorithm writes one value per segment, so
 * consecutive equal values are one segment. Kink convention: a jump of exactly zero counts as no
 * jump (segments merged), as soft thresholding counts {@code |v| = θ} as thresholded. The VJP is
 * on tensors (once differentiable; the second derivative is 0 away from kinks).
 */
final class TotalVariation1dProxOp extends Op {
    static final TotalVariation1dProxOp INSTANCE = new TotalVariation1dProxOp();

    @Override
    public String name() {
        return "proxTotalVariation1d";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        ProxParameters.requirePositive(name(), "τλ", in[1], true);
        int n = v.size();
        Tensor out = Tensor.zeros(n);
        TotalVariation1d.denoise(v.data(), v.offset(), out.data(), 0, n, in[1].item());
        return out;
    }

    /**
     * @return the segment starts of the output, with a final entry {@code n}; segment {@code k} is
     *         {@code [starts[k], starts[k+1])}
     */
    private static int[] segments(double[] x) {
        int n = x.length;
        int[] starts = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                starts[count++] = i;
            }
        }
        starts[count++] = n;
        return Arrays.copyOf(starts, count);
    }

    /** @return {@code (s_right − s_left)/|S|} for the segment {@code [a, b)} */
    private static double thresholdSlope(double[] x, int a, int b) {
        double sl = a == 0 ? 0 : Math.signum(x[a] - x[a - 1]);
        double sr = b == x.length ? 0 : Math.signum(x[b] - x[b - 1]);
        return (sr - sl) / (b - a);
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        double[] x = ctx.output().value().data();
        int[] seg = segments(x);
        double[] gd = g.data();
        int go = g.offset();
        Tensor gv = ctx.needsGrad(0) ? Tensor.zeros(x.length) : null;
        double gt = 0;
        for (int k = 0; k + 1 < seg.length; k++) {
            int a = seg[k];
            int b = seg[k + 1];
            double sum = 0;
            for (int i = a; i < b; i++) {
                sum += gd[go + i];
            }
            if (gv != null) {
                Arrays.fill(gv.data(), a, b, sum / (b - a));
            }
            gt += thresholdSlope(x, a, b) * sum;
        }
        return new Tensor[]{gv, ctx.needsGrad(1) ? Tensor.scalar(gt) : null};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        double[] x = ctx.output().value().data();
        int[] seg = segments(x);
        Tensor out = Tensor.zeros(x.length);
        double[] o = out.data();
        double dt = t[1] == null ? 0 : t[1].item();
        for (int k = 0; k + 1 < seg.length; k++) {
            int a = seg[k];
            int b = seg[k + 1];
            double mean = 0;
            if (t[0] != null) {
                for (int i = a; i < b; i++) {
                    mean += t[0].data()[t[0].offset() + i];
                }
                mean /= b - a;
            }
            Arrays.fill(o, a, b, mean + dt * thresholdSlope(x, a, b));
        }
        return out;
    }
}
