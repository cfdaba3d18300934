package dev.fixpoint.operators;

/** Dot-test contract for unordered subsampling of [4, 7]. */
class SubsampleContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.subsample(new int[]{4, 7}, new int[]{27, 3, 0, 14, 9, 21, 26, 5});
    }
}
