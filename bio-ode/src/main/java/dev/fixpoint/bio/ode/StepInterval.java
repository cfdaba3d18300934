package dev.fixpoint.bio.ode;

/**
 * The part of a {@link DenseStep} every integrator shares: the interval [t0, t1] of the accepted step and
 * the end state (a view of the integrator's buffer). Subclasses add only their interpolation formula.
 */
abstract class StepInterval implements DenseStep {
    private final double[] y1;
    private double t0;
    private double t1;

    StepInterval(double[] y1) {
        this.y1 = y1;
    }

    /** Moves the interval to the step just accepted. */
    final void set(double start, double end) {
        t0 = start;
        t1 = end;
    }

    /** @return the position θ = (t − t0)/(t1 − t0) of {@code t} in the step */
    final double theta(double t) {
        return (t - t0) / (t1 - t0);
    }

    @Override
    public final double t0() {
        return t0;
    }

    @Override
    public final double t1() {
        return t1;
    }

    @Override
    public final double[] y1() {
        return y1;
    }
}
