package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A differentiable scalar objective {@code f: ℝⁿ → ℝ} for {@link Lbfgs}: one call returns the value and
 * writes the gradient. The factories build it from a function written with {@link dev.fixpoint.autodiff.Ops},
 * recorded on a fresh {@link Tape} per evaluation.
 *
 * <pre>{@code
 * Objective f = Objective.taped(x -> Ops.sum(Ops.mul(x, x)), 3);
 * LbfgsResult r = Lbfgs.builder().build().minimize(f, new double[]{1, 2, 3});
 * }</pre>
 */
@FunctionalInterface
public interface Objective {

    /**
     * @param x        the point, length {@code n}; must not be modified or kept
     * @param gradient output, length {@code n}: <b>overwritten</b> with {@code ∇f(x)}
     * @return {@code f(x)}
     */
    double evaluate(double[] x, double[] gradient);

    /**
     * @param f     a scalar function of a variable of shape {@code shape}, written with Ops
     * @param shape the shape the flat vector {@code x} is given (row-major), e.g. {@code n} or {@code {rows, cols}}
     * @return an objective evaluating {@code f} and its reverse-mode gradient on a new tape per call
     */
    static Objective taped(Function<Var, Var> f, int... shape) {
        Objects.requireNonNull(f, "f");
        int[] s = shape.clone();
        int n = Tensor.zeros(s).size();
        return (x, gradient) -> {
            if (x.length != n || gradient.length != n) {
                throw new ShapeMismatchException("objective of shape " + Arrays.toString(s) + " evaluated with x of length "
                        + x.length + " and a gradient buffer of length " + gradient.length);
            }
            try (Tape tape = new Tape()) {
                Var xv = tape.variable(Tensor.of(x, s));
                Var y = f.apply(xv);
                requireScalar(y);
                double value = y.item();
                if (!y.requiresGrad()) {
                    Arrays.fill(gradient, 0.0);
                    return value;
                }
                tape.backward(y);
                Tensor g = xv.grad();
                if (g == null) {
                    Arrays.fill(gradient, 0.0);
                } else {
                    System.arraycopy(g.data(), g.offset(), gradient, 0, n);
                }
                return value;
            }
        };
    }

    /**
     * An objective over a parameter set's flat vector ({@link ParameterSet#flatten()} order): each call
     * <b>assigns</b> {@code x} to the parameters, zeroes their gradients, records {@code loss} on a new
     * tape (the function must {@link Tape#watch watch} the parameters it uses) and runs backward.
     * After a call the parameters hold {@code x} and their gradients {@code ∇f(x)}.
     */
    static Objective taped(ParameterSet parameters, Function<Tape, Var> loss) {
        Objects.requireNonNull(loss, "loss");
        List<Parameter> list = parameters.list();
        int n = parameters.size();
        return (x, gradient) -> {
            if (x.length != n || gradient.length != n) {
                throw new ShapeMismatchException("objective over " + n + " parameter elements evaluated with x of length "
                        + x.length + " and a gradient buffer of length " + gradient.length);
            }
            parameters.assign(x);
            parameters.zeroGrad();
            double value;
            try (Tape tape = new Tape()) {
                Var y = loss.apply(tape);
                requireScalar(y);
                value = y.item();
                if (y.requiresGrad()) {
                    tape.backward(y);
                }
            }
            int pos = 0;
            for (Parameter p : list) {
                Tensor g = p.grad();
                System.arraycopy(g.data(), g.offset(), gradient, pos, g.size());
                pos += g.size();
            }
            return value;
        };
    }

    private static void requireScalar(Var y) {
        if (y.size() != 1) {
            throw new FixpointException("NonScalarOutput", "an objective must return one value; the function returned shape "
                    + Arrays.toString(y.shape()) + " (reduce it, e.g. with Ops.sum)");
        }
    }
}
