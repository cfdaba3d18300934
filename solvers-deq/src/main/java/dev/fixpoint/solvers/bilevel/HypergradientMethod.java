package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.Tensor;

/**
 * A way to compute the hypergradient of a {@link BilevelProblem}; instances come from
 * {@link HypergradientMethods}: full reverse-mode unrolling, truncated reverse mode, forward mode,
 * implicit differentiation, and the closed-form KKT differentiation of the lasso / elastic net.
 */
public interface HypergradientMethod {

    /** @return a short name, e.g. {@code "reverse"}, {@code "truncated-reverse(20)"} */
    String name();

    /**
     * @param problem the bilevel problem
     * @param theta   the hyperparameter values (not modified)
     * @return the outer loss and its gradient
     */
    Hypergradient compute(BilevelProblem problem, Tensor[] theta);
}
