package dev.fixpoint.solvers.deq;

import dev.fixpoint.autodiff.Var;

/**
 * The map {@code f(z, x; θ)} of an equilibrium layer, written with differentiable operations
 * ({@link dev.fixpoint.autodiff.Ops}). Column {@code s} of the output may depend only on column
 * {@code s} of {@code z} and {@code x} (samples are columns) and on the parameters.
 */
@FunctionalInterface
public interface EquilibriumFunction {

    /**
     * @param z          the state {@code [d, k]}
     * @param x          the input {@code [p, k]} (the same columns as {@code z})
     * @param parameters θ, in the order given to {@link DeqLayer#apply}
     * @return {@code f(z, x; θ)} of shape {@code [d, k]}
     */
    Var apply(Var z, Var x, Var[] parameters);
}
