package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.Var;

/**
 * An optimality condition {@code F(z, θ) = 0} that defines a solution map {@code z*(θ)}, written
 * with differentiable operations on {@link Var}s (for example {@code F = ∇_z g(z, θ)} for a smooth
 * inner objective g, or {@code F = z − T(z, θ)} for a fixed point).
 */
@FunctionalInterface
public interface OptimalityCondition {

    /**
     * @param z     the solution variable (any shape)
     * @param theta the parameters θ₁…θₖ (any shapes)
     * @return {@code F(z, θ)}, of {@code z}'s shape
     */
    Var apply(Var z, Var[] theta);
}
