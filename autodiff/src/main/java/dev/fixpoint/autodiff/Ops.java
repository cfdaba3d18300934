package dev.fixpoint.autodiff;

import dev.fixpoint.autodiff.internal.BinaryArithmetic;
import dev.fixpoint.autodiff.internal.BroadcastTo;
import dev.fixpoint.autodiff.internal.Elementwise;
import dev.fixpoint.autodiff.internal.MatMul;
import dev.fixpoint.autodiff.internal.Reshape;
import dev.fixpoint.autodiff.internal.Scale;
import dev.fixpoint.autodiff.internal.SumAll;
import dev.fixpoint.autodiff.internal.SumTo;

/**
 * The built-in differentiable operations. Each has a VJP written with differentiable operations
 * (so it can be differentiated again) and a JVP (forward mode).
 *
 * <p><b>Broadcasting</b> (arithmetic): NumPy rules — shapes align at their last axes, and a
 * dimension of 1 (or a missing leading one) stretches; e.g. {@code [m, n]} with a scalar {@code []},
 * a row {@code [n]} or a column {@code [m, 1]}. Incompatible shapes throw
 * {@link dev.fixpoint.core.ShapeMismatchException} naming both shapes.
 *
 * <p>Stateless; inputs are never modified.
 */
public final class Ops {
    private Ops() {
    }

    // ------------------------------------------------------------------ arithmetic

    /** @return {@code a + b} with broadcasting */
    public static Var add(Var a, Var b) {
        return BinaryArithmetic.ADD.apply(a, b);
    }

    /** @return {@code a - b} with broadcasting */
    public static Var sub(Var a, Var b) {
        return BinaryArithmetic.SUB.apply(a, b);
    }

    /** @return {@code a * b} elementwise with broadcasting */
    public static Var mul(Var a, Var b) {
        return BinaryArithmetic.MUL.apply(a, b);
    }

    /** @return {@code a / b} elementwise with broadcasting (IEEE division) */
    public static Var div(Var a, Var b) {
        return BinaryArithmetic.DIV.apply(a, b);
    }

    /** @return {@code alpha · x} */
    public static Var scale(Var x, double alpha) {
        return new Scale(alpha).apply(x);
    }

    // ------------------------------------------------------------------ shapes

    /** @return {@code x} summed over the axes along which {@code shape} broadcasts to {@code x}'s shape */
    public static Var sumTo(Var x, int[] shape) {
        return java.util.Arrays.equals(x.value().shape(), shape) ? x : new SumTo(shape).apply(x);
    }

    /** @return {@code x} broadcast to {@code shape} */
    public static Var broadcastTo(Var x, int[] shape) {
        return java.util.Arrays.equals(x.value().shape(), shape) ? x : new BroadcastTo(shape).apply(x);
    }

    /** @return {@code x} with a new shape (same elements, row-major); one entry may be -1 */
    public static Var reshape(Var x, int... shape) {
        return new Reshape(shape).apply(x);
    }

    // ------------------------------------------------------------------ linear algebra

    /** @return the matrix product {@code a · b} */
    public static Var matmul(Var a, Var b) {
        return MatMul.of(false, false).apply(a, b);
    }

    /** @return {@code op(a) · op(b)}, {@code op} transposing when the flag is set (no copies) */
    public static Var matmul(Var a, boolean transA, Var b, boolean transB) {
        return MatMul.of(transA, transB).apply(a, b);
    }

    // ------------------------------------------------------------------ reductions

    /** @return the sum of all elements (rank 0) */
    public static Var sum(Var x) {
        return SumAll.INSTANCE.apply(x);
    }

    // ------------------------------------------------------------------ elementwise functions

    /** @return {@code exp(x)} */
    public static Var exp(Var x) {
        return Elementwise.EXP.apply(x);
    }

    /** @return {@code tanh(x)} */
    public static Var tanh(Var x) {
        return Elementwise.TANH.apply(x);
    }

    /** @return {@code max(x, 0)} (derivative taken as 0 at 0) */
    public static Var relu(Var x) {
        return Elementwise.RELU.apply(x);
    }
}
