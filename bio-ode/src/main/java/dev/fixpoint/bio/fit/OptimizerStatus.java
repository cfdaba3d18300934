package dev.fixpoint.bio.fit;

/** Why an optimiser stopped. */
public enum OptimizerStatus {
    /** The projected-gradient norm fell below the gradient tolerance. */
    CONVERGED_GRADIENT,
    /** The relative decrease of the objective in one iteration fell below the value tolerance. */
    CONVERGED_VALUE,
    /** The last accepted step was below the relative step tolerance: ‖Δx‖ ≤ xtol·(‖x‖ + xtol). */
    CONVERGED_STEP,
    /** The iteration or evaluation limit was reached. */
    MAX_ITERATIONS,
    /** The objective could not be evaluated at the start, no descent step could be found, or the run threw. */
    FAILED
}
