package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/** Input validation shared by the Krylov solvers. */
final class KrylovChecks {
    private KrylovChecks() {
    }

    /** @return a finite copy of x0 of b's shape, or zeros */
    static Tensor start(String solver, Tensor b, Tensor x0) {
        b.requireFinite(solver + ": right-hand side b");
        if (x0 == null) {
            return Tensor.zeros(b.shape());
        }
        if (!Arrays.equals(x0.shape(), b.shape())) {
            throw new ShapeMismatchException(solver + ": starting point x0 vs right-hand side b", x0.shape(), b.shape(),
                    "x0 must have b's shape");
        }
        x0.requireFinite(solver + ": starting point x0");
        return x0.copy();
    }

    /** @return {@code map.apply(v)}, checked to keep v's shape */
    static Tensor apply(String solver, String what, LinearMap map, Tensor v) {
        Tensor out = map.apply(v);
        if (out == null || !Arrays.equals(out.shape(), v.shape())) {
            throw new ShapeMismatchException(solver + ": " + what + " must preserve the shape",
                    out == null ? new int[0] : out.shape(), v.shape(), "a LinearMap returns a tensor of its input's shape");
        }
        return out;
    }

    /** @return {@code value} if positive, else an {@code [fixpoint/InvalidParameter]} error */
    static int positive(String solver, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + solver + ": " + what
                    + " must be >= 1, got " + value);
        }
        return value;
    }
}
