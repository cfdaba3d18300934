package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Block soft thresholding, the proximal map of the group-L1 (L2,1) norm {@code Σ_g t_g‖x_g‖₂} over
 * disjoint groups: {@code x_g = (1 − t_g/‖v_g‖)₊·v_g}. Inputs {@code v} (any shape; groups index its
 * row-major elements) and the thresholds {@code t} (rank 0 for one threshold, or {@code [G]}, one per
 * group, {@code ≥ 0}). The group of element {@code i} is {@code groupOf[i] ∈ [0, G)}; every group
 * must be non-empty (checked at construction).
 *
 * <p>For an active group ({@code ‖v_g‖ > t_g}), with {@code ρ = ‖v_g‖} and {@code u = v_g/ρ}:
 * {@code ∂x_g/∂v_g = (1 − t_g/ρ)I + (t_g/ρ)uuᵀ} and {@code ∂x_g/∂t_g = −u}; an inactive group
 * ({@code ‖v_g‖ ≤ t_g}, including the kink — the thresholded side) has zero derivatives. VJP on
 * tensors (once differentiable).
 */
final class GroupSoftThresholdOp extends Op {
    private final int[] groupOf;
    private final int groups;

    /**
     * @param groupOf the group index of every element (copied)
     * @throws FixpointException {@code [fixpoint/BadParameter]} for a negative index or an empty group
     */
    GroupSoftThresholdOp(int[] groupOf) {
        this.groupOf = groupOf.clone();
        int g = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] < 0) {
                throw new FixpointException("BadParameter", "groupL1: group index " + groupOf[i] + " of element " + i
                        + " is negative; indices must be in [0, G)");
            }
            g = Math.max(g, groupOf[i] + 1);
        }
        int[] count = new int[g];
        for (int k : groupOf) {
            count[k]++;
        }
        for (int k = 0; k < g; k++) {
            if (count[k] == 0) {
                throw new FixpointException("BadParameter", "groupL1: group " + k + " of [0, " + g
                        + ") has no element; number the groups 0 … G−1 without gaps");
            }
        }
        this.groups = g;
    }

    /** @return the number of groups {@code G} */
    int groups() {
        return groups;
    }

    /** @return the number of elements the grouping covers */
    int size() {
        return groupOf.length;
    }

    @Override
    public String name() {
        return "proxGroupL1";
    }

    /** @return the Euclidean norm of every group of {@code v} */
    private double[] groupNorms(Tensor v) {
        double[] sq = new double[groups];
        double[] d = v.data();
        int off = v.offset();
        for (int i = 0; i < groupOf.length; i++) {
            sq[groupOf[i]] += d[off + i] * d[off + i];
        }
        for (int k = 0; k < groups; k++) {
            sq[k] = Math.sqrt(sq[k]);
        }
        return sq;
    }

    private double threshold(Tensor t, int group) {
        return t.data()[t.offset() + (t.size() == 1 ? 0 : group)];
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor v = in[0];
        ProxParameters.requirePositive(name(), "threshold", in[1], true);
        double[] norms = groupNorms(v);
        ctx.saveState(norms);
        Tensor out = Tensor.zeros(v.shape());
        double[] o = out.data();
        double[] d = v.data();
        int off = v.offset();
        for (int i = 0; i < o.length; i++) {
            int k = groupOf[i];
            double t = threshold(in[1], k);
            o[i] = norms[k] > t ? (1 - t / norms[k]) * d[off + i] : 0.0;
        }
        return out;
    }

    /** @return {@code uᵀ s_g = v_gᵀ s_g / ‖v_g‖} for every group (0 for inactive groups) */
    private double[] projections(Tensor v, Tensor s, double[] norms, Tensor t) {
        double[] p = new double[groups];
        double[] vd = v.data();
        double[] sd = s.data();
        for (int i = 0; i < groupOf.length; i++) {
            p[groupOf[i]] += vd[v.offset() + i] * sd[s.offset() + i];
        }
        for (int k = 0; k < groups; k++) {
            p[k] = norms[k] > threshold(t, k) ? p[k] / norms[k] : 0.0;
        }
        return p;
    }

    /** {@code ((1 − t/ρ)s + (t/ρ)u(uᵀs))} on active groups, 0 elsewhere: the Jacobian (symmetric) applied to {@code s}. */
    private Tensor applyJacobian(Tensor v, Tensor s, double[] norms, Tensor t, double[] uts) {
        Tensor out = Tensor.zeros(v.shape());
        double[] o = out.data();
        double[] vd = v.data();
        double[] sd = s.data();
        for (int i = 0; i < o.length; i++) {
            int k = groupOf[i];
            double tk = threshold(t, k);
            double rho = norms[k];
            if (rho > tk) {
                o[i] = (1 - tk / rho) * sd[s.offset() + i] + (tk / rho) * (vd[v.offset() + i] / rho) * uts[k];
            }
        }
        return out;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor g) {
        double[] norms = ctx.state();
        Tensor v = ctx.input(0).value();
        Tensor t = ctx.input(1).value();
        double[] ug = projections(v, g, norms, t);
        Tensor gv = ctx.needsGrad(0) ? applyJacobian(v, g, norms, t, ug) : null;
        Tensor gt = null;
        if (ctx.needsGrad(1)) {
            gt = Tensor.zeros(t.shape());
            double[] o = gt.data();
            for (int k = 0; k < groups; k++) {
                o[o.length == 1 ? 0 : k] -= ug[k];
            }
        }
        return new Tensor[]{gv, gt};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] tan) {
        double[] norms = ctx.state();
        Tensor v = ctx.input(0).value();
        Tensor t = ctx.input(1).value();
        Tensor out = tan[0] == null ? Tensor.zeros(v.shape())
                : applyJacobian(v, tan[0], norms, t, projections(v, tan[0], norms, t));
        if (tan[1] != null) {
            double[] o = out.data();
            double[] vd = v.data();
            for (int i = 0; i < o.length; i++) {
                int k = groupOf[i];
                if (norms[k] > threshold(t, k)) {
                    o[i] -= threshold(tan[1], k) * vd[v.offset() + i] / norms[k];
                }
            }
        }
        return out;
    }
}
