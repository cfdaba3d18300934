package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.Var;

/**
 * A fixed-point equation {@code z = T(z, θ)} that defines a solution map {@code z*(θ)}, given by
 * its map {@code T} written with differentiable operations on {@link Var}s. (Not to be confused with
 * {@link dev.fixpoint.solvers.fixedpoint.FixedPointMap}, the tensor map the fixed-point solvers iterate.)
 */
@FunctionalInterface
public interface FixedPointEquation {

    /**
     * @param z     the state (any shape)
     * @param theta the parameters θ₁…θₖ (any shapes)
     * @return {@code T(z, θ)}, of {@code z}'s shape
     */
    Var apply(Var z, Var[] theta);
}
