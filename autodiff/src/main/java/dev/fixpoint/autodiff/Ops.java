package dev.fixpoint.autodiff;

import dev.fixpoint.autodiff.internal.BinaryArithmetic;
import dev.fixpoint.autodiff.internal.BroadcastTo;
import dev.fixpoint.autodiff.internal.Convolution2d;
import dev.fixpoint.autodiff.internal.Elementwise;
import dev.fixpoint.autodiff.internal.Indexing;
import dev.fixpoint.autodiff.internal.Losses;
import dev.fixpoint.autodiff.internal.MatMul;
import dev.fixpoint.autodiff.internal.Norms;
import dev.fixpoint.autodiff.internal.Power;
import dev.fixpoint.autodiff.internal.Products;
import dev.fixpoint.autodiff.internal.Reductions;
import dev.fixpoint.autodiff.internal.Reshape;
import dev.fixpoint.autodiff.internal.Scale;
import dev.fixpoint.autodiff.internal.ShapeOps;
import dev.fixpoint.autodiff.internal.Shrinkage;
import dev.fixpoint.autodiff.internal.SumAll;
import dev.fixpoint.autodiff.internal.SumTo;
import dev.fixpoint.autodiff.internal.UnaryMath;
import dev.fixpoint.core.Tensor;

/**
 * The built-in differentiable operations. Each has a VJP written with differentiable operations
 * (so it can be differentiated again) and a JVP (forward mode).
 *
 * <p><b>Broadcasting</b> (arithmetic): NumPy rules — shapes align at their last axes, and a
 * dimension of 1 (or a missing leading one) stretches; e.g. {@code [m, n]} with a scalar {@code []},
 * a row {@code [n]} or a column {@code [m, 1]}. Incompatible shapes throw
 * {@link dev.fixpoint.core.ShapeMismatchException} naming both shapes.
 *
 * <p><b>Outputs</b> are new tensors (copies), except {@link #reshape}, which shares the input's
 * storage. Shapes are written {@code [m, n]}; a scalar is rank 0, {@code []}.
 *
 * <p><b>Kinks.</b> Where a function is not differentiable ({@code relu}, {@code abs} and
 * {@code norm1} at 0, {@code softThreshold} at {@code |x| = θ}, {@code clamp} at its bounds,
 * {@code max} on ties, {@code norm2} at 0) the derivative taken is a subgradient, stated on each
 * method.
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

    /** @return {@code -x} */
    public static Var neg(Var x) {
        return scale(x, -1.0);
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

    /**
     * @param x a matrix {@code [m, n]}
     * @return its transpose {@code [n, m]}, <b>a copy</b> (inside products prefer the transposition
     *         flags of {@link #matmul(Var, boolean, Var, boolean)} and {@link #matvec}, which copy nothing)
     */
    public static Var transpose(Var x) {
        return ShapeOps.transpose(x);
    }

    /**
     * @param axis the axis (negative counts from the end)
     * @return a copy of the elements with index {@code from … to-1} along {@code axis}: the shape of
     *         {@code x} with that axis of length {@code to - from} (which may be 0)
     */
    public static Var slice(Var x, int axis, int from, int to) {
        return ShapeOps.slice(x, axis, from, to);
    }

    /**
     * @param axis  the axis (negative counts from the end)
     * @param parts at least one tensor; equal ranks and equal dimensions except along {@code axis}
     * @return the parts joined along {@code axis} (length: the sum of theirs)
     */
    public static Var concat(int axis, Var... parts) {
        return ShapeOps.concat(axis, parts);
    }

    /**
     * @param axis  position of the new axis in the output, {@code 0 … rank} (negative counts from the end)
     * @param parts at least one tensor, all of one shape {@code s}
     * @return the parts stacked: {@code s} with a new axis of length {@code parts.length} at {@code axis}
     */
    public static Var stack(int axis, Var... parts) {
        return ShapeOps.stack(axis, parts);
    }

    /**
     * @param mask of {@code x}'s shape; nonzero entries select
     * @return the selected elements of {@code x} in row-major order, a vector {@code [count]}; the VJP
     *         scatters the cotangent back to the selected positions (zeros elsewhere)
     */
    public static Var maskedSelect(Var x, Tensor mask) {
        return Indexing.maskedSelect(x, mask);
    }

    /** @return as {@link #maskedSelect(Var, Tensor)} with a flat row-major mask of length {@code x.size()} */
    public static Var maskedSelect(Var x, boolean[] mask) {
        return Indexing.maskedSelect(x, mask);
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

    /**
     * @param a      a matrix {@code [m, n]}
     * @param transA whether to use {@code aᵀ}
     * @param x      a vector {@code [n]} ({@code [m]} when transposed)
     * @return {@code op(a)·x}, {@code [m]} ({@code [n]} when transposed), through BLAS {@code gemv}
     *         with the transposition flag (no copy)
     */
    public static Var matvec(Var a, boolean transA, Var x) {
        return Products.matvec(a, transA, x);
    }

    /** @return {@code Σᵢ a[i]·b[i]} over all elements of two tensors of one shape (rank 0) */
    public static Var dot(Var a, Var b) {
        return Products.dot(a, b);
    }

    /** @return the Euclidean (Frobenius) norm over all elements (rank 0); gradient {@code x/‖x‖}, taken as 0 at {@code x = 0} */
    public static Var norm2(Var x) {
        return Norms.NORM2.apply(x);
    }

    /** @return {@code Σ|xᵢ|} (rank 0); gradient {@code sign(x)}, 0 where {@code xᵢ = 0} */
    public static Var norm1(Var x) {
        return Norms.NORM1.apply(x);
    }

    /**
     * 2-D convolution (cross-correlation, no kernel flip) through im2col and backend gemm:
     * {@code out[n,k,p,q] = Σ_{c,i,j} kernel[k,c,i,j]·input[n, c, p·stride + i − pad, q·stride + j − pad]}
     * with zeros outside the input. Gradients with respect to both arguments (and their derivatives)
     * are again gemms with im2col/col2im.
     *
     * @param input   {@code [N, C, H, W]}
     * @param kernel  {@code [K, C, kh, kw]}
     * @param stride  ≥ 1, along both spatial axes
     * @param padding {@link Padding#zero}, {@link Padding#VALID} or {@link Padding#SAME}
     * @return {@code [N, K, OH, OW]} with {@code OH, OW} as documented on {@link Padding}
     */
    public static Var conv2d(Var input, Var kernel, int stride, Padding padding) {
        return Convolution2d.conv2d(input, kernel, stride, padding);
    }

    // ------------------------------------------------------------------ reductions

    /** @return the sum of all elements (rank 0) */
    public static Var sum(Var x) {
        return SumAll.INSTANCE.apply(x);
    }

    /** @return the sums along {@code axis} (negative counts from the end): {@code x}'s shape without that axis */
    public static Var sum(Var x, int axis) {
        return Reductions.sum(x, axis);
    }

    /** @return the mean of all elements (rank 0; NaN for an empty tensor) */
    public static Var mean(Var x) {
        return Reductions.mean(x);
    }

    /** @return the means along {@code axis}: {@code x}'s shape without that axis (NaN where the axis is empty) */
    public static Var mean(Var x, int axis) {
        return Reductions.mean(x, axis);
    }

    /**
     * @param x a non-empty tensor
     * @return its largest element (rank 0; NaN if any element is NaN); on ties the gradient goes
     *         entirely to the first maximal element in row-major order
     */
    public static Var max(Var x) {
        return Reductions.max(x);
    }

    /**
     * @return the maxima along {@code axis} (non-empty): {@code x}'s shape without that axis; on ties
     *         each gradient goes to the first maximal element along the axis
     */
    public static Var max(Var x, int axis) {
        return Reductions.max(x, axis);
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

    /** @return {@code log(x)} (NaN below 0, -∞ at 0) */
    public static Var log(Var x) {
        return UnaryMath.LOG.apply(x);
    }

    /** @return {@code sqrt(x)} (NaN below 0; the derivative {@code 1/(2√x)} is infinite at 0) */
    public static Var sqrt(Var x) {
        return UnaryMath.SQRT.apply(x);
    }

    /**
     * @param p a constant exponent
     * @return {@code x^p} elementwise ({@link Math#pow}: NaN for a negative base and non-integer {@code p});
     *         derivative {@code p·x^(p-1)}
     */
    public static Var pow(Var x, double p) {
        return new Power(p).apply(x);
    }

    /** @return {@code |x|} (derivative {@code sign(x)}, taken as 0 at 0) */
    public static Var abs(Var x) {
        return UnaryMath.ABS.apply(x);
    }

    /** @return the logistic function {@code 1/(1 + e^-x)}, without overflow for large {@code |x|} */
    public static Var sigmoid(Var x) {
        return UnaryMath.SIGMOID.apply(x);
    }

    /** @return {@code log(1 + e^x)}, evaluated as {@code max(x, 0) + log1p(e^-|x|)} (stable for large {@code |x|}) */
    public static Var softplus(Var x) {
        return UnaryMath.SOFTPLUS.apply(x);
    }

    // ------------------------------------------------------------------ proximal maps

    /**
     * Soft thresholding (shrinkage), the proximal map of {@code θ‖·‖₁}:
     * {@code y = sign(x)·max(|x| − θ, 0)}, forward and backward each one fused loop.
     * Derivatives: {@code ∂y/∂x = [|x| > θ]} and {@code ∂y/∂θ = −sign(x)·[|x| > θ]}, summed over the
     * axes along which θ is broadcast; 0 at the kinks {@code |x| = θ}.
     *
     * @param x     any shape
     * @param theta broadcastable to {@code x}'s shape (scalar {@code []}, per-feature {@code [n]}, …);
     *              normally ≥ 0 (a learnable threshold, as in LISTA)
     * @return {@code y}, of {@code x}'s shape
     */
    public static Var softThreshold(Var x, Var theta) {
        return Shrinkage.softThreshold(x, theta);
    }

    /** @return {@code min(max(x, lo), hi)} for constants {@code lo ≤ hi}; derivative 1 strictly inside, 0 elsewhere (also at the bounds) */
    public static Var clamp(Var x, double lo, double hi) {
        return Shrinkage.clamp(x, lo, hi);
    }

    // ------------------------------------------------------------------ losses

    /** @return {@code mean((pred − target)²)} over all elements (rank 0); {@code pred} and {@code target} of one shape */
    public static Var mse(Var pred, Var target) {
        return Losses.mse(pred, target);
    }

    /** @return {@code x − log Σ exp(x)} along the last axis (rank ≥ 1), computed stably; same shape as {@code x} */
    public static Var logSoftmax(Var x) {
        return Losses.logSoftmax(x);
    }

    /**
     * Mean cross-entropy of a batch, from logits through a stable log-softmax:
     * {@code −(1/N) Σₙ log softmax(logits[n])[labels[n]]}.
     *
     * @param logits {@code [N, classes]}
     * @param labels {@code N} class indices in {@code [0, classes)}; not copied, must not be modified afterwards
     * @return the loss (rank 0); its gradient is {@code (softmax(logits) − onehot(labels)) / N}
     */
    public static Var crossEntropy(Var logits, int[] labels) {
        return Losses.crossEntropy(logits, labels);
    }
}
