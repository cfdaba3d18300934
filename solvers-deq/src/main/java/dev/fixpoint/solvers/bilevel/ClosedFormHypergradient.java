package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/** Delegates to the problem's {@link BilevelProblem.ClosedForm} (KKT differentiation for the lasso). */
final class ClosedFormHypergradient implements HypergradientMethod {

    @Override
    public String name() {
        return "kkt";
    }

    @Override
    public Hypergradient compute(BilevelProblem problem, Tensor[] theta) {
        if (problem.closedForm() == null) {
            throw new FixpointException("UnsupportedMethod", "the KKT hypergradient needs a problem with a closed form "
                    + "(ElasticNetBilevel.problem(...)); this problem has none: use reverse, truncatedReverse, forward "
                    + "or implicit");
        }
        return problem.closedForm().compute(theta);
    }
}
