package dev.fixpoint.bio.fit;

/**
 * A smooth objective f: ℝⁿ → ℝ to be minimised over the box {@code lower ≤ x ≤ upper}. Bounds may be infinite
 * (±∞) but never NaN, and {@code lower[i] ≤ upper[i]}. Implementations need not be thread-safe: parallel callers
 * ({@link MultiStart}, {@link ProfileLikelihood}) take one instance per task from a supplier.
 */
public interface BoundedProblem {

    /** @return the number n of variables (≥ 1) */
    int dimension();

    /** @return the lower bounds, length n (entries may be −∞); callers do not modify the array */
    double[] lower();

    /** @return the upper bounds, length n (entries may be +∞); callers do not modify the array */
    double[] upper();

    /**
     * Evaluates the objective and its gradient.
     *
     * @param x point, length n, inside the bounds; not modified
     * @param g gradient output, length n; overwritten with ∇f(x)
     * @return f(x); NaN or ±∞ (or a thrown exception) tells the optimiser that x is not acceptable
     */
    double valueAndGradient(double[] x, double[] g);
}
