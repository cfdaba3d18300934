package dev.fixpoint.bio.fit;

import java.util.Objects;

/**
 * The outcome of one start of a {@link MultiStart} run.
 *
 * @param index       start number, 0 … starts−1 (the row of the Latin-hypercube sample)
 * @param x0          the start point, length n
 * @param x           the optimiser's final point, length n (NaN-filled when the start threw)
 * @param value       objective at {@code x} (NaN when unknown)
 * @param iterations  optimiser iterations
 * @param evaluations objective evaluations
 * @param status      optimiser status; {@link OptimizerStatus#FAILED} when the start threw
 * @param message     stopping reason or the exception's message
 * @param seconds     wall time of this start in seconds
 */
public record StartResult(int index, double[] x0, double[] x, double value, int iterations, int evaluations,
        OptimizerStatus status, String message, double seconds) {

    /** Checks that the arrays, status and message are present. */
    public StartResult {
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
