package dev.fixpoint.solvers;

/** How an iterative solver ended. Only {@link #CONVERGED} means the tolerance was met. */
public enum SolverStatus {
    /** The residual fell below the tolerance. */
    CONVERGED,
    /** The iteration limit was reached first; the last iterate is returned. */
    MAX_ITERATIONS,
    /** The time limit was reached first; the last iterate is returned. */
    TIME_LIMIT,
    /** The iteration blew up: a non-finite value, or a residual that grew past the divergence bound. */
    DIVERGED,
    /** The method cannot continue (for example a zero curvature p·Ap = 0 in conjugate gradients). */
    BREAKDOWN;

    /** @return true only for {@link #CONVERGED} */
    public boolean isConverged() {
        return this == CONVERGED;
    }
}
