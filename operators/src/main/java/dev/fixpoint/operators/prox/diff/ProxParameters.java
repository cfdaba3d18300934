package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Parameters of the elementwise proximal maps: each is either a scalar (rank 0) or has exactly the
 * input's shape. {@link #align} brings any broadcastable parameter to one of those two forms with
 * differentiable operations (so its cotangent is summed back to the caller's shape by autodiff),
 * and {@link #at} reads element {@code i} of either form inside the kernels.
 */
final class ProxParameters {
    private ProxParameters() {
    }

    /**
     * @param op    the proximal map, for messages
     * @param name  the parameter's name, for messages
     * @param p     a parameter broadcastable to {@code shape} (NumPy rules)
     * @param shape the input's shape
     * @return {@code p} itself if it has {@code shape}, a rank-0 view if it has one element, else
     *         {@code p} broadcast to {@code shape}
     * @throws ShapeMismatchException naming both shapes if {@code p} does not broadcast to {@code shape}
     */
    static Var align(String op, String name, Var p, int[] shape) {
        int[] ps = p.shape();
        if (Arrays.equals(ps, shape)) {
            return p;
        }
        if (p.size() == 1) {
            return ps.length == 0 ? p : Ops.reshape(p);
        }
        if (ps.length > shape.length) {
            throw new ShapeMismatchException(op + " " + name, ps, shape, name + " must broadcast to the input's shape");
        }
        for (int k = 1; k <= ps.length; k++) {
            int d = ps[ps.length - k];
            if (d != 1 && d != shape[shape.length - k]) {
                throw new ShapeMismatchException(op + " " + name, ps, shape, name
                        + " must broadcast to the input's shape (each trailing axis equal or 1)");
            }
        }
        return Ops.broadcastTo(p, shape);
    }

    /** @return element {@code i} of a scalar or input-shaped parameter */
    static double at(Tensor p, int i) {
        return p.data()[p.offset() + (p.size() == 1 ? 0 : i)];
    }

    /** @return the cotangent {@code g} (input-shaped) reduced to the parameter's shape {@code ps} (scalar or input-shaped) */
    static Var reduce(Var g, int[] ps) {
        return ps.length == 0 && g.shape().length != 0 ? Ops.sum(g) : g;
    }

    /** @return a zero cotangent of the parameter's shape, ready to accumulate into with {@link #add} */
    static Tensor zerosLike(Tensor p) {
        return Tensor.zeros(p.shape());
    }

    /** Adds {@code value} to element {@code i} of a scalar or input-shaped accumulator. */
    static void add(double[] acc, int i, double value) {
        acc[acc.length == 1 ? 0 : i] += value;
    }

    /**
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming the first element of {@code p}
     *         that is not {@code > 0} (or {@code ≥ 0} when {@code allowZero}) and finite
     */
    static void requirePositive(String op, String name, Tensor p, boolean allowZero) {
        double[] d = p.data();
        int off = p.offset();
        for (int i = 0; i < p.size(); i++) {
            double x = d[off + i];
            if (!(allowZero ? x >= 0 : x > 0) || Double.isInfinite(x)) {
                throw new FixpointException("BadParameter", op + ": " + name + (p.size() == 1 ? "" : "[" + i + "]")
                        + " = " + x + " must be finite and " + (allowZero ? "≥ 0" : "> 0"));
            }
        }
    }
}
