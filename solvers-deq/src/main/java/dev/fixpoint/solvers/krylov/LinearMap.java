package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.Tensor;

/**
 * A matrix-free linear map {@code v ↦ A v}, given only by its action. The map is shape-preserving:
 * the result has the shape of {@code v} (any shape; the Krylov solvers treat tensors as flat
 * vectors in row-major order). Implementations must not modify {@code v} and should return a new
 * tensor (or one they own and do not reuse before the next call returns).
 */
@FunctionalInterface
public interface LinearMap {

    /**
     * @param v a vector of the map's shape (not modified)
     * @return {@code A v}, of {@code v}'s shape
     */
    Tensor apply(Tensor v);

    /** @return the identity map {@code v ↦ v} (returns a copy) */
    static LinearMap identity() {
        return Tensor::copy;
    }

    /** @return the map of a dense square matrix {@code [n, n]} acting on vectors {@code [n]} */
    static LinearMap ofMatrix(Tensor matrix) {
        if (matrix.rank() != 2 || matrix.dim(0) != matrix.dim(1)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] LinearMap.ofMatrix needs a square "
                    + "matrix [n, n], got shape " + java.util.Arrays.toString(matrix.shape()));
        }
        return v -> matrix.matvec(v);
    }
}
