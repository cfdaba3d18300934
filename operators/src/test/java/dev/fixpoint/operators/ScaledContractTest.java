package dev.fixpoint.operators;

/** Dot-test contract for a scaled gradient. */
class ScaledContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.gradient2d(6, 5).times(-2.5);
    }
}
