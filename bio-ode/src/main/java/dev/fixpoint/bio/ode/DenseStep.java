package dev.fixpoint.bio.ode;

/** One accepted step [t0, t1] with its continuous extension (dense output). Valid only during the observer call. */
public interface DenseStep {

    /** @return start of the step */
    double t0();

    /** @return end of the step */
    double t1();

    /**
     * Interpolates the solution inside the step.
     *
     * @param t   a time in [t0, t1]
     * @param out y(t) (overwritten), length = dimension
     */
    void interpolate(double t, double[] out);

    /** @return the state at t1 (read only; a view valid only during the observer call) */
    double[] y1();
}
