package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Objects;
import java.util.function.Function;

/**
 * Dense Jacobians of small functions, and the Jacobian-vector / vector-Jacobian products that
 * large problems should use instead.
 *
 * <p><b>Shapes.</b> For {@code f} mapping a tensor {@code x} with {@code n} elements (any shape)
 * to a tensor {@code y} with {@code m} elements (any shape), the Jacobian is the {@code [m, n]}
 * tensor {@code J[i, j] = ∂y_i / ∂x_j}, where {@code i} and {@code j} index the elements of
 * {@code y} and {@code x} in row-major order (the order of {@link Tensor#flatten()}).
 *
 * <p><b>Cost.</b> The function is recorded once on a tape. Reverse mode then runs {@code m}
 * backward sweeps (one VJP per row) over that tape; forward mode runs {@code n} forward sweeps
 * (one JVP per column, using each operation's {@link Op#jvp} rule). {@link Mode#AUTO} picks
 * reverse mode when {@code m ≤ n} and forward mode otherwise; if forward mode meets an operation
 * without a forward rule ({@code [fixpoint/NoJvp]}) it falls back to reverse mode. The dense
 * result is limited to {@value #MAX_ENTRIES} entries; beyond that use {@link #jvp}/{@link #vjp}
 * products (or {@link Hessians#hvp}) instead of forming the matrix.
 *
 * <p>Inputs are never modified. Stateless.
 *
 * <pre>{@code
 * Var w = Var.constant(weights);                                          // [m, n]
 * Tensor j = Jacobians.jacobian(x -> Ops.tanh(Ops.matmul(w, x)), x0);     // x0 [n, 1]: J is [m, n]
 * Tensor jf = Jacobians.jacobian(f, x0, Jacobians.Mode.FORWARD);          // force forward mode
 * }</pre>
 */
public final class Jacobians {
    /** The largest dense Jacobian (or Hessian) formed, in entries: 2²⁴ doubles = 128 MiB. */
    public static final long MAX_ENTRIES = 1L << 24;

    private Jacobians() {
    }

    /** How the dense Jacobian is computed. */
    public enum Mode {
        /** Reverse mode when {@code m ≤ n}, otherwise forward mode (falling back to reverse without JVP rules). */
        AUTO,
        /** Reverse mode: {@code m} vector-Jacobian products (rows). Needs only VJPs. */
        REVERSE,
        /** Forward mode: {@code n} Jacobian-vector products (columns). Every operation needs a {@link Op#jvp} rule. */
        FORWARD
    }

    /**
     * The dense Jacobian, mode chosen automatically ({@link Mode#AUTO}).
     *
     * @param f a function written with differentiable operations on its argument
     * @param x the point (not modified), {@code n} elements
     * @return {@code J} of shape {@code [m, n]}, {@code m} the number of elements of {@code f(x)}
     * @throws FixpointException {@code [fixpoint/JacobianTooLarge]} if {@code m·n > }{@value #MAX_ENTRIES}
     */
    public static Tensor jacobian(Function<Var, Var> f, Tensor x) {
        return jacobian(f, x, Mode.AUTO);
    }

    /**
     * The dense Jacobian computed in the given mode.
     *
     * @param f    a function written with differentiable operations on its argument
     * @param x    the point (not modified), {@code n} elements
     * @param mode {@link Mode#REVERSE} (m VJPs), {@link Mode#FORWARD} (n JVPs) or {@link Mode#AUTO}
     * @return {@code J} of shape {@code [m, n]}
     * @throws FixpointException {@code [fixpoint/JacobianTooLarge]} if {@code m·n > }{@value #MAX_ENTRIES};
     *         {@code [fixpoint/NoJvp]} in forward mode through an operation without a forward rule
     */
    public static Tensor jacobian(Function<Var, Var> f, Tensor x, Mode mode) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mode, "mode");
        try (Tape tape = new Tape()) {
            Var xv = tape.variable(x);
            Var y = f.apply(xv);
            if (y == null) {
                throw new IllegalArgumentException("jacobian: the function returned null");
            }
            int n = x.size();
            int m = y.size();
            requireDenseSize("jacobian", m, n, "Jacobian",
                    "use vector-Jacobian products (Jacobians.vjp / Autodiff.vjp) or Jacobian-vector products "
                            + "(Jacobians.jvp / ForwardMode.jvp) instead of forming the matrix");
            Tensor jac = Tensor.zeros(m, n);
            if (!y.requiresGrad() || m == 0 || n == 0) {
                return jac; // f(x) does not depend on x
            }
            boolean forward = mode == Mode.FORWARD || (mode == Mode.AUTO && m > n);
            if (forward) {
                try {
                    forwardColumns(tape, xv, y, jac);
                    return jac;
                } catch (FixpointException e) {
                    if (mode == Mode.FORWARD || !"NoJvp".equals(e.id())) {
                        throw e;
                    }
                    // AUTO: an operation has no forward rule; reverse mode needs only VJPs
                }
            }
            reverseRows(tape, xv, y, jac);
            return jac;
        }
    }

    /** Rows {@code Jᵀ eᵢ}: one backward sweep per output element over the same (retained) tape. */
    private static void reverseRows(Tape tape, Var xv, Var y, Tensor jac) {
        int m = y.size();
        int n = xv.size();
        Var[] wrt = {xv};
        Tensor seed = Tensor.zeros(y.shape());
        double[] s = seed.data();
        double[] out = jac.data();
        for (int i = 0; i < m; i++) {
            s[i] = 1.0;
            Tensor row = tape.gradients(y, seed, wrt, false)[0].value();
            System.arraycopy(row.data(), row.offset(), out, i * n, n);
            s[i] = 0.0;
        }
    }

    /** Columns {@code J eⱼ}: one forward sweep per input element over the same tape. */
    private static void forwardColumns(Tape tape, Var xv, Var y, Tensor jac) {
        int m = y.size();
        int n = xv.size();
        Var[] in = {xv};
        double[] out = jac.data();
        for (int j = 0; j < n; j++) {
            Tensor e = Tensor.zeros(xv.shape());
            e.data()[j] = 1.0;
            Tensor col = ForwardMode.push(tape, in, new Tensor[]{e}, y);
            double[] c = col.data();
            int co = col.offset();
            for (int i = 0; i < m; i++) {
                out[i * n + j] = c[co + i];
            }
        }
    }

    /**
     * The Jacobian-vector product (forward mode); same as {@link ForwardMode#jvp(Function, Tensor, Tensor)}.
     *
     * @param v a tangent of {@code x}'s shape
     * @return {@code f(x)} and {@code J v} (of {@code f(x)}'s shape)
     * @throws ShapeMismatchException if {@code v} and {@code x} differ in shape (both shapes are named)
     */
    public static ForwardMode.OutputAndJvp jvp(Function<Var, Var> f, Tensor x, Tensor v) {
        return ForwardMode.jvp(f, x, v);
    }

    /**
     * The vector-Jacobian product (reverse mode); same as {@link Autodiff#vjp}.
     *
     * @param u a cotangent of {@code f(x)}'s shape
     * @return {@code f(x)} and {@code Jᵀ u} (of {@code x}'s shape)
     * @throws ShapeMismatchException if {@code u} and {@code f(x)} differ in shape (both shapes are named)
     */
    public static Autodiff.OutputAndVjp vjp(Function<Var, Var> f, Tensor x, Tensor u) {
        return Autodiff.vjp(f, x, u);
    }

    /** Throws {@code [fixpoint/<What>TooLarge]} when an {@code m × n} dense result exceeds {@link #MAX_ENTRIES}. */
    static void requireDenseSize(String where, long m, long n, String what, String instead) {
        long entries = m * n;
        if (entries > MAX_ENTRIES) {
            throw new FixpointException(what + "TooLarge", where + ": a dense " + what + " of " + m + " × " + n
                    + " = " + entries + " entries exceeds the limit of " + MAX_ENTRIES + " entries (" + (MAX_ENTRIES * 8 >> 20)
                    + " MiB); " + instead);
        }
    }
}
