package dev.fixpoint.solvers.sparse;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * A batch of sparse recovery samples, one per column: signals {@code x} [n, B] and measurements
 * {@code y} [m, B] = A·x + noise. The tensors are owned by the batch; callers must not modify them.
 */
public record SparseRecoveryBatch(Tensor x, Tensor y) {
    public SparseRecoveryBatch {
        if (x.rank() != 2 || y.rank() != 2 || x.dim(1) != y.dim(1)) {
            throw new ShapeMismatchException("SparseRecoveryBatch", x.shape(), y.shape(),
                    "x is [n, B] and y is [m, B] with the same number of columns B");
        }
    }

    /** @return the number of samples B */
    public int size() {
        return x.dim(1);
    }

    /** @return columns {@code [from, to)} as a new batch (copies) */
    public SparseRecoveryBatch columns(int from, int to) {
        return new SparseRecoveryBatch(x.slice(1, from, to), y.slice(1, from, to));
    }
}
