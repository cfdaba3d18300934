package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class FiniteDifference1dTest {
    private static final Tensor X = Tensor.vector(1, 4, 9, 16, 25);

    @Test
    void forwardDifferencesForEachBoundary() {
        assertEquals(Tensor.vector(3, 5, 7, 9), Operators.finiteDifference1d(5, DifferenceBoundary.FREE).apply(X));
        assertEquals(Tensor.vector(3, 5, 7, 9, 0), Operators.finiteDifference1d(5, DifferenceBoundary.NEUMANN).apply(X));
        assertEquals(Tensor.vector(3, 5, 7, 9, -24), Operators.finiteDifference1d(5, DifferenceBoundary.PERIODIC).apply(X));
    }

    @Test
    void adjointIsNegativeDivergence() {
        Tensor y = Tensor.vector(1, 2, 3, 4, 5);
        // −div: (Dᵀy)[i] = y[i-1] − y[i]
        assertEquals(Tensor.vector(-1, -1, -1, -1, 4),
                Operators.finiteDifference1d(5, DifferenceBoundary.FREE).adjoint(Tensor.vector(1, 2, 3, 4)));
        assertEquals(Tensor.vector(-1, -1, -1, -1, 4), Operators.finiteDifference1d(5, DifferenceBoundary.NEUMANN).adjoint(y));
        assertEquals(Tensor.vector(4, -1, -1, -1, -1), Operators.finiteDifference1d(5, DifferenceBoundary.PERIODIC).adjoint(y));
    }

    @Test
    void adjointIsTheTransposeOfTheExplicitMatrixAndNormIsBelowTwo() {
        for (DifferenceBoundary b : DifferenceBoundary.values()) {
            LinearOperator d = Operators.finiteDifference1d(8, b);
            Tensor m = Fixtures.denseOf(d);
            Tensor y = Tensor.randn(71, d.rangeShape());
            assertTrue(d.adjoint(y).allClose(Fixtures.naiveMatvec(m, true, y), 1e-15, 1e-15), b.toString());
            assertTrue(d.normEstimate(1e-9, 100_000) <= 2 + 1e-12, b + ": ‖D‖ ≤ 2");
        }
        assertArrayEquals(new int[]{7}, Operators.finiteDifference1d(8, DifferenceBoundary.FREE).rangeShape());
    }

    @Test
    void badParametersAreNamed() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> Operators.finiteDifference1d(1, DifferenceBoundary.FREE));
        assertTrue(e.getMessage().contains("n = 1") && e.getMessage().contains("≥ 2"), e.getMessage());
        FixpointException none = assertThrows(FixpointException.class, () -> Operators.finiteDifference1d(4, null));
        assertTrue(none.getMessage().contains("PERIODIC"), none.getMessage());
        assertEquals(Tensor.zeros(1), Operators.finiteDifference1d(1, DifferenceBoundary.PERIODIC).apply(Tensor.vector(3)));
    }
}
