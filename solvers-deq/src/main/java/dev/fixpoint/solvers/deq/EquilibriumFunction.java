package dev.fixpoint.solvers.deq;

import dev.fixpoint.autodiff.Var;

/**
 * The map {@code f(z, x; θ)} of an equilibrium layer, written with differentiable operations
 * ({@link dev.fixpoint.autodiff.Ops}). Column {@code s} of the output may depend only on column
 * {@code s} of {@code z} and {@code x} (samples are columns) and on the parameters. Everything that should
 * receive a gradient must come in through {@code parameters} (or {@code x}): tensors captured by the lambda
 * are constants to the layer. It is evaluated many times per forward pass with constants, and recorded
 * on a fresh tape in the backward pass; it must not keep state between calls.
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
