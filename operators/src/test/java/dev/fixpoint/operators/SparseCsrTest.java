package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class SparseCsrTest {

    @Test
    void agreesWithTheDenseOperatorOfTheSameMatrix() {
        Tensor d = Fixtures.sparseDense(41, 13, 8);
        LinearOperator csr = Fixtures.csrOf(d);
        LinearOperator dense = Operators.dense(d);
        for (int trial = 0; trial < 3; trial++) {
            Tensor x = Tensor.randn(42 + trial, 8);
            Tensor y = Tensor.randn(52 + trial, 13);
            assertTrue(csr.apply(x).allClose(dense.apply(x), 1e-14, 1e-14));
            assertTrue(csr.adjoint(y).allClose(dense.adjoint(y), 1e-14, 1e-14));
        }
        assertEquals(d, ((SparseCsr) csr).toDense());
    }

    @Test
    void explicitArraysGiveTheExpectedProducts() {
        // [[1, 0, 2], [0, 0, 0], [0, 3, 0]]
        LinearOperator a = Operators.sparseCsr(3, 3, new int[]{0, 2, 2, 3}, new int[]{0, 2, 1}, new double[]{1, 2, 3});
        assertEquals(Tensor.vector(7, 0, 6), a.apply(Tensor.vector(1, 2, 3)));
        assertEquals(Tensor.vector(1, 3, 2), a.adjoint(Tensor.vector(1, 5, 1)));
    }

    @Test
    void builderSortsAndSumsDuplicateEntries() {
        LinearOperator a = Operators.csrBuilder(2, 4).add(1, 3, 1).add(0, 2, 5).add(1, 0, 2).add(1, 3, 0.5).add(0, 1, -1)
                .build();
        SparseCsr csr = (SparseCsr) a;
        assertEquals(4, csr.nonZeros());
        assertEquals(Tensor.matrix(new double[][]{{0, -1, 5, 0}, {2, 0, 0, 1.5}}), csr.toDense());
        assertArrayEquals(new int[]{4}, a.domainShape());
        assertArrayEquals(new int[]{2}, a.rangeShape());
    }

    @Test
    void emptyMatrixAppliesToZero() {
        LinearOperator a = Operators.csrBuilder(3, 2).build();
        assertEquals(Tensor.zeros(3), a.apply(Tensor.vector(1, 2)));
        assertEquals(Tensor.zeros(2), a.adjoint(Tensor.vector(1, 2, 3)));
    }

    @Test
    void outOfRangeColumnIsNamed() {
        FixpointException e = assertThrows(FixpointException.class, () -> Operators.sparseCsr(2, 3,
                new int[]{0, 1, 2}, new int[]{1, 7}, new double[]{1, 1}));
        assertEquals("BadParameter", e.id());
        assertTrue(e.getMessage().contains("column index 7") && e.getMessage().contains("row 1")
                && e.getMessage().contains("[0, 3)"), e.getMessage());
        FixpointException negative = assertThrows(FixpointException.class, () -> Operators.sparseCsr(1, 3,
                new int[]{0, 1}, new int[]{-2}, new double[]{1}));
        assertTrue(negative.getMessage().contains("column index -2"), negative.getMessage());
    }

    @Test
    void unsortedOrRepeatedColumnsAreNamed() {
        FixpointException e = assertThrows(FixpointException.class, () -> Operators.sparseCsr(1, 5,
                new int[]{0, 3}, new int[]{0, 4, 2}, new double[]{1, 1, 1}));
        assertTrue(e.getMessage().contains("column index 2") && e.getMessage().contains("follows column 4")
                && e.getMessage().contains("strictly increasing"), e.getMessage());
        FixpointException dup = assertThrows(FixpointException.class, () -> Operators.sparseCsr(1, 5,
                new int[]{0, 2}, new int[]{3, 3}, new double[]{1, 1}));
        assertTrue(dup.getMessage().contains("column index 3") && dup.getMessage().contains("follows column 3"),
                dup.getMessage());
    }

    @Test
    void inconsistentRowPointersAreNamed() {
        FixpointException length = assertThrows(FixpointException.class, () -> Operators.sparseCsr(3, 3,
                new int[]{0, 1}, new int[]{0}, new double[]{1}));
        assertTrue(length.getMessage().contains("length 2") && length.getMessage().contains("4"), length.getMessage());
        FixpointException decreasing = assertThrows(FixpointException.class, () -> Operators.sparseCsr(2, 3,
                new int[]{0, 2, 1}, new int[]{0}, new double[]{1}));
        assertTrue(decreasing.getMessage().contains("rowPtr"), decreasing.getMessage());
        FixpointException mismatch = assertThrows(FixpointException.class, () -> Operators.sparseCsr(1, 3,
                new int[]{0, 1}, new int[]{0}, new double[]{1, 2}));
        assertTrue(mismatch.getMessage().contains("colIdx has length 1") && mismatch.getMessage().contains("values has length 2"),
                mismatch.getMessage());
        FixpointException nonFinite = assertThrows(FixpointException.class, () -> Operators.sparseCsr(1, 3,
                new int[]{0, 1}, new int[]{2}, new double[]{Double.POSITIVE_INFINITY}));
        assertEquals("NonFinite", nonFinite.id());
    }

    @Test
    void builderRejectsEntriesOutsideTheMatrix() {
        CsrBuilder b = Operators.csrBuilder(2, 3);
        FixpointException e = assertThrows(FixpointException.class, () -> b.add(1, 3, 1.0));
        assertTrue(e.getMessage().contains("(1, 3)") && e.getMessage().contains("2×3"), e.getMessage());
        assertThrows(FixpointException.class, () -> b.add(-1, 0, 1.0));
        assertThrows(FixpointException.class, () -> Operators.csrBuilder(-1, 2));
    }
}
