package dev.fixpoint.bio.fit;

import java.util.Objects;

/**
 * The outcome of one local optimisation.
 *
 * @param x                     the best point found, length n (NaN-filled only when nothing could be evaluated)
 * @param value                 the objective at {@code x} (NaN if it could not be evaluated)
 * @param projectedGradientNorm max-norm of P(x − ∇f) − x, the first-order optimality measure on the box (NaN if unknown)
 * @param iterations            iterations performed
 * @param evaluations           objective (and gradient) evaluations performed
 * @param status                why the optimiser stopped
 * @param message               a human-readable stopping reason
 */
public record OptimizerResult(double[] x, double value, double projectedGradientNorm, int iterations,
        int evaluations, OptimizerStatus status, String message) {

    /** Checks that the point, status and message are present. */
    public OptimizerResult {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @return true when the status is {@link OptimizerStatus#CONVERGED_GRADIENT}, {@link OptimizerStatus#CONVERGED_VALUE}
     *         or {@link OptimizerStatus#CONVERGED_STEP}
     */
    public boolean converged() {
        return status == OptimizerStatus.CONVERGED_GRADIENT || status == OptimizerStatus.CONVERGED_VALUE
                || status == OptimizerStatus.CONVERGED_STEP;
    }
}
