package dev.fixpoint.bio.ode;

/**
 * Tolerances and limits of an integration (immutable). The error of a step is the RMS norm of
 * {@code err_i / (atol + rtol·max(|y0_i|, |y1_i|))}; a step is accepted when it is ≤ 1.
 *
 * @param rtol        relative tolerance, in (0, 1)
 * @param atol        absolute tolerance, &gt; 0 (same units as y)
 * @param maxSteps    limit on accepted + rejected steps per {@code integrate} call
 * @param initialStep first step size, or 0 to estimate it
 * @param maxStep     largest step size (time units), +∞ for none
 */
public record OdeOptions(double rtol, double atol, long maxSteps, double initialStep, double maxStep) {

    /** Validates the values. */
    public OdeOptions {
        if (!(rtol > 0 && rtol < 1)) {
            throw new IllegalArgumentException("[fixpoint/OdeOptions] rtol must be in (0, 1), got " + rtol);
        }
        if (!(atol > 0)) {
            throw new IllegalArgumentException("[fixpoint/OdeOptions] atol must be > 0, got " + atol);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("[fixpoint/OdeOptions] maxSteps must be ≥ 1, got " + maxSteps);
        }
        if (!(initialStep >= 0) || !(maxStep > 0)) {
            throw new IllegalArgumentException("[fixpoint/OdeOptions] initialStep must be ≥ 0 and maxStep > 0, got "
                    + initialStep + " and " + maxStep);
        }
    }

    /** @return rtol 1e-6, atol 1e-9, at most 10⁶ steps, estimated first step, no maximal step */
    public static OdeOptions defaults() {
        return new OdeOptions(1e-6, 1e-9, 1_000_000, 0, Double.POSITIVE_INFINITY);
    }

    /** @return a copy with other tolerances @param rtol relative @param atol absolute */
    public OdeOptions withTolerances(double rtol, double atol) {
        return new OdeOptions(rtol, atol, maxSteps, initialStep, maxStep);
    }

    /** @return a copy with another step limit @param maxSteps the limit */
    public OdeOptions withMaxSteps(long maxSteps) {
        return new OdeOptions(rtol, atol, maxSteps, initialStep, maxStep);
    }

    /** @return a copy with another largest step @param maxStep the limit (time units) */
    public OdeOptions withMaxStep(double maxStep) {
        return new OdeOptions(rtol, atol, maxSteps, initialStep, maxStep);
    }
}
