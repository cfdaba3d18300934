package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * A sparse matrix {@code A ∈ ℝ^{m×n}} in compressed sparse row (CSR) form, as an operator from
 * {@code [n]} to {@code [m]}. Row {@code i} holds the entries {@code k = rowPtr[i] … rowPtr[i+1]-1}
 * with column {@code colIdx[k]} and value {@code values[k]}; within a row the columns are strictly
 * increasing. {@code A x} is one pass over the rows; {@code Aᵀ y} scatters each row into the output
 * (a transposed loop, never forming {@code Aᵀ}). The arrays are validated and copied at construction;
 * build from unsorted triplets with {@link CsrBuilder}.
 */
final class SparseCsr extends LinearOperator {
    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;

    SparseCsr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        super(new int[]{OperatorShapes.atLeast("SparseCsr", "columns", cols, 0)},
                new int[]{OperatorShapes.atLeast("SparseCsr", "rows", rows, 0)});
        if (rowPtr == null || colIdx == null || values == null) {
            throw new FixpointException("BadParameter", "SparseCsr: rowPtr, colIdx and values must not be null");
        }
        if (rowPtr.length != rows + 1) {
            throw new FixpointException("BadParameter", "SparseCsr: rowPtr has length " + rowPtr.length
                    + " but a " + rows + "×" + cols + " matrix needs rows + 1 = " + (rows + 1));
        }
        if (colIdx.length != values.length) {
            throw new FixpointException("BadParameter", "SparseCsr: colIdx has length " + colIdx.length
                    + " but values has length " + values.length + "; they must be equal");
        }
        if (rowPtr[0] != 0 || rowPtr[rows] != colIdx.length) {
            throw new FixpointException("BadParameter", "SparseCsr: rowPtr[0] = " + rowPtr[0] + " and rowPtr[" + rows
                    + "] = " + rowPtr[rows] + " must be 0 and nnz = " + colIdx.length);
        }
        for (int i = 0; i < rows; i++) {
            if (rowPtr[i + 1] < rowPtr[i]) {
                throw new FixpointException("BadParameter", "SparseCsr: rowPtr decreases at row " + i + " ("
                        + rowPtr[i] + " > " + rowPtr[i + 1] + "); it must be non-decreasing");
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int j = colIdx[k];
                if (j < 0 || j >= cols) {
                    throw new FixpointException("BadParameter", "SparseCsr: column index " + j + " (entry " + k
                            + ", row " + i + ") is outside [0, " + cols + ")");
                }
                if (k > rowPtr[i] && j <= colIdx[k - 1]) {
                    throw new FixpointException("BadParameter", "SparseCsr: column index " + j + " (entry " + k
                            + ", row " + i + ") follows column " + colIdx[k - 1] + "; columns within a row must be"
                            + " strictly increasing (sort them and merge duplicates, or use CsrBuilder)");
                }
                if (!Double.isFinite(values[k])) {
                    throw new FixpointException("NonFinite", "SparseCsr: value " + values[k] + " at entry " + k
                            + " (row " + i + ", column " + j + ") is not finite");
                }
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr.clone();
        this.colIdx = colIdx.clone();
        this.values = values.clone();
    }

    /** @return the number of stored entries */
    int nonZeros() {
        return values.length;
    }

    /** @return the matrix as a dense {@code m×n} tensor (for tests and small problems) */
    Tensor toDense() {
        Tensor d = Tensor.zeros(rows, cols);
        double[] dd = d.data();
        for (int i = 0; i < rows; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                dd[i * cols + colIdx[k]] = values[k];
            }
        }
        return d;
    }

    @Override
    public String name() {
        return "SparseCsr[" + rows + "×" + cols + ", nnz " + values.length + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int oo = out.offset();
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) {
                s += values[k] * xd[xo + colIdx[k]];
            }
            od[oo + i] = s;
        }
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        out.fill(0.0);
        double[] yd = y.data();
        double[] od = out.data();
        int yo = y.offset();
        int oo = out.offset();
        for (int i = 0; i < rows; i++) {
            double yi = yd[yo + i];
            for (int k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) {
                od[oo + colIdx[k]] += values[k] * yi;
            }
        }
    }
}
