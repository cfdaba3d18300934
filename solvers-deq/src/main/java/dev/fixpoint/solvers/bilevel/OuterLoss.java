package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Var;

/** The outer (validation) loss {@code L(z, θ)} of a bilevel problem, a scalar written on {@link Var}s. */
@FunctionalInterface
public interface OuterLoss {

    /**
     * @param state the inner solver's final state z
     * @param theta the hyperparameters
     * @return a one-element variable
     */
    Var apply(Var state, Var[] theta);
}
