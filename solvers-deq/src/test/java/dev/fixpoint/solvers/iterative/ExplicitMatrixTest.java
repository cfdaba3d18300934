package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.LinearOperatorContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ExplicitMatrix passes the operator contract (dense and CSR) and sums |K| correctly. */
class ExplicitMatrixTest {
    private static final double[][] ENTRIES = {{1, 0, -2}, {0, 0, 0}, {-3, 4, 0.5}};

    private static ExplicitMatrix csr() {
        return ExplicitMatrix.csr(3, 3, new int[]{0, 2, 2, 5}, new int[]{0, 2, 0, 1, 2}, new double[]{1, -2, -3, 4, 0.5});
    }

    @Test
    void absoluteSumsOfDenseAndCsrAgree() {
        for (ExplicitMatrix k : new ExplicitMatrix[]{ExplicitMatrix.dense(Tensor.matrix(ENTRIES)), csr()}) {
            assertArrayEquals(new double[]{3, 0, 7.5}, k.absoluteRowSums().toArray(), 0);
            assertArrayEquals(new double[]{4, 4, 2.5}, k.absoluteColumnSums().toArray(), 0);
        }
        assertArrayEquals(ExplicitMatrix.dense(Tensor.matrix(ENTRIES)).apply(Tensor.vector(1, 2, 3)).toArray(),
                csr().apply(Tensor.vector(1, 2, 3)).toArray(), 1e-15);
    }

    @Nested
    class Dense extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return ExplicitMatrix.dense(Tensor.randn(8, 7, 5));
        }
    }

    @Nested
    class Csr extends LinearOperatorContract {
        @Override
        protected LinearOperator operator() {
            return csr();
        }
    }
}
