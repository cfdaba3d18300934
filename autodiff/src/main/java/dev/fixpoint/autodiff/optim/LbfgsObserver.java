package dev.fixpoint.autodiff.optim;

/**
 * Observes an {@link Lbfgs} run. Arrays passed to the hooks are the solver's live buffers: read them
 * during the call, copy what must be kept, never modify them.
 */
public interface LbfgsObserver {

    /** Called once after the first evaluation at the starting point. */
    default void started(double[] x, double value, double[] gradient) {
    }

    /** Called after each accepted iteration with the new point, its value and gradient, and the step taken. */
    default void iterationDone(int iteration, double[] x, double value, double[] gradient, LineSearchStep step) {
    }
}
