package dev.fixpoint.autodiff.testing;

/**
 * Everything {@link GradientCheck#check} measured for one function.
 *
 * @param name            what was checked, for messages
 * @param gradient        reverse-mode gradient of {@code ⟨w, f(x)⟩} against central differences
 * @param jvp             forward-mode {@code J·v} against central differences along {@code v}
 * @param dotProductError {@code |⟨w, J v⟩ − ⟨Jᵀw, v⟩|} (forward against reverse mode) divided by the
 *                        largest of both values and the sums of magnitudes of their terms
 * @param taylor          the Taylor-remainder test along {@code v}
 */
public record GradientCheckReport(String name, Discrepancy gradient, Discrepancy jvp, double dotProductError,
                                  TaylorRemainder taylor) {

    /**
     * @param tolerance bound on the relative errors of the gradient and the JVP
     * @param minRate   bound below on the Taylor rate
     * @return whether every check passes ({@code dotProductError} against
     *         {@link GradientCheck#EXACT_TOLERANCE})
     */
    public boolean passes(double tolerance, double minRate) {
        return gradient.within(tolerance) && jvp.within(tolerance)
                && dotProductError <= GradientCheck.EXACT_TOLERANCE && taylor.atLeast(minRate);
    }

    /**
     * @return this report
     * @throws AssertionError with this report as the message unless {@link #passes} holds
     */
    public GradientCheckReport assertPasses(double tolerance, double minRate) {
        if (!passes(tolerance, minRate)) {
            throw new AssertionError("gradient check failed (tolerance " + tolerance + ", minimum Taylor rate "
                    + minRate + ")\n" + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "gradient check of " + name + "\n  reverse mode vs differences: " + gradient
                + "\n  forward mode vs differences: " + jvp
                + String.format("%n  dot-product test <w, Jv> vs <J^T w, v>: relative error %.3e", dotProductError)
                + "\n  " + taylor;
    }
}
