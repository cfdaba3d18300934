package dev.fixpoint.operators;

/** Dot-test contract for a sum of a dense and a sparse matrix. */
class SumContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.dense(Fixtures.matrix(4, 8, 6)).plus(Fixtures.csrOf(Fixtures.sparseDense(5, 8, 6)));
    }
}
