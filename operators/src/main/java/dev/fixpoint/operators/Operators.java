package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Static factories for the standard {@link LinearOperator}s. Each returns an immutable, thread-safe
 * operator; inputs (matrices, weights, index arrays) are validated and copied. Shapes are given in
 * each factory's documentation; combine the results with {@link LinearOperator#compose},
 * {@link LinearOperator#plus}, {@link LinearOperators#vstack} and friends.
 */
public final class Operators {
    private Operators() {
    }

    /**
     * @param matrix an {@code m×n} matrix (rank 2, finite; copied)
     * @return {@code x ↦ A x} from {@code [n]} to {@code [m]}, applied (and adjoint-applied) by BLAS
     *         {@code gemv} with a transposition flag
     */
    public static LinearOperator dense(Tensor matrix) {
        return new DenseMatrix(matrix);
    }

    /**
     * A sparse matrix in CSR form (arrays validated and copied).
     *
     * @param rows   {@code m}
     * @param cols   {@code n}
     * @param rowPtr length {@code m+1}, non-decreasing, from 0 to {@code nnz}
     * @param colIdx length {@code nnz}; within each row strictly increasing, each in {@code [0, n)}
     * @param values length {@code nnz}, finite
     * @return the operator from {@code [n]} to {@code [m]}
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming the first bad index
     */
    public static LinearOperator sparseCsr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        return new SparseCsr(rows, cols, rowPtr, colIdx, values);
    }

    /** @return a builder of an {@code rows×cols} sparse matrix from triplets (see {@link CsrBuilder}) */
    public static CsrBuilder csrBuilder(int rows, int cols) {
        return new CsrBuilder(rows, cols);
    }

    /**
     * @param weights weights of any shape (finite; copied)
     * @return {@code x ↦ weights ⊙ x}, domain = range = the shape of {@code weights}
     */
    public static LinearOperator diagonal(Tensor weights) {
        return new Diagonal(weights);
    }

    /** @return the identity on tensors of {@code shape} */
    public static LinearOperator identity(int... shape) {
        return new Identity(shape);
    }

    /** @return the zero map from {@code domain} to {@code range} */
    public static LinearOperator zero(int[] domain, int[] range) {
        return new Zero(domain, range);
    }

    /**
     * A sampling mask: keeps the entries where {@code keep} is true, in row-major order.
     *
     * @param keep  one flag per element of {@code shape}, row-major
     * @param shape the domain shape
     * @return the operator from {@code shape} to {@code [number of true flags]}; the adjoint puts the
     *         kept values back and zeros elsewhere
     */
    public static LinearOperator mask(boolean[] keep, int... shape) {
        OperatorShapes.valid("Mask", shape);
        int n = OperatorShapes.size(shape);
        if (keep == null || keep.length != n) {
            throw new FixpointException("BadParameter", "Mask: " + (keep == null ? "the mask is null" : "the mask has "
                    + keep.length + " flags") + " but shape " + Arrays.toString(shape) + " has " + n + " elements");
        }
        int k = 0;
        for (boolean b : keep) {
            k += b ? 1 : 0;
        }
        int[] indices = new int[k];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                indices[j++] = i;
            }
        }
        return new Subsample("Mask", shape, indices);
    }

    /**
     * @param shape   the domain shape
     * @param indices flat row-major positions in {@code shape}, distinct, in any order
     * @return {@code x ↦ (x[indices[0]], x[indices[1]], …)} from {@code shape} to {@code [indices.length]}
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming an out-of-range or duplicate index
     */
    public static LinearOperator subsample(int[] shape, int[] indices) {
        return new Subsample("Subsample", shape, indices);
    }

    /**
     * @param n        signal length
     * @param boundary {@link DifferenceBoundary#FREE}: range {@code [n-1]}; {@code NEUMANN} /
     *                 {@code PERIODIC}: range {@code [n]}
     * @return forward differences {@code x[i+1] - x[i]} on {@code [n]}; the adjoint is the negative divergence
     */
    public static LinearOperator finiteDifference1d(int n, DifferenceBoundary boundary) {
        return new FiniteDifference1d(n, boundary);
    }

    /**
     * @return the discrete gradient (forward differences, Neumann boundary) from {@code [h, w]} to
     *         {@code [2, h, w]}: component 0 vertical (along rows), component 1 horizontal; the adjoint
     *         is −div (Chambolle 2004) and {@code ‖∇‖² < 8}
     */
    public static LinearOperator gradient2d(int h, int w) {
        return new Gradient2d(h, w);
    }
}
