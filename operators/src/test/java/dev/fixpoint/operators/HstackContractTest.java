package dev.fixpoint.operators;

/** Dot-test contract for a horizontal stack (dense, subsample, sparse). */
class HstackContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return LinearOperators.hstack(Operators.dense(Fixtures.matrix(9, 7, 4)),
                Operators.subsample(new int[]{3, 5}, new int[]{14, 0, 7, 2, 9, 11, 4}),
                Fixtures.csrOf(Fixtures.sparseDense(10, 7, 3)));
    }
}
