package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * A proximal function that is a sum of functions of one element each,
 * {@code f(x) = Σᵢ fᵢ(xᵢ)}, so that its proximal map also exists for a diagonal step
 * {@code T = diag(τ)}: {@code prox_{Tf}(v)ᵢ = argmin_u fᵢ(u) + (u − vᵢ)²/(2τᵢ)}. The diagonally
 * preconditioned primal–dual method ({@link PrimalDualHybridGradient}) needs this of both of its
 * functions.
 *
 * <p>{@link #of(ProximalFunction)} adapts the separable functions of the library
 * ({@code Proximals.zero, l1, weightedL1, nonNegative, box, squaredL2, elasticNet});
 * {@link #squaredDistance(Tensor)} is the data fit {@code ½‖x − b‖²}. Immutable, thread-safe.
 */
public abstract class SeparableFunction extends ProximalFunction {

    /**
     * Computes {@code out ← prox_{diag(steps)·f}(v)}. {@code v}, {@code steps} and {@code out} have the
     * same shape; {@code out} is overwritten and aliases neither input; the steps are finite and
     * positive and {@code v} is finite (checked by {@link #proxDiagonalInto}).
     */
    protected abstract void computeProxDiagonal(Tensor v, Tensor steps, Tensor out);

    /**
     * @param v     the point, any shape the function accepts (not modified)
     * @param steps one step τᵢ &gt; 0 per element, of {@code v}'s shape (not modified)
     * @param out   output of {@code v}'s shape (overwritten), or null to allocate
     * @return {@code out}
     * @throws ShapeMismatchException naming both shapes
     * @throws FixpointException {@code [fixpoint/BadParameter]} for a step that is not finite and
     *         positive (naming its index), {@code [fixpoint/NonFinite]} for NaN/Inf in v
     */
    public final Tensor proxDiagonalInto(Tensor v, Tensor steps, Tensor out) {
        if (!v.sameShape(steps)) {
            throw new ShapeMismatchException(name() + ".proxDiagonal", v.shape(), steps.shape(),
                    "the steps must have the point's shape");
        }
        v.requireFinite(name() + ".proxDiagonal input");
        double[] s = steps.data();
        for (int i = 0, o = steps.offset(); i < steps.size(); i++) {
            if (!(s[o + i] > 0) || Double.isInfinite(s[o + i])) {
                throw new FixpointException("BadParameter", name() + ".proxDiagonal: step τ[" + i + "] = " + s[o + i]
                        + " must be a finite positive number");
            }
        }
        Tensor o = out == null ? Tensor.zeros(v.shape()) : out;
        if (!o.sameShape(v)) {
            throw new ShapeMismatchException(name() + ".proxDiagonal output", o.shape(), v.shape(),
                    "the output must have the input's shape");
        }
        computeProxDiagonal(v, steps, o);
        return o;
    }

    /**
     * @param f a separable function of the library
     * @return {@code f} itself when already a {@code SeparableFunction}, else an adapter with the
     *         same value, prox and conjugate and the elementwise diagonal prox
     * @throws FixpointException {@code [fixpoint/NotSeparable]} naming the function and the supported ones
     */
    public static SeparableFunction of(ProximalFunction f) {
        if (f instanceof SeparableFunction s) {
            return s;
        }
        SeparableFunction adapted = SeparableLibraryFunction.adapt(f);
        if (adapted == null) {
            throw new FixpointException("NotSeparable", "the diagonal (preconditioned) prox needs a separable "
                    + "function, but " + f.name() + " (" + f.getClass().getSimpleName() + ") is not known to be "
                    + "separable; supported: " + Arrays.toString(SeparableLibraryFunction.SUPPORTED)
                    + " and SeparableFunction.squaredDistance; or extend SeparableFunction");
        }
        return adapted;
    }

    /** @return {@code ½‖x − b‖²} ({@code b} finite, copied; inputs of {@code b}'s shape) */
    public static SeparableFunction squaredDistance(Tensor b) {
        b.requireFinite("squaredDistance: target b");
        return SeparableLibraryFunction.distanceTo(b.copy());
    }
}
