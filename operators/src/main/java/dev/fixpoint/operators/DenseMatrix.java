package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * A dense matrix {@code A ∈ ℝ^{m×n}} as an operator from {@code [n]} to {@code [m]} (vectors only).
 * Both {@code A x} and {@code Aᵀ y} go through the backend's BLAS {@code gemv} with a transposition
 * flag, so no transposed copy is ever formed. The matrix is copied at construction (the operator is
 * immutable); it must be finite.
 */
final class DenseMatrix extends LinearOperator {
    private final Tensor a;

    DenseMatrix(Tensor matrix) {
        super(columns(matrix), new int[]{matrix.dim(0)});
        if (!matrix.isFinite()) {
            throw new FixpointException("NonFinite", "DenseMatrix: the matrix of shape " + shapeText(matrix)
                    + " has a NaN or infinite entry; pass a finite matrix");
        }
        this.a = matrix.copy();
    }

    private static int[] columns(Tensor matrix) {
        if (matrix.rank() != 2) {
            throw new ShapeMismatchException("DenseMatrix: expects a rank-2 tensor (m×n matrix), got shape "
                    + shapeText(matrix));
        }
        return new int[]{matrix.dim(1)};
    }

    private static String shapeText(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }

    /** @return a copy of the matrix */
    Tensor matrix() {
        return a.copy();
    }

    @Override
    public String name() {
        return "DenseMatrix[" + a.dim(0) + "×" + a.dim(1) + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        Tensor.matvecInto(1.0, a, false, x, 0.0, out);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        Tensor.matvecInto(1.0, a, true, y, 0.0, out);
    }
}
