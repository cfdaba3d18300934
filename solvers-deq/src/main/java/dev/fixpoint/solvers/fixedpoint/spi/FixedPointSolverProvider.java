package dev.fixpoint.solvers.fixedpoint.spi;

import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolver;

/** Creates a named fixed-point solver; needs a public no-argument constructor when loaded by {@link java.util.ServiceLoader}. */
public interface FixedPointSolverProvider {

    /** @return the stable lowercase name, e.g. {@code "anderson"} */
    String name();

    /** @return one line saying what the solver does */
    default String description() {
        return "";
    }

    /**
     * @param settings validated settings
     * @return a new solver
     */
    FixedPointSolver create(FixedPointSettings settings);
}
