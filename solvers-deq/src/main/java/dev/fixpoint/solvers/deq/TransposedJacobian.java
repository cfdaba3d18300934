package dev.fixpoint.solvers.deq;

import dev.fixpoint.core.Tensor;

/** The matrix-free product {@code u ↦ (∂f/∂z)ᵀ u} at the equilibrium, on the whole batch. */
@FunctionalInterface
public interface TransposedJacobian {

    /**
     * @param u a cotangent {@code [d, B]}; not modified
     * @return {@code (∂f/∂z)ᵀ u}, a new tensor {@code [d, B]}
     */
    Tensor apply(Tensor u);
}
