package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * Selecting and placing columns of a batch {@code [r, B]} (samples are columns): what a
 * {@link FixedPointMap} needs to evaluate only the samples still iterating, and what column-subset
 * computations (a support of a design matrix) need. Stateless.
 */
public final class SampleColumns {
    private SampleColumns() {
    }

    /**
     * @param t       a tensor {@code [r, B]}; not modified
     * @param columns column indices in {@code [0, B)}
     * @return {@code t[:, columns]} as a new {@code [r, k]} tensor, or {@code t} itself when
     *         {@code columns} is every column in order (callers must not modify the result then)
     */
    public static Tensor gather(Tensor t, int[] columns) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        if (isAll(columns, cols)) {
            return t;
        }
        double[] src = t.data();
        int off = t.offset();
        int k = columns.length;
        double[] out = new double[rows * k];
        for (int i = 0; i < rows; i++) {
            int base = off + i * cols;
            for (int j = 0; j < k; j++) {
                out[i * k + j] = src[base + columns[j]];
            }
        }
        return Tensor.wrap(out, rows, k);
    }

    /**
     * @param part    a tensor {@code [r, k]} with {@code k = columns.length}; not modified
     * @param columns where its columns go, indices in {@code [0, batch)}
     * @param batch   the number of columns B of the result
     * @return a new {@code [r, B]} tensor with {@code part}'s columns at {@code columns} and zeros
     *         elsewhere, or {@code part} itself when {@code columns} is every column in order
     */
    public static Tensor scatter(Tensor part, int[] columns, int batch) {
        if (part.dim(1) != columns.length) {
            throw new ShapeMismatchException("scatter columns", part.shape(), new int[]{part.dim(0), columns.length},
                    "one column of the part per index");
        }
        if (isAll(columns, batch)) {
            return part;
        }
        int rows = part.dim(0);
        int k = columns.length;
        double[] src = part.data();
        int off = part.offset();
        double[] out = new double[rows * batch];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                out[i * batch + columns[j]] = src[off + i * k + j];
            }
        }
        return Tensor.wrap(out, rows, batch);
    }

    private static boolean isAll(int[] columns, int count) {
        if (columns.length != count) {
            return false;
        }
        for (int j = 0; j < count; j++) {
            if (columns[j] != j) {
                return false;
            }
        }
        return true;
    }
}
