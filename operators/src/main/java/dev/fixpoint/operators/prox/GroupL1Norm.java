package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * The group-ℓ1 (ℓ2,1) norm {@code f(x) = λ Σ_g w_g ‖x_g‖₂} over disjoint groups of the flattened
 * elements of a tensor of a fixed shape ({@code λ ≥ 0}, group weights {@code w_g ≥ 0}, default 1).
 *
 * <p>The groups are {@code int[][]} lists of flat (row-major) indices and must <b>partition</b> the
 * elements: every index in {@code [0, n)} belongs to exactly one group, no group is empty. Overlapping
 * groups, missing indices and out-of-range indices are rejected at construction naming the index and
 * the groups. An element that should not be penalised goes into a group of weight 0.
 *
 * <p>Prox (block soft thresholding per group): {@code x_g = max(1 − τλw_g/‖v_g‖₂, 0)·v_g}.
 * Conjugate: the indicator of {@code {‖y_g‖₂ ≤ λw_g for every g}}.
 */
public final class GroupL1Norm extends ProximalFunction {
    private final double lambda;
    private final int[] shape;
    private final int[][] groups;
    private final double[] weights;

    GroupL1Norm(double lambda, int[] shape, int[][] groups, double[] weights) {
        this.lambda = Parameters.nonNegative("groupL1", "λ", lambda);
        this.shape = shape.clone();
        int n = Tensor.zeros(shape).size();
        this.groups = new int[groups.length][];
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        for (int g = 0; g < groups.length; g++) {
            if (groups[g] == null || groups[g].length == 0) {
                throw new FixpointException("BadParameter", "groupL1: group " + g + " is empty; every group needs "
                        + "at least one index in [0, " + n + ")");
            }
            this.groups[g] = groups[g].clone();
            for (int i : groups[g]) {
                if (i < 0 || i >= n) {
                    throw new FixpointException("BadParameter", "groupL1: index " + i + " in group " + g + " "
                            + Arrays.toString(groups[g]) + " is outside [0, " + n + ") for shape " + Arrays.toString(shape));
                }
                if (owner[i] >= 0) {
                    throw new FixpointException("BadParameter", "groupL1: index " + i + " is in group " + owner[i] + " "
                            + Arrays.toString(groups[owner[i]]) + " and in group " + g + " " + Arrays.toString(groups[g])
                            + "; groups must be disjoint");
                }
                owner[i] = g;
            }
        }
        for (int i = 0; i < n; i++) {
            if (owner[i] < 0) {
                throw new FixpointException("BadParameter", "groupL1: index " + i + " is in none of the "
                        + groups.length + " groups; the groups must partition [0, " + n + ") (put elements that "
                        + "should not be penalised in a group of weight 0)");
            }
        }
        if (weights == null) {
            this.weights = new double[groups.length];
            Arrays.fill(this.weights, 1.0);
        } else {
            if (weights.length != groups.length) {
                throw new FixpointException("BadParameter", "groupL1: " + weights.length + " weights for "
                        + groups.length + " groups; give one weight per group");
            }
            for (int g = 0; g < weights.length; g++) {
                Parameters.nonNegative("groupL1", "weight of group " + g, weights[g]);
            }
            this.weights = weights.clone();
        }
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    /** @return a copy of the groups (flat indices) */
    public int[][] groups() {
        int[][] c = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            c[g] = groups[g].clone();
        }
        return c;
    }

    /** @return a copy of the group weights */
    public double[] groupWeights() {
        return weights.clone();
    }

    @Override
    public String name() {
        return "groupL1(λ=" + lambda + ", " + groups.length + " groups)";
    }

    private void checkShape(Tensor x, String op) {
        if (!Arrays.equals(x.shape(), shape)) {
            throw new dev.fixpoint.core.ShapeMismatchException(name() + "." + op, x.shape(), shape,
                    "the groups were defined for shape " + Arrays.toString(shape));
        }
    }

    private static double groupNorm(double[] d, int o, int[] group) {
        double s = 0;
        for (int i : group) {
            double a = d[o + i];
            s += a * a;
        }
        return Math.sqrt(s);
    }

    @Override
    public double value(Tensor x) {
        checkShape(x, "value");
        double s = 0;
        for (int g = 0; g < groups.length; g++) {
            s += weights[g] * groupNorm(x.data(), x.offset(), groups[g]);
        }
        return lambda * s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        checkShape(v, "prox");
        double[] vd = v.data();
        double[] od = out.data();
        int vo = v.offset();
        int oo = out.offset();
        for (int g = 0; g < groups.length; g++) {
            int[] group = groups[g];
            double norm = groupNorm(vd, vo, group);
            double t = tau * lambda * weights[g];
            double scale = norm > t ? 1 - t / norm : 0.0;
            for (int i : group) {
                od[oo + i] = scale * vd[vo + i];
            }
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        checkShape(y, "conjugateValue");
        for (int g = 0; g < groups.length; g++) {
            if (!Parameters.withinBound(groupNorm(y.data(), y.offset(), groups[g]), lambda * weights[g])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }
}
