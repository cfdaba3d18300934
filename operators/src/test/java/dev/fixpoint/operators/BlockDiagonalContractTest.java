package dev.fixpoint.operators;

/** Dot-test contract for a block diagonal (gradient, dense, mask). */
class BlockDiagonalContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return LinearOperators.blockDiagonal(Operators.gradient2d(4, 5),
                Operators.dense(Fixtures.matrix(11, 3, 6)), Operators.mask(MaskContractTest.everyThird(12), 3, 4));
    }
}
