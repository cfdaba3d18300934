package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/** Dot-test contract for a vertical stack (gradient, identity, weights). */
class VstackContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return LinearOperators.vstack(Operators.gradient2d(5, 6), Operators.identity(5, 6),
                Operators.diagonal(Tensor.randn(8, 5, 6)));
    }
}
