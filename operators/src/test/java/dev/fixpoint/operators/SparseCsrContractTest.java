package dev.fixpoint.operators;

/** Dot-test contract for a sparse 9×6 matrix with empty rows. */
class SparseCsrContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Fixtures.csrOf(Fixtures.sparseDense(2, 9, 6));
    }
}
