package dev.fixpoint.operators;

/** Dot-test contract for a sampling mask on [6, 5]. */
class MaskContractTest extends LinearOperatorContract {
    @Override
    protected LinearOperator operator() {
        return Operators.mask(MaskContractTest.everyThird(30), 6, 5);
    }

    /** @return a flag array keeping indices 0, 3, 6, … */
    static boolean[] everyThird(int n) {
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i += 3) {
            keep[i] = true;
        }
        return keep;
    }
}
