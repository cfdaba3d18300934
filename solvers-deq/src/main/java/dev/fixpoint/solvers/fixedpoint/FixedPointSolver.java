package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.Tensor;

/**
 * A batched solver of {@code z = f(z)}. Implementations are created by name through
 * {@link FixedPointSolvers#create}; third parties add their own with a
 * {@link dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider}.
 */
public interface FixedPointSolver {

    /** @return the registered name, e.g. {@code "anderson"} */
    String name();

    /** @return the settings this solver was created with */
    FixedPointSettings settings();

    /**
     * Solves every column of the batch.
     *
     * @param f  the map, evaluated on the columns of the samples still running
     * @param z0 the starting iterates {@code [d, B]} (warm start; not modified)
     * @return per-sample statuses, counts and residual traces, and the solution {@code [d, B]} (for a sample
     *         that did not converge: its lowest-residual iterate)
     */
    FixedPointResult solve(FixedPointMap f, Tensor z0);
}
