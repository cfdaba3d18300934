package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class SubsampleTest {

    @Test
    void picksFlatIndicesAndScattersBackWithZeros() {
        LinearOperator s = Operators.subsample(new int[]{2, 3}, new int[]{5, 0, 3});
        Tensor x = Tensor.of(new double[]{10, 11, 12, 13, 14, 15}, 2, 3);
        assertEquals(Tensor.vector(15, 10, 13), s.apply(x));
        assertEquals(Tensor.of(new double[]{2, 0, 0, 3, 0, 1}, 2, 3), s.adjoint(Tensor.vector(1, 2, 3)));
    }

    @Test
    void maskKeepsTrueEntriesInRowMajorOrder() {
        boolean[] keep = {true, false, false, true, true, false};
        LinearOperator m = Operators.mask(keep, 3, 2);
        assertArrayEquals(new int[]{3}, m.rangeShape());
        Tensor x = Tensor.of(new double[]{1, 2, 3, 4, 5, 6}, 3, 2);
        assertEquals(Tensor.vector(1, 4, 5), m.apply(x));
        assertEquals(Tensor.of(new double[]{1, 0, 0, 4, 5, 0}, 3, 2), m.adjoint(m.apply(x)));
        assertArrayEquals(new int[]{0}, Operators.mask(new boolean[4], 2, 2).rangeShape());
    }

    @Test
    void duplicateIndexIsNamedWithBothPositions() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> Operators.subsample(new int[]{10}, new int[]{4, 7, 1, 7}));
        assertEquals("BadParameter", e.id());
        assertTrue(e.getMessage().contains("index 7 appears twice") && e.getMessage().contains("positions 1 and 3"),
                e.getMessage());
    }

    @Test
    void outOfRangeIndexIsNamed() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> Operators.subsample(new int[]{2, 3}, new int[]{0, 6}));
        assertTrue(e.getMessage().contains("index 6 at position 1") && e.getMessage().contains("[0, 6)")
                && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(FixpointException.class, () -> Operators.subsample(new int[]{4}, new int[]{-1}));
    }

    @Test
    void maskOfTheWrongLengthIsNamed() {
        FixpointException e = assertThrows(FixpointException.class, () -> Operators.mask(new boolean[5], 2, 3));
        assertTrue(e.getMessage().contains("5 flags") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("6 elements"), e.getMessage());
    }
}
