package dev.fixpoint.operators;

/** Dot-test contract for the identity on [2, 3, 4]. */
class IdentityContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.identity(2, 3, 4);
    }
}
