package dev.fixpoint.solvers.amp;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal density φ and distribution function Φ, and the Gaussian integrals of soft
 * thresholding. Φ comes from commons-math3's {@code erfc} (relative accuracy about 1e-15, also in
 * the tails, since {@code Φ(−z)} is evaluated as {@code erfc(z/√2)/2} without cancellation).
 */
final class StandardNormal {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);

    private StandardNormal() {
    }

    /** @return φ(z) = exp(−z²/2)/√(2π) */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** @return Φ(z) = P(Z ≤ z) */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z * INV_SQRT_2);
    }

    /**
     * The Gaussian tail integral of soft thresholding:
     * {@code M(z) = (1 + z²)·Φ(−z) − z·φ(z) = E[(|Z| − z)₊²] / 2} for {@code Z ~ N(0, 1)}, z ≥ 0.
     */
    static double softThresholdTail(double z) {
        return (1 + z * z) * cdf(-z) - z * density(z);
    }

    /**
     * {@code g(c) = E[Z²·1{|Z| ≤ c}] = 2Φ(c) − 1 − 2cφ(c)} for c ≥ 0. Below c = 1 the closed form
     * cancels ({@code g(c) ≈ 0.266·c³}), so it is summed from
     * {@code g(c) = 2φ(0)·Σ_k (−1)^k c^{2k+3} / (2^k·k!·(2k+3))} to relative accuracy 1e-16.
     */
    static double truncatedSecondMoment(double c) {
        if (c >= 1) {
            return 1 - 2 * cdf(-c) - 2 * c * density(c);
        }
        double c2 = c * c;
        double power = c2 * c; // (−1)^k c^{2k+3} / (2^k k!)
        double sum = 0;
        for (int k = 0; k < 40; k++) {
            double term = power / (2 * k + 3);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
            power *= -c2 / (2 * (k + 1));
        }
        return 2 * INV_SQRT_2PI * sum;
    }
}
