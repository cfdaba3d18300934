package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.implicit.LinearSolveMethod;

/**
 * The five ways to compute a hypergradient of a {@link BilevelProblem}:
 * <ol>
 *   <li>{@link #reverse()}: backpropagation through all T inner steps (memory grows with T);</li>
 *   <li>{@link #truncatedReverse(int)}: backpropagation through the last K steps only (Shaban et al.
 *       2019), biased when the inner solver has not forgotten its start;</li>
 *   <li>{@link #forward()}: forward mode (Franceschi et al. 2017), propagating {@code dz_t/dθ} with one
 *       JVP of the inner step per hyperparameter element and step — constant memory, cost
 *       proportional to the number of hyperparameters;</li>
 *   <li>{@link #implicit(LinearSolveMethod)}: the implicit function theorem at the inner solution,
 *       through {@code solvers.implicit} (one linear solve, independent of T);</li>
 *   <li>{@link #kkt()}: the problem's closed form, for the lasso and elastic net the KKT
 *       differentiation restricted to the support (Bertrand et al. 2020).</li>
 * </ol>
 */
public final class HypergradientMethods {
    private HypergradientMethods() {
    }

    /** @return full reverse-mode unrolling */
    public static HypergradientMethod reverse() {
        return new UnrolledReverse(Integer.MAX_VALUE);
    }

    /**
     * @param k the number of final inner steps to backpropagate through (≥ 1; k ≥ T is full reverse)
     * @return truncated reverse mode
     */
    public static HypergradientMethod truncatedReverse(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] truncated reverse mode needs K >= 1 steps, got " + k);
        }
        return new UnrolledReverse(k);
    }

    /** @return forward-mode propagation of {@code dz_t/dθ} */
    public static HypergradientMethod forward() {
        return new ForwardPropagation();
    }

    /** @return implicit differentiation with this linear solver, tolerance 1e-12, 2,000 iterations */
    public static HypergradientMethod implicit(LinearSolveMethod method) {
        return new ImplicitHypergradient(method, StoppingCriteria.of(1e-12, 2000));
    }

    /** @return implicit differentiation with this linear solver and stopping rules */
    public static HypergradientMethod implicit(LinearSolveMethod method, StoppingCriteria stopping) {
        return new ImplicitHypergradient(method, stopping);
    }

    /** @return the problem's closed form ({@code [fixpoint/UnsupportedMethod]} if it has none) */
    public static HypergradientMethod kkt() {
        return new ClosedFormHypergradient();
    }
}
