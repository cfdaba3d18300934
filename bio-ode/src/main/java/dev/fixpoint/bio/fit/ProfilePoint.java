package dev.fixpoint.bio.fit;

import java.util.Objects;

/**
 * One point of a likelihood profile: the profiled parameter held at {@code theta}, all others re-optimised.
 *
 * @param theta       value of the profiled parameter (on its optimisation scale)
 * @param delta       f − f̂, the objective above the optimum (may be slightly negative if the optimum was not exact)
 * @param x           the full parameter vector at this point, length n ({@code x[i] == theta})
 * @param status      status of the inner optimisation
 * @param evaluations objective evaluations the inner optimisation used
 */
public record ProfilePoint(double theta, double delta, double[] x, OptimizerStatus status, int evaluations) {

    /** Checks that the vector and status are present. */
    public ProfilePoint {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(status, "status");
    }
}
