package dev.fixpoint.autodiff.testing;

import java.util.Arrays;

/**
 * The worst elementwise disagreement between a derivative computed by automatic differentiation
 * ({@code analytic}) and its finite-difference estimate ({@code numeric}).
 *
 * <p>The relative error of one element is {@code |a − n| / max(|a|, |n|, floor)}; the floor
 * ({@code floorFactor · max(1, max |n|)}, see {@link GradientCheck.Settings}) keeps elements that are
 * zero, or tiny next to the largest, from turning rounding noise into large relative errors.
 *
 * @param error    the largest relative error (0 when there are no elements)
 * @param input    where it occurs: the input's position for gradients and Hessian-vector products,
 *                 -1 for an output element (JVP checks) or when there are no elements
 * @param index    the element's index within that input (or the output), one entry per axis
 * @param analytic the automatic-differentiation value there
 * @param numeric  the finite-difference value there
 * @param floor    the floor used in the denominators
 * @param count    how many elements were compared
 */
public record Discrepancy(double error, int input, int[] index, double analytic, double numeric, double floor,
                          int count) {

    /** @return an empty comparison (no elements) */
    static Discrepancy none(double floor) {
        return new Discrepancy(0.0, -1, new int[0], 0.0, 0.0, floor, 0);
    }

    /** @return whether the largest relative error is at most {@code tolerance} (false if NaN) */
    public boolean within(double tolerance) {
        return error <= tolerance;
    }

    @Override
    public String toString() {
        if (count == 0) {
            return "no elements compared";
        }
        String where = (input < 0 ? "output" : "input " + input) + " index " + Arrays.toString(index);
        return String.format("max relative error %.3e at %s: analytic %.15g vs numeric %.15g (floor %.2e, %d elements)",
                error, where, analytic, numeric, floor, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discrepancy d && Double.compare(error, d.error) == 0 && input == d.input
                && Arrays.equals(index, d.index) && Double.compare(analytic, d.analytic) == 0
                && Double.compare(numeric, d.numeric) == 0 && Double.compare(floor, d.floor) == 0 && count == d.count;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(error) + Arrays.hashCode(index) + input;
    }
}
