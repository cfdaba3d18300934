package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import org.junit.jupiter.api.Test;

class DenseMatrixTest {

    @Test
    void applyAndAdjointMatchNaiveLoops() {
        Tensor a = Fixtures.matrix(31, 6, 4);
        LinearOperator op = Operators.dense(a);
        assertArrayEquals(new int[]{4}, op.domainShape());
        assertArrayEquals(new int[]{6}, op.rangeShape());
        Tensor x = Tensor.randn(32, 4);
        Tensor y = Tensor.randn(33, 6);
        assertTrue(op.apply(x).allClose(Fixtures.naiveMatvec(a, false, x), 1e-14, 1e-14));
        assertTrue(op.adjoint(y).allClose(Fixtures.naiveMatvec(a, true, y), 1e-14, 1e-14));
    }

    @Test
    void theMatrixIsCopied() {
        Tensor a = Fixtures.matrix(34, 3, 3);
        LinearOperator op = Operators.dense(a);
        Tensor x = Tensor.randn(35, 3);
        Tensor before = op.apply(x);
        a.fill(0);
        assertEquals(before, op.apply(x));
    }

    @Test
    void normEstimateMatchesTheLargestSingularValue() {
        for (int[] mn : new int[][]{{7, 5}, {5, 9}, {12, 12}}) {
            Tensor a = Fixtures.matrix(36 + mn[0], mn[0], mn[1]);
            double sigma = LinearAlgebra.current().svd(a).s().get(0);
            double estimate = Operators.dense(a).normEstimate(1e-13, 100_000);
            assertEquals(sigma, estimate, 1e-6 * sigma, "‖A‖₂ of a " + mn[0] + "×" + mn[1] + " matrix");
        }
    }

    @Test
    void rejectsNonMatricesAndNonFiniteEntries() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> Operators.dense(Tensor.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        Tensor bad = Tensor.zeros(2, 2);
        bad.set(Double.NaN, 1, 0);
        FixpointException f = assertThrows(FixpointException.class, () -> Operators.dense(bad));
        assertEquals("NonFinite", f.id());
    }
}
