package dev.fixpoint.operators;

/** Dot-test contract for the 2-d gradient on a 7×9 image. */
class Gradient2dContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.gradient2d(7, 9);
    }
}
