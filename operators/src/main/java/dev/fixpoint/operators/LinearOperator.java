package dev.fixpoint.operators;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * A linear map {@code A : ℝ^domain → ℝ^range} between tensor shapes, with its exact adjoint
 * {@code Aᵀ} (the adjoint for the Euclidean inner product of the flattened tensors; complex data
 * as real pairs, so a unitary complex map's adjoint is its real transpose).
 *
 * <p>Implementations override {@link #forward} and {@link #backward}, which write into a given
 * output of the right shape (overwriting it completely). The public {@link #apply} /
 * {@link #adjoint} check shapes — a mismatch throws {@link ShapeMismatchException} naming the
 * operator and both shapes — and allocate the output when none is given. Every implementation
 * passes the dot test of {@code LinearOperatorContract} (operators test-jar):
 * {@code |⟨Ax, y⟩ − ⟨x, Aᵀy⟩| ≤ 1e-12·‖A‖‖x‖‖y‖}.
 *
 * <p>Combinators ({@link #compose}, {@link #plus}, {@link #times}, {@link #transposed},
 * {@link #normal}, and {@link LinearOperators} for stacks and block diagonals) build new operators
 * without copying data. {@link #apply(Var)} makes the operator an autodiff operation whose VJP is
 * the adjoint. Operators are immutable and thread-safe unless documented otherwise.
 */
public abstract class LinearOperator {
    private final int[] domain;
    private final int[] range;

    /**
     * @param domain shape of the inputs
     * @param range  shape of the outputs
     */
    protected LinearOperator(int[] domain, int[] range) {
        this.domain = domain.clone();
        this.range = range.clone();
    }

    /** @return a short name for messages, e.g. {@code "Gradient2d[64×64]"} */
    public String name() {
        return getClass().getSimpleName();
    }

    /** @return a copy of the input shape */
    public final int[] domainShape() {
        return domain.clone();
    }

    /** @return a copy of the output shape */
    public final int[] rangeShape() {
        return range.clone();
    }

    /** @return the number of input elements */
    public final int domainSize() {
        int n = 1;
        for (int d : domain) {
            n *= d;
        }
        return n;
    }

    /** @return the number of output elements */
    public final int rangeSize() {
        int n = 1;
        for (int d : range) {
            n *= d;
        }
        return n;
    }

    /**
     * Computes {@code out ← A x}. {@code x} has the domain shape, {@code out} the range shape; they
     * never alias. Must overwrite every element of {@code out}; must not modify {@code x}.
     */
    protected abstract void forward(Tensor x, Tensor out);

    /** Computes {@code out ← Aᵀ y} ({@code y}: range shape, {@code out}: domain shape, no aliasing). */
    protected abstract void backward(Tensor y, Tensor out);

    /** @return {@code A x} in a new tensor */
    public final Tensor apply(Tensor x) {
        return applyInto(x, null);
    }

    /**
     * @param out output of the range shape (overwritten; must not alias {@code x}), or null to allocate
     * @return {@code out}
     */
    public final Tensor applyInto(Tensor x, Tensor out) {
        check("apply", "input", x, domain);
        Tensor o = out == null ? Tensor.zeros(range) : check("apply", "output", out, range);
        forward(x, o);
        return o;
    }

    /** @return {@code Aᵀ y} in a new tensor */
    public final Tensor adjoint(Tensor y) {
        return adjointInto(y, null);
    }

    /**
     * @param out output of the domain shape (overwritten; must not alias {@code y}), or null to allocate
     * @return {@code out}
     */
    public final Tensor adjointInto(Tensor y, Tensor out) {
        check("adjoint", "input", y, range);
        Tensor o = out == null ? Tensor.zeros(domain) : check("adjoint", "output", out, domain);
        backward(y, o);
        return o;
    }

    private Tensor check(String what, String role, Tensor t, int[] expected) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new ShapeMismatchException(name() + "." + what + " " + role, t.shape(), expected,
                    "the " + role + " must have shape " + Arrays.toString(expected));
        }
        return t;
    }

    // ------------------------------------------------------------------ combinators

    /** @return {@code this ∘ inner}: {@code x ↦ A(inner(x))}; the shapes must chain */
    public LinearOperator compose(LinearOperator inner) {
        return LinearOperators.compose(this, inner);
    }

    /** @return {@code A + other} (same domain and range) */
    public LinearOperator plus(LinearOperator other) {
        return LinearOperators.sum(this, other);
    }

    /** @return {@code alpha · A} */
    public LinearOperator times(double alpha) {
        return LinearOperators.scaled(this, alpha);
    }

    /** @return the adjoint {@code Aᵀ} as an operator (a view: apply and adjoint swap) */
    public LinearOperator transposed() {
        return LinearOperators.transposed(this);
    }

    /** @return the normal operator {@code AᵀA} (domain to domain) */
    public LinearOperator normal() {
        return LinearOperators.normal(this);
    }

    /**
     * Estimates the operator norm {@code ‖A‖₂} by power iteration on {@code AᵀA} from a seeded random
     * start, stopping when the relative change of the estimate is below {@code tolerance}.
     *
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/NoConvergence]} after
     *         {@code maxIterations} without reaching the tolerance (the message has the last estimate)
     */
    public double normEstimate(double tolerance, int maxIterations) {
        return LinearOperators.normEstimate(this, tolerance, maxIterations);
    }

    /**
     * Applies the operator inside autodiff: the VJP is {@code Aᵀ g}, the JVP is {@code A ẋ}, and both
     * are linear in the cotangent/tangent so the operation is differentiable to any order.
     *
     * @param x a variable of the domain shape
     * @return {@code A x}
     */
    public Var apply(Var x) {
        return new Application(this).apply(x);
    }

    /** The autodiff operation {@code x ↦ A x}. */
    private static final class Application extends Op {
        private final LinearOperator a;

        Application(LinearOperator a) {
            this.a = a;
        }

        @Override
        public String name() {
            return a.name();
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return a.apply(in[0]);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{a.transposed().apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return a.apply(t[0]);
        }
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(domain) + " → " + Arrays.toString(range);
    }
}
