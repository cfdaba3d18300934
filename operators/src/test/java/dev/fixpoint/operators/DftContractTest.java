package dev.fixpoint.operators;

import org.junit.jupiter.api.Nested;

/** {@link LinearOperatorContract} for the unitary DFTs at odd, even, prime and degenerate sizes. */
class DftContractTest {

    @Nested
    class Dft1dLength1 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft1d(1);
        }
    }

    @Nested
    class Dft1dLength16 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft1d(16);
        }
    }

    @Nested
    class Dft1dLength15 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft1d(15);
        }
    }

    @Nested
    class Dft1dLength37 extends LinearOperatorContract {  // prime: Bluestein
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft1d(37);
        }
    }

    @Nested
    class Dft2d8x8 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft2d(8, 8);
        }
    }

    @Nested
    class Dft2d5x7 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft2d(5, 7);
        }
    }

    @Nested
    class Dft2d1x9 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft2d(1, 9);
        }
    }

    @Nested
    class Dft2d6x1 extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return FourierOperators.dft2d(6, 1);
        }
    }
}
