package dev.fixpoint.operators;

/** Dot-test contract for the zero map [3, 4] → [5]. */
class ZeroContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.zero(new int[]{3, 4}, new int[]{5});
    }
}
