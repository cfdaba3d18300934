package dev.fixpoint.solvers.amp;

import dev.fixpoint.core.Tensor;

/**
 * Sees AMP's state after each iteration (the {@code IterationListener} sees scalars only; this hook
 * sees the iterates, for traces and experiments). The tensors are the solver's working buffers:
 * valid only during the call and must not be modified (copy what you keep).
 */
@FunctionalInterface
public interface AmpObserver {

    /** Observes nothing. */
    AmpObserver NONE = (iteration, estimate, residual, tau) -> { };

    /**
     * @param iteration t ≥ 1, the iteration just completed
     * @param estimate  x^t, {@code [n, B]} ({@code B = 1} for a vector input)
     * @param residual  the Onsager-corrected residual z^t computed from x^t, {@code [m, B]}
     * @param tau       τ̂_{t−1} per column ({@code length B}): the noise-level estimate
     *                  {@code ‖z^{t−1}‖₂/√m} whose multiple {@code α·τ̂_{t−1}} was the threshold that produced x^t
     */
    void onIteration(int iteration, Tensor estimate, Tensor residual, double[] tau);
}
