package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;

/**
 * Stopping rules shared by the local optimisers.
 *
 * @param gradientTolerance stop when the max-norm of the projected gradient P(x − ∇f) − x is ≤ this (≥ 0)
 * @param valueTolerance    stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this after an accepted step (≥ 0)
 * @param maxIterations     iteration limit (≥ 1)
 * @param maxEvaluations    limit on objective evaluations (≥ 1)
 */
public record OptimizerOptions(double gradientTolerance, double valueTolerance, int maxIterations, int maxEvaluations) {

    /** Validates the ranges. */
    public OptimizerOptions {
        if (!(gradientTolerance >= 0)) {
            throw new FixpointException("InvalidOption", "gradientTolerance = " + gradientTolerance + ", expected ≥ 0");
        }
        if (!(valueTolerance >= 0)) {
            throw new FixpointException("InvalidOption", "valueTolerance = " + valueTolerance + ", expected ≥ 0");
        }
        if (maxIterations < 1) {
            throw new FixpointException("InvalidOption", "maxIterations = " + maxIterations + ", expected ≥ 1");
        }
        if (maxEvaluations < 1) {
            throw new FixpointException("InvalidOption", "maxEvaluations = " + maxEvaluations + ", expected ≥ 1");
        }
    }

    /** @return gradient tolerance 1e-6, value tolerance 1e-10, 1000 iterations, 5000 evaluations */
    public static OptimizerOptions defaults() {
        return new OptimizerOptions(1e-6, 1e-10, 1000, 5000);
    }

    /** @return a copy with the given gradient tolerance */
    public OptimizerOptions withGradientTolerance(double tolerance) {
        return new OptimizerOptions(tolerance, valueTolerance, maxIterations, maxEvaluations);
    }

    /** @return a copy with the given value tolerance */
    public OptimizerOptions withValueTolerance(double tolerance) {
        return new OptimizerOptions(gradientTolerance, tolerance, maxIterations, maxEvaluations);
    }

    /** @return a copy with the given iteration limit */
    public OptimizerOptions withMaxIterations(int iterations) {
        return new OptimizerOptions(gradientTolerance, valueTolerance, iterations, maxEvaluations);
    }

    /** @return a copy with the given evaluation limit */
    public OptimizerOptions withMaxEvaluations(int evaluations) {
        return new OptimizerOptions(gradientTolerance, valueTolerance, maxIterations, evaluations);
    }
}
