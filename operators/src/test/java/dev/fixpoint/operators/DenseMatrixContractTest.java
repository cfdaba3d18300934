package dev.fixpoint.operators;

/** Dot-test contract for a dense 7×5 matrix. */
class DenseMatrixContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.dense(Fixtures.matrix(1, 7, 5));
    }
}
