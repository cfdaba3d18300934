package dev.fixpoint.operators;

/** Dot-test contract for the normal operator of a dense matrix. */
class NormalContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.dense(Fixtures.matrix(7, 9, 6)).normal();
    }
}
