package dev.fixpoint.autodiff.testing;

import java.util.Arrays;

/**
 * The Taylor-remainder test along one random direction {@code v}: for steps {@code hₖ = h₀·2^-k},
 * {@code r(hₖ) = |f(x + hₖv) − f(x) − hₖ ∇f(x)·v|} with the gradient from reverse mode. If the gradient
 * is right, {@code r(h) = O(h²)} and each halving divides it by 4, so the observed rates
 * {@code log2(r(hₖ)/r(hₖ₊₁))} approach 2; a wrong gradient leaves an {@code O(h)} remainder and rates
 * near 1.
 *
 * <p>Rates are taken only between remainders well above the rounding level (100 × {@code noise});
 * {@link #rate} is their minimum, because an error in the gradient shows at the small steps, where
 * the {@code O(h)} remainder it leaves overtakes the {@code O(h²)} one. When every remainder is at the rounding level — {@code f} is linear along
 * {@code v}, e.g. a piecewise-linear map away from its kinks — the first-order model is exact and the
 * rate is reported as {@code +∞}. With no usable pair otherwise the rate is NaN (the test fails).
 *
 * @param steps      the steps {@code hₖ}
 * @param remainders {@code r(hₖ)}
 * @param rates      {@code log2(r(hₖ)/r(hₖ₊₁))} (NaN for pairs at the rounding level)
 * @param noise      the rounding level below which a remainder is not used
 * @param rate       the minimum of the usable rates, {@code +∞} if linear along {@code v}, NaN if undecided
 */
public record TaylorRemainder(double[] steps, double[] remainders, double[] rates, double noise, double rate) {

    /** @return whether the observed rate is at least {@code minRate} (a linear function passes) */
    public boolean atLeast(double minRate) {
        return rate >= minRate;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("Taylor remainder rate %s", rate == Double.POSITIVE_INFINITY
                ? "∞ (remainders at rounding level: linear along v)" : String.format("%.3f", rate)));
        s.append(" | h, r(h):");
        for (int k = 0; k < steps.length; k++) {
            s.append(String.format(" %.2e→%.2e", steps[k], remainders[k]));
        }
        s.append(" | rates:");
        for (double r : rates) {
            s.append(String.format(" %.2f", r));
        }
        return s.append(String.format(" | noise %.1e", noise)).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaylorRemainder t && Arrays.equals(steps, t.steps) && Arrays.equals(remainders, t.remainders)
                && Arrays.equals(rates, t.rates) && Double.compare(noise, t.noise) == 0 && Double.compare(rate, t.rate) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(remainders) * 31 + Double.hashCode(rate);
    }
}
