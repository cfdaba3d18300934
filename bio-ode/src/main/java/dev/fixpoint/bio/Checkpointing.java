package dev.fixpoint.bio;

/** What the adjoint method keeps of the forward solution (memory against recomputation). */
public enum Checkpointing {
    /** Keep the dense output of every forward step: memory 4·n doubles per step, no recomputation. */
    ALL_STEPS,
    /**
     * Keep only the states at measurement times and discontinuities; recompute each interval (once)
     * during the backward pass: memory for the longest interval only, one extra forward integration.
     */
    INTERVALS
}
