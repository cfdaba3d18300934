package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;

/**
 * Stopping rules shared by the local optimisers.
 *
 * @param gradientTolerance stop when the max-norm of the projected gradient P(x − ∇f) − x is ≤ this (≥ 0)
 * @param valueTolerance    stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this after an accepted step (≥ 0)
 * @param maxIterations     iteration limit (≥ 1)
 * @param maxEvaluations    limit on objective evaluations (≥ 1)
 * @param stepTolerance     xtol: stop when an accepted step has ‖Δx‖₂ ≤ xtol·(‖x‖₂ + xtol) (≥ 0; 0 disables the
 *                          rule; used by {@link LevenbergMarquardt})
 */
public record OptimizerOptions(double gradientTolerance, double valueTolerance, int maxIterations, int maxEvaluations,
        double stepTolerance) {

    /** The default relative step tolerance xtol = 10⁻⁸ (about √ε, as in MINPACK and SciPy). */
    public static final double DEFAULT_STEP_TOLERANCE = 1e-8;

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
        if (!(stepTolerance >= 0) || stepTolerance == Double.POSITIVE_INFINITY) {
            throw new FixpointException("InvalidOption", "stepTolerance = " + stepTolerance + ", expected finite ≥ 0");
        }
    }

    /** Options with the {@link #DEFAULT_STEP_TOLERANCE default step tolerance}; see the record components. */
    public OptimizerOptions(double gradientTolerance, double valueTolerance, int maxIterations, int maxEvaluations) {
        this(gradientTolerance, valueTolerance, maxIterations, maxEvaluations, DEFAULT_STEP_TOLERANCE);
    }

    /** @return gradient tolerance 1e-6, value tolerance 1e-10, 1000 iterations, 5000 evaluations, step tolerance 1e-8 */
    public static OptimizerOptions defaults() {
        return new OptimizerOptions(1e-6, 1e-10, 1000, 5000, DEFAULT_STEP_TOLERANCE);
    }

    /** @return a copy with the given gradient tolerance */
    public OptimizerOptions withGradientTolerance(double tolerance) {
        return new OptimizerOptions(tolerance, valueTolerance, maxIterations, maxEvaluations, stepTolerance);
    }

    /** @return a copy with the given value tolerance */
    public OptimizerOptions withValueTolerance(double tolerance) {
        return new OptimizerOptions(gradientTolerance, tolerance, maxIterations, maxEvaluations, stepTolerance);
    }

    /** @return a copy with the given iteration limit */
    public OptimizerOptions withMaxIterations(int iterations) {
        return new OptimizerOptions(gradientTolerance, valueTolerance, iterations, maxEvaluations, stepTolerance);
    }

    /** @return a copy with the given evaluation limit */
    public OptimizerOptions withMaxEvaluations(int evaluations) {
        return new OptimizerOptions(gradientTolerance, valueTolerance, maxIterations, evaluations, stepTolerance);
    }

    /** @return a copy with the given relative step tolerance xtol (0 disables the step rule) */
    public OptimizerOptions withStepTolerance(double tolerance) {
        return new OptimizerOptions(gradientTolerance, valueTolerance, maxIterations, maxEvaluations, tolerance);
    }
}
