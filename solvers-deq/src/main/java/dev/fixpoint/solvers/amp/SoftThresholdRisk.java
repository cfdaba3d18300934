package dev.fixpoint.solvers.amp;

/**
 * Closed-form mean squared errors of the soft threshold {@code η(u; θ) = sign(u)·(|u| − θ)₊} applied
 * to a signal in Gaussian noise, {@code E[(η(X + τZ; θ) − X)²]} with {@code Z ~ N(0, 1)} independent
 * of X, for the two parts of a Bernoulli–Gaussian prior. Exact up to the rounding of Φ (see
 * {@link StandardNormal}); both accept τ = 0.
 */
final class SoftThresholdRisk {
    private SoftThresholdRisk() {
    }

    /** @return {@code E[η(τZ; θ)²] = 2τ²·M(θ/τ)} (X = 0), with M of {@link StandardNormal#softThresholdTail} */
    static double atZero(double tau, double theta) {
        if (tau == 0) {
            return 0;
        }
        return 2 * tau * tau * StandardNormal.softThresholdTail(theta / tau);
    }

    /**
     * X ~ N(0, 1). With {@code U = X + τZ ~ N(0, s²)}, {@code s² = 1 + τ²}, {@code c = θ/s}, the error
     * is {@code η(U) − X = τZ − clip(U; θ)}; Stein's lemma gives {@code E[Z·clip(U)] = τ·P(|U| < θ)}, so
     * <pre>
     *   E = τ²(4Φ(−c) − 1) + s²·g(c) + 2θ²Φ(−c),   g(c) = E[W²·1{|W| ≤ c}] = 2Φ(c) − 1 − 2cφ(c)
     * </pre>
     * with W ~ N(0, 1). For small c every term is positive (no cancellation as τ → 0) and g is
     * summed from its Taylor series ({@link StandardNormal#truncatedSecondMoment}).
     *
     * @return {@code E[(η(X + τZ; θ) − X)²]} for X ~ N(0, 1)
     */
    static double atGaussian(double tau, double theta) {
        double t2 = tau * tau;
        double s2 = 1 + t2;
        double c = theta / Math.sqrt(s2);
        double upper = StandardNormal.cdf(-c);
        return t2 * (4 * upper - 1) + s2 * StandardNormal.truncatedSecondMoment(c) + 2 * theta * theta * upper;
    }

    /** @return the mixture {@code (1 − ε)·atZero + ε·atGaussian}: X ~ (1 − ε)δ₀ + ε N(0, 1) */
    static double bernoulliGaussian(double epsilon, double tau, double theta) {
        return (1 - epsilon) * atZero(tau, theta) + epsilon * atGaussian(tau, theta);
    }
}
