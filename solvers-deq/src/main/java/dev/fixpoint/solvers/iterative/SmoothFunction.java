package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;

/**
 * A differentiable function {@code f : ℝ^shape → ℝ} whose gradient is Lipschitz continuous, the
 * smooth part of the problems of {@link ProximalGradient}. Implementations may keep work buffers
 * (then they say they are not thread-safe).
 */
public interface SmoothFunction {

    /** @return the shape of the argument {@code x} */
    int[] shape();

    /** @return {@code f(x)} for {@code x} of {@link #shape()}; {@code x} is not modified */
    double value(Tensor x);

    /**
     * Computes {@code out ← ∇f(x)}.
     *
     * @param x   argument of {@link #shape()} (not modified)
     * @param out output of {@link #shape()}, overwritten; must not alias {@code x}
     */
    void gradientInto(Tensor x, Tensor out);

    /**
     * Computes the gradient into {@code out} and returns the value; implementations override it
     * when both share work (a least-squares residual, for example).
     *
     * @return {@code f(x)}
     */
    default double valueAndGradient(Tensor x, Tensor out) {
        gradientInto(x, out);
        return value(x);
    }

    /** @return {@code ∇f(x)} in a new tensor */
    default Tensor gradient(Tensor x) {
        Tensor out = Tensor.zeros(shape());
        gradientInto(x, out);
        return out;
    }

    /**
     * @return the Lipschitz constant L of {@code ∇f} ({@code ‖∇f(x) − ∇f(y)‖ ≤ L‖x − y‖}), or
     *         {@code NaN} when it is not known (solvers then need a line search or a step whose
     *         safety they cannot check)
     */
    default double lipschitz() {
        return Double.NaN;
    }

    /** @return a short name for messages */
    default String name() {
        return getClass().getSimpleName();
    }
}
