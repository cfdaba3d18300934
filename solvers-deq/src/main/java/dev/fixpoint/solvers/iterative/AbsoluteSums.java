package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;

/**
 * Implemented by linear operators whose matrix entries are known, so that the sums of the absolute
 * values of their rows and columns can be formed — what the diagonal preconditioning of Pock and
 * Chambolle (2011) needs ({@link PrimalDualHybridGradient.Builder#diagonalPreconditioning()}).
 * {@link ExplicitMatrix} implements it for dense and CSR matrices.
 */
public interface AbsoluteSums {

    /** @return {@code Σⱼ |K_ij|} for each row i, shaped like the operator's range (a new tensor) */
    Tensor absoluteRowSums();

    /** @return {@code Σᵢ |K_ij|} for each column j, shaped like the operator's domain (a new tensor) */
    Tensor absoluteColumnSums();
}
