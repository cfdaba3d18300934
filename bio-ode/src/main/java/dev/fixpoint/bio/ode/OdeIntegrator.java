package dev.fixpoint.bio.ode;

/**
 * A one-step integrator with adaptive step size. Integrates forward in time, landing exactly on the
 * end time, so that callers stop exactly at output times and discontinuities by calling it once per
 * interval and carrying the returned step size over.
 */
public interface OdeIntegrator {

    /** @return a stable name, e.g. {@code "dopri5"} or {@code "rodas4"} */
    String name();

    /**
     * Integrates y from t0 to t1 &gt; t0.
     *
     * @param system   the system (a {@link LinearlyImplicitSystem} for stiff methods)
     * @param t0       start time
     * @param y        the state at t0, overwritten with the state at t1
     * @param t1       end time, &gt; t0
     * @param h0       first step size to try, or 0 to estimate it
     * @param observer receives every accepted step
     * @return the step size proposed for continuing after t1
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/StepSizeUnderflow]} naming the time and the
     *         component with the largest error, {@code [fixpoint/MaxSteps]} when the step limit is reached
     */
    double integrate(OdeSystem system, double t0, double[] y, double t1, double h0, StepObserver observer);

    /** @return the counters of this integrator (accumulated over calls) */
    IntegratorStatistics statistics();

    /** @return the tolerances in use */
    OdeOptions options();
}
