package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/** Dot-test contract for element-wise weights of shape [3, 4, 5]. */
class DiagonalContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.diagonal(Tensor.randn(3, 3, 4, 5));
    }
}
