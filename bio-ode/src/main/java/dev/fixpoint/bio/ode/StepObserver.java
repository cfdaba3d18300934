package dev.fixpoint.bio.ode;

/** Receives every accepted step of an integration. */
@FunctionalInterface
public interface StepObserver {

    /** An observer that ignores all steps. */
    StepObserver NONE = step -> { };

    /**
     * Called after each accepted step.
     *
     * @param step the step with its dense output (copy what you keep)
     */
    void accepted(DenseStep step);
}
