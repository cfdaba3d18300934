package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.Var;

/**
 * A map {@code T(z, θ)} whose fixed point {@code z = T(z, θ)} defines a solution map
 * {@code z*(θ)}, written with differentiable operations on {@link Var}s.
 */
@FunctionalInterface
public interface FixedPointMap {

    /**
     * @param z     the state (any shape)
     * @param theta the parameters θ₁…θₖ (any shapes)
     * @return {@code T(z, θ)}, of {@code z}'s shape
     */
    Var apply(Var z, Var[] theta);
}
