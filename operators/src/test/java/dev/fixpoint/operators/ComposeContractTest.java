package dev.fixpoint.operators;

/** Dot-test contract for a composition (gradient after a mask adjoint). */
class ComposeContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.gradient2d(5, 6).compose(Operators.mask(MaskContractTest.everyThird(30), 5, 6).transposed());
    }
}
