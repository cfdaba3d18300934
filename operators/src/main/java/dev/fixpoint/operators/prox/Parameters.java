package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/** Validation of the parameters of proximal functions, with messages naming the offending value. */
final class Parameters {
    /** Relative slack with which indicator functions accept points on the boundary of their set. */
    static final double FEASIBILITY = 1e-12;

    private Parameters() {
    }

    static double positive(String owner, String what, double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new FixpointException("BadParameter", owner + ": " + what + " = " + x + " must be finite and > 0");
        }
        return x;
    }

    static double nonNegative(String owner, String what, double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new FixpointException("BadParameter", owner + ": " + what + " = " + x + " must be finite and ≥ 0");
        }
        return x;
    }

    /** @return a copy of {@code t}, after checking that every element is finite and ≥ 0 */
    static Tensor nonNegativeElements(String owner, String what, Tensor t) {
        double[] d = t.data();
        int o = t.offset();
        for (int i = 0; i < t.size(); i++) {
            double x = d[o + i];
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new FixpointException("BadParameter", owner + ": " + what + "[" + i + "] (flat index) = " + x
                        + " must be finite and ≥ 0");
            }
        }
        return t.copy();
    }

    static void sameShape(String owner, Tensor x, Tensor ref, String refName) {
        if (!x.sameShape(ref)) {
            throw new ShapeMismatchException(owner, x.shape(), ref.shape(),
                    "the argument must have the shape " + Arrays.toString(ref.shape()) + " of " + refName);
        }
    }

    static void rank(String owner, Tensor x, int rank) {
        if (x.rank() != rank) {
            throw new ShapeMismatchException(owner + ": expects a tensor of rank " + rank + ", got shape "
                    + Arrays.toString(x.shape()));
        }
    }

    /** @return {@code |x| ≤ bound} up to the relative {@link #FEASIBILITY} slack */
    static boolean withinBound(double x, double bound) {
        return x <= bound + FEASIBILITY * Math.max(bound, 1e-300) + Double.MIN_NORMAL;
    }
}
