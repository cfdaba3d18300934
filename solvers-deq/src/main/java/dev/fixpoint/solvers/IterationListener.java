package dev.fixpoint.solvers;

import dev.fixpoint.core.ProgressListener;

/**
 * Observes a running solver once per iteration. Called on the solver's thread after the stopping
 * tests; must be cheap and must not throw. The tensors of the solver are not exposed: listeners
 * see scalars only, so they cannot modify the iteration.
 */
@FunctionalInterface
public interface IterationListener {

    /** Ignores everything. */
    IterationListener NONE = (solver, iteration, objective, residual) -> { };

    /**
     * @param solver    the solver's name, e.g. {@code "fista"}
     * @param iteration 1-based iteration just completed
     * @param objective objective value after it ({@code NaN} when the solver does not track one)
     * @param residual  the residual tested against the tolerance
     */
    void onIteration(String solver, int iteration, double objective, double residual);

    /**
     * Adapts a {@link ProgressListener}: one unit per iteration, a status line every {@code every}
     * iterations. The caller begins and ends the progress task.
     */
    static IterationListener progress(ProgressListener progress, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] every must be >= 1, got " + every);
        }
        return (solver, iteration, objective, residual) -> {
            progress.advance(1);
            if (iteration % every == 0) {
                progress.status(String.format("%s it %d  obj %.6g  res %.3g", solver, iteration, objective, residual));
            }
        };
    }
}
