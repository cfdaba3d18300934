package dev.fixpoint.operators;

import org.junit.jupiter.api.Nested;

/** Dot-test contract for the 1-d forward differences, one nested suite per boundary. */
class FiniteDifference1dContractTest {

    @Nested
    class Free extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.finiteDifference1d(11, DifferenceBoundary.FREE);
        }
    }

    @Nested
    class Neumann extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.finiteDifference1d(10, DifferenceBoundary.NEUMANN);
        }
    }

    @Nested
    class Periodic extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return Operators.finiteDifference1d(9, DifferenceBoundary.PERIODIC);
        }
    }
}
