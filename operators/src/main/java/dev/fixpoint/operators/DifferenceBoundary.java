package dev.fixpoint.operators;

/**
 * How a forward-difference operator ({@link Operators#finiteDifference1d}) treats the last sample
 * of a signal {@code x ∈ ℝⁿ}.
 */
public enum DifferenceBoundary {
    /** Only the {@code n-1} interior differences {@code x[i+1] - x[i]}; range {@code [n-1]} (needs {@code n ≥ 2}). */
    FREE,
    /**
     * Neumann (zero-flux): range {@code [n]}, the last difference is 0 — the 1-d analogue of
     * {@link Operators#gradient2d}.
     */
    NEUMANN,
    /** Periodic: range {@code [n]}, the last difference wraps around, {@code x[0] - x[n-1]}. */
    PERIODIC
}
