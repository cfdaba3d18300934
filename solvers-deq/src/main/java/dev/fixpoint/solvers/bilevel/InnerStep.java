package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Var;

/**
 * One step of an inner solver, {@code state_{t+1} = Φ(state_t, θ, t)}, written with differentiable
 * operations on {@link Var}s. The state may pack several tensors (for example weights and momentum,
 * or weights and Adam's two moments, concatenated along axis 0).
 */
@FunctionalInterface
public interface InnerStep {

    /**
     * @param state the state after {@code t} steps (any shape)
     * @param theta the hyperparameters θ₁…θₖ
     * @param t     the step index, 0-based
     * @return the next state, of {@code state}'s shape
     */
    Var apply(Var state, Var[] theta, int t);
}
