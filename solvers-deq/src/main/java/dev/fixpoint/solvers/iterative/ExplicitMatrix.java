package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;

/**
 * A matrix operator {@code K : [n] → [m]} whose entries stay accessible, dense or in CSR form, so
 * that it provides the {@link AbsoluteSums} of diagonal preconditioning. Application and adjoint
 * are those of {@link Operators#dense} / {@link Operators#sparseCsr} (BLAS gemv, or one pass over
 * the nonzeros); the entries are validated and copied by those factories. Immutable, thread-safe.
 */
public final class ExplicitMatrix extends LinearOperator implements AbsoluteSums {
    private final LinearOperator matrix;
    private final double[] rowSums;
    private final double[] columnSums;

    private ExplicitMatrix(LinearOperator matrix, double[] rowSums, double[] columnSums) {
        super(matrix.domainShape(), matrix.rangeShape());
        this.matrix = matrix;
        this.rowSums = rowSums;
        this.columnSums = columnSums;
    }

    /**
     * @param matrix {@code [m, n]}, finite (copied)
     * @return the operator {@code x ↦ K x} from {@code [n]} to {@code [m]}
     */
    public static ExplicitMatrix dense(Tensor matrix) {
        LinearOperator op = Operators.dense(matrix); // validates rank and finiteness
        int m = matrix.dim(0);
        int n = matrix.dim(1);
        double[] d = matrix.data();
        int o = matrix.offset();
        double[] rows = new double[m];
        double[] cols = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double a = Math.abs(d[o + i * n + j]);
                rows[i] += a;
                cols[j] += a;
            }
        }
        return new ExplicitMatrix(op, rows, cols);
    }

    /**
     * A CSR matrix; the arguments are those of {@link Operators#sparseCsr} (validated there).
     *
     * @return the operator from {@code [cols]} to {@code [rows]}
     */
    public static ExplicitMatrix csr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        LinearOperator op = Operators.sparseCsr(rows, cols, rowPtr, colIdx, values);
        double[] r = new double[rows];
        double[] c = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                double a = Math.abs(values[k]);
                r[i] += a;
                c[colIdx[k]] += a;
            }
        }
        return new ExplicitMatrix(op, r, c);
    }

    @Override
    public String name() {
        return "Explicit" + matrix.name();
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        matrix.applyInto(x, out);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        matrix.adjointInto(y, out);
    }

    @Override
    public Tensor absoluteRowSums() {
        return Tensor.of(rowSums, rangeShape());
    }

    @Override
    public Tensor absoluteColumnSums() {
        return Tensor.of(columnSums, domainShape());
    }
}
