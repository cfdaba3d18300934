package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * A named hyperparameter (one tensor of θ, usually a scalar) and its valid range, applied to every
 * element: {@code lower ≤ value} (or {@code <} when the bound is open) and likewise for the upper
 * bound; infinite bounds are open.
 *
 * @param name           e.g. {@code "λ"}, {@code "β1"}
 * @param lower          lower bound ({@code -∞} for none)
 * @param lowerInclusive whether {@code value = lower} is valid
 * @param upper          upper bound ({@code +∞} for none)
 * @param upperInclusive whether {@code value = upper} is valid
 */
public record Hyperparameter(String name, double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {

    /** @return an unconstrained hyperparameter (any finite value) */
    public static Hyperparameter real(String name) {
        return new Hyperparameter(name, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** @return a hyperparameter in {@code [0, ∞)} (a regularisation weight λ) */
    public static Hyperparameter nonNegative(String name) {
        return new Hyperparameter(name, 0, true, Double.POSITIVE_INFINITY, false);
    }

    /** @return a hyperparameter in {@code (0, ∞)} (a learning rate η) */
    public static Hyperparameter positive(String name) {
        return new Hyperparameter(name, 0, false, Double.POSITIVE_INFINITY, false);
    }

    /** @return a hyperparameter in {@code [0, 1)} (a momentum β, Adam's β1 and β2) */
    public static Hyperparameter unitInterval(String name) {
        return new Hyperparameter(name, 0, true, 1, false);
    }

    /** @return whether {@code value} is finite and in the range */
    public boolean contains(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
        boolean belowUpper = upperInclusive ? value <= upper : value < upper;
        return aboveLower && belowUpper;
    }

    /** @return the range in interval notation, e.g. {@code [0, 1)} */
    public String range() {
        return (lowerInclusive ? "[" : "(") + format(lower) + ", " + format(upper) + (upperInclusive ? "]" : ")");
    }

    /**
     * @param value          the hyperparameter's value (every element is checked)
     * @param outerIteration the outer iteration that produced it (0 for the initial value)
     * @throws FixpointException {@code [fixpoint/HyperparameterOutOfRange]} with the value, the range and the iteration
     */
    public void check(Tensor value, int outerIteration) {
        double[] d = value.toArray();
        for (int i = 0; i < d.length; i++) {
            if (!contains(d[i])) {
                throw new FixpointException("HyperparameterOutOfRange", String.format("%s%s = %s left its valid range %s "
                        + "at outer iteration %d; lower the outer step size, start further inside the range, or "
                        + "reparametrise (e.g. λ = exp(s), β = sigmoid(s))", name, d.length > 1 ? "[" + i + "]" : "",
                        d[i], range(), outerIteration));
            }
        }
    }

    private static String format(double v) {
        return v == Double.POSITIVE_INFINITY ? "∞" : v == Double.NEGATIVE_INFINITY ? "-∞" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
