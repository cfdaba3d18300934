package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;

/**
 * Collects the entries of a sparse {@code m×n} matrix as (row, column, value) triplets in any order
 * and builds the CSR operator ({@link Operators#sparseCsr}). Entries given twice for the same
 * position are summed; explicit zeros are kept. Each {@link #add} checks its indices at once and
 * names a bad one. Not thread-safe; {@link #build} may be called more than once.
 *
 * <pre>{@code
 * LinearOperator a = Operators.csrBuilder(3, 4).add(0, 1, 2.0).add(2, 3, -1.0).build();
 * }</pre>
 */
public final class CsrBuilder {
    private final int rows;
    private final int cols;
    private int count;
    private int[] rowOf = new int[16];
    private int[] colOf = new int[16];
    private double[] valueOf = new double[16];

    /**
     * @param rows number of rows {@code m ≥ 0}
     * @param cols number of columns {@code n ≥ 0}
     */
    public CsrBuilder(int rows, int cols) {
        this.rows = OperatorShapes.atLeast("CsrBuilder", "rows", rows, 0);
        this.cols = OperatorShapes.atLeast("CsrBuilder", "columns", cols, 0);
    }

    /**
     * Adds {@code value} at ({@code row}, {@code col}) (summed with an earlier entry there).
     *
     * @return this builder (modified)
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming an index outside the matrix,
     *         {@code [fixpoint/NonFinite]} for a NaN or infinite value
     */
    public CsrBuilder add(int row, int col, double value) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new FixpointException("BadParameter", "CsrBuilder: entry (" + row + ", " + col + ") is outside the "
                    + rows + "×" + cols + " matrix (rows 0…" + (rows - 1) + ", columns 0…" + (cols - 1) + ")");
        }
        if (!Double.isFinite(value)) {
            throw new FixpointException("NonFinite", "CsrBuilder: value " + value + " at (" + row + ", " + col
                    + ") is not finite");
        }
        if (count == rowOf.length) {
            int capacity = Math.max(16, 2 * count);
            rowOf = Arrays.copyOf(rowOf, capacity);
            colOf = Arrays.copyOf(colOf, capacity);
            valueOf = Arrays.copyOf(valueOf, capacity);
        }
        rowOf[count] = row;
        colOf[count] = col;
        valueOf[count] = value;
        count++;
        return this;
    }

    /** @return the CSR operator {@code [cols] → [rows]} with the entries added so far */
    public LinearOperator build() {
        // counting sort by row, then sort each row's entries by column and merge duplicates
        int[] rowPtr = new int[rows + 1];
        for (int t = 0; t < count; t++) {
            rowPtr[rowOf[t] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        long[] keyed = new long[count]; // per row: (column << 32) | triplet index, sorted within the row
        int[] next = Arrays.copyOf(rowPtr, rows);
        for (int t = 0; t < count; t++) {
            keyed[next[rowOf[t]]++] = ((long) colOf[t] << 32) | t;
        }
        int[] outPtr = new int[rows + 1];
        int[] colIdx = new int[count];
        double[] values = new double[count];
        int nnz = 0;
        for (int i = 0; i < rows; i++) {
            Arrays.sort(keyed, rowPtr[i], rowPtr[i + 1]);
            int lastCol = -1;
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int col = (int) (keyed[k] >>> 32);
                double v = valueOf[(int) keyed[k]];
                if (col == lastCol) {
                    values[nnz - 1] += v;
                } else {
                    colIdx[nnz] = col;
                    values[nnz] = v;
                    nnz++;
                    lastCol = col;
                }
            }
            outPtr[i + 1] = nnz;
        }
        return new SparseCsr(rows, cols, outPtr, Arrays.copyOf(colIdx, nnz), Arrays.copyOf(values, nnz));
    }
}
