package dev.fixpoint.autodiff;

import dev.fixpoint.core.Tensor;
import java.util.function.Function;

/**
 * Functional entry points of reverse mode: gradients and vector-Jacobian products of functions
 * written with {@link Ops} on {@link Var}s. Each call records on a fresh {@link Tape} and releases it.
 *
 * <pre>{@code
 * Tensor g = Autodiff.grad(x -> Ops.sum(Ops.mul(x, x)), Tensor.vector(1, 2, 3));   // [2, 4, 6]
 * }</pre>
 */
public final class Autodiff {
    private Autodiff() {
    }

    /**
     * The value and gradient of a scalar function.
     *
     * @param value the function value
     * @param grad  its gradient, of the input's shape
     */
    public record ValueAndGrad(double value, Tensor grad) {
    }

    /**
     * The output of a function and its vector-Jacobian product.
     *
     * @param output the function's output
     * @param vjp    {@code Jᵀ·cotangent}, of the input's shape
     */
    public record OutputAndVjp(Tensor output, Tensor vjp) {
    }

    /** @return the value and gradient of scalar {@code f} at {@code x} */
    public static ValueAndGrad valueAndGrad(Function<Var, Var> f, Tensor x) {
        try (Tape tape = new Tape()) {
            Var xv = tape.variable(x);
            Var y = f.apply(xv);
            double value = y.item();
            if (!y.requiresGrad()) {
                return new ValueAndGrad(value, Tensor.zeros(x.shape()));
            }
            tape.backward(y);
            return new ValueAndGrad(value, xv.grad() == null ? Tensor.zeros(x.shape()) : xv.grad());
        }
    }

    /** @return the gradient of scalar {@code f} at {@code x} */
    public static Tensor grad(Function<Var, Var> f, Tensor x) {
        return valueAndGrad(f, x).grad();
    }

    /**
     * @param cotangent a tensor of {@code f(x)}'s shape
     * @return {@code f(x)} and {@code J_f(x)ᵀ · cotangent}
     */
    public static OutputAndVjp vjp(Function<Var, Var> f, Tensor x, Tensor cotangent) {
        try (Tape tape = new Tape()) {
            Var xv = tape.variable(x);
            Var y = f.apply(xv);
            if (!y.requiresGrad()) {
                return new OutputAndVjp(y.value(), Tensor.zeros(x.shape()));
            }
            tape.backward(y, cotangent);
            return new OutputAndVjp(y.value(), xv.grad() == null ? Tensor.zeros(x.shape()) : xv.grad());
        }
    }
}
