package dev.fixpoint.bio.fit;

/**
 * The stopping rules shared by the optimisers of this package, in the order they are tested: projected-gradient
 * norm, relative decrease of the last accepted step, relative step length of the last accepted step, then the
 * iteration and evaluation limits of {@link OptimizerOptions}. One instance per run; not thread-safe.
 */
final class StoppingRules {

    /** Why a run stops. @param status the status @param message the reason, naming the iteration */
    record Stop(OptimizerStatus status, String message) {
    }

    private final OptimizerOptions options;
    private boolean valueConverged;
    private boolean stepConverged;
    private double lastDecrease = Double.NaN;
    private double lastStep = Double.NaN;

    StoppingRules(OptimizerOptions options) {
        this.options = options;
    }

    /** Records the relative decrease (f_old − f_new) / max(1, |f_old|, |f_new|) of an accepted step. */
    void acceptedDecrease(double relativeDecrease) {
        lastDecrease = relativeDecrease;
        valueConverged = relativeDecrease <= options.valueTolerance();
    }

    /** Records the length ‖Δx‖ of an accepted step that ended at a point of norm ‖x_new‖. */
    void acceptedStep(double stepNorm, double newPointNorm) {
        lastStep = stepNorm;
        stepConverged = stepNorm <= options.stepTolerance() * (newPointNorm + options.stepTolerance());
    }

    /**
     * @param pg          projected-gradient norm at the current point
     * @param iterations  accepted iterations so far
     * @param evaluations objective or residual evaluations so far
     * @return the reason to stop, or null to continue
     */
    Stop check(double pg, int iterations, int evaluations) {
        if (pg <= options.gradientTolerance()) {
            return new Stop(OptimizerStatus.CONVERGED_GRADIENT, "projected gradient norm " + pg + " ≤ "
                    + options.gradientTolerance() + " after " + iterations + " iterations");
        }
        if (valueConverged) {
            return new Stop(OptimizerStatus.CONVERGED_VALUE, "relative decrease " + lastDecrease + " ≤ "
                    + options.valueTolerance() + " at iteration " + iterations);
        }
        if (stepConverged) {
            return new Stop(OptimizerStatus.CONVERGED_STEP, "step norm " + lastStep + " ≤ " + options.stepTolerance()
                    + "·(‖x‖ + " + options.stepTolerance() + ") at iteration " + iterations
                    + " (projected gradient norm " + pg + ")");
        }
        if (iterations >= options.maxIterations() || evaluations >= options.maxEvaluations()) {
            return new Stop(OptimizerStatus.MAX_ITERATIONS, (iterations >= options.maxIterations()
                    ? "iteration limit " + options.maxIterations() : "evaluation limit " + options.maxEvaluations())
                    + " reached (projected gradient norm " + pg + ")");
        }
        return null;
    }
}
