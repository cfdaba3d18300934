package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;

/**
 * Settings of a {@link ProfileLikelihood} computation. Step lengths are fractions of the parameter's range: the
 * width of its bounds when both are finite, else max(1, |θ̂_i|).
 *
 * @param threshold   stop a side when f − f̂ ≥ threshold (&gt; 0); χ²₁(0.95)/2 ≈ 1.92 gives 95 % pointwise intervals
 *                    for a negative log-likelihood
 * @param initialStep first step as a fraction of the range (&gt; 0)
 * @param minStep     smallest step as a fraction of the range (&gt; 0, ≤ initialStep)
 * @param maxStep     largest step as a fraction of the range (≥ initialStep)
 * @param maxSteps    points per side at most (≥ 1); a side that ends here is open
 * @param refinements extra points placed by linear interpolation (secant) inside the bracket of the threshold
 *                    crossing before the interval end is interpolated (≥ 0)
 */
public record ProfileOptions(double threshold, double initialStep, double minStep, double maxStep, int maxSteps,
        int refinements) {

    /** χ²₁(0.95)/2 = 3.841458820694124 / 2, the 95 % pointwise threshold on a negative log-likelihood. */
    public static final double CHI2_95_HALF = 3.841458820694124 / 2;

    /** Validates the ranges. */
    public ProfileOptions {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new FixpointException("InvalidOption", "profile threshold = " + threshold + ", expected a finite value > 0");
        }
        if (!(minStep > 0) || !(initialStep >= minStep) || !(maxStep >= initialStep) || Double.isInfinite(maxStep)) {
            throw new FixpointException("InvalidOption", "profile steps min = " + minStep + ", initial = " + initialStep
                    + ", max = " + maxStep + "; expected 0 < min ≤ initial ≤ max < ∞");
        }
        if (maxSteps < 1 || refinements < 0) {
            throw new FixpointException("InvalidOption", "maxSteps = " + maxSteps + ", refinements = " + refinements
                    + "; expected maxSteps ≥ 1 and refinements ≥ 0");
        }
    }

    /** @return threshold χ²₁(0.95)/2, steps 0.005 (0.00001 … 0.1) of the range, 100 points per side, 2 refinements */
    public static ProfileOptions defaults() {
        return new ProfileOptions(CHI2_95_HALF, 0.005, 1e-5, 0.1, 100, 2);
    }

    /** @return a copy with the given threshold on f − f̂ */
    public ProfileOptions withThreshold(double newThreshold) {
        return new ProfileOptions(newThreshold, initialStep, minStep, maxStep, maxSteps, refinements);
    }
}
