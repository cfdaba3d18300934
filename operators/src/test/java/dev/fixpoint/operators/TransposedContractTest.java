package dev.fixpoint.operators;

/** Dot-test contract for the transpose of a sparse matrix. */
class TransposedContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Fixtures.csrOf(Fixtures.sparseDense(6, 5, 9)).transposed();
    }
}
