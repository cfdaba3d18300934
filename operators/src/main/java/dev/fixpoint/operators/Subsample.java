package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Picks {@code k} entries of a tensor: {@code (A x)_j = x[indices[j]]} with {@code indices} flat
 * row-major positions in the domain shape, distinct and in range. Domain: the given shape; range:
 * {@code [k]}. The adjoint scatters {@code y_j} back to position {@code indices[j]} and writes zeros
 * elsewhere, so {@code AAᵀ = I} and the norm is 1 (0 when nothing is kept). A boolean sampling mask
 * is the special case of increasing indices ({@link Operators#mask}).
 */
final class Subsample extends LinearOperator {
    private final int[] indices;
    private final String label;

    /**
     * @param label   "Subsample" or "Mask", for messages
     * @param indices flat indices, validated here (copied)
     */
    Subsample(String label, int[] shape, int[] indices) {
        super(OperatorShapes.valid(label, shape), new int[]{checkedLength(label, indices)});
        this.label = label;
        this.indices = indices.clone();
        int n = OperatorShapes.size(shape);
        int[] firstAt = new int[n];
        Arrays.fill(firstAt, -1);
        for (int j = 0; j < this.indices.length; j++) {
            int i = this.indices[j];
            if (i < 0 || i >= n) {
                throw new FixpointException("BadParameter", label + ": index " + i + " at position " + j
                        + " is outside [0, " + n + ") for shape " + Arrays.toString(shape)
                        + " (indices are flat row-major positions)");
            }
            if (firstAt[i] >= 0) {
                throw new FixpointException("BadParameter", label + ": index " + i + " appears twice, at positions "
                        + firstAt[i] + " and " + j + "; sampled indices must be distinct");
            }
            firstAt[i] = j;
        }
    }

    private static int checkedLength(String label, int[] indices) {
        if (indices == null) {
            throw new FixpointException("BadParameter", label + ": the index array is null");
        }
        return indices.length;
    }

    /** @return the flat indices that are kept, in range order (a copy) */
    int[] indices() {
        return indices.clone();
    }

    @Override
    public String name() {
        return label + Arrays.toString(domainShape()) + "→[" + indices.length + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int oo = out.offset();
        for (int j = 0; j < indices.length; j++) {
            od[oo + j] = xd[xo + indices[j]];
        }
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        out.fill(0.0);
        double[] yd = y.data();
        double[] od = out.data();
        int yo = y.offset();
        int oo = out.offset();
        for (int j = 0; j < indices.length; j++) {
            od[oo + indices[j]] = yd[yo + j];
        }
    }
}
