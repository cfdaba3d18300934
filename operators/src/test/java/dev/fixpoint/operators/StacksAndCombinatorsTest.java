package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class StacksAndCombinatorsTest {
    private final LinearOperator grad = Operators.gradient2d(3, 4);
    private final LinearOperator dense = Operators.dense(Fixtures.matrix(81, 5, 12));
    private final LinearOperator weights = Operators.diagonal(Tensor.randn(82, 3, 4));

    @Test
    void vstackConcatenatesTheFlattenedRanges() {
        LinearOperator mask = Operators.mask(MaskContractTest.everyThird(12), 3, 4);
        LinearOperator v = LinearOperators.vstack(grad, mask, weights);
        assertArrayEquals(new int[]{3, 4}, v.domainShape());
        assertArrayEquals(new int[]{24 + 4 + 12}, v.rangeShape());
        Tensor x = Tensor.randn(83, 3, 4);
        Tensor expected = Tensor.concat(0, grad.apply(x).flatten(), mask.apply(x), weights.apply(x).flatten());
        assertTrue(v.apply(x).allClose(expected, 1e-15, 1e-15));
    }

    @Test
    void hstackSumsTheBlocks() {
        LinearOperator a = Operators.dense(Fixtures.matrix(84, 4, 3));
        LinearOperator b = Operators.subsample(new int[]{2, 5}, new int[]{9, 1, 4, 6});
        LinearOperator h = LinearOperators.hstack(a, b);
        assertArrayEquals(new int[]{3 + 10}, h.domainShape());
        assertArrayEquals(new int[]{4}, h.rangeShape());
        Tensor x1 = Tensor.randn(85, 3);
        Tensor x2 = Tensor.randn(86, 2, 5);
        Tensor expected = a.apply(x1).add(b.apply(x2));
        assertTrue(h.apply(Tensor.concat(0, x1, x2.flatten())).allClose(expected, 1e-15, 1e-15));
        Tensor y = Tensor.randn(87, 4);
        assertTrue(h.adjoint(y).allClose(Tensor.concat(0, a.adjoint(y), b.adjoint(y).flatten()), 1e-15, 1e-15));
    }

    @Test
    void blockDiagonalActsBlockwise() {
        LinearOperator bd = LinearOperators.blockDiagonal(grad, dense);
        assertArrayEquals(new int[]{12 + 12}, bd.domainShape());
        assertArrayEquals(new int[]{24 + 5}, bd.rangeShape());
        Tensor x1 = Tensor.randn(88, 3, 4);
        Tensor x2 = Tensor.randn(89, 12);
        Tensor expected = Tensor.concat(0, grad.apply(x1).flatten(), dense.apply(x2));
        assertTrue(bd.apply(Tensor.concat(0, x1.flatten(), x2)).allClose(expected, 1e-15, 1e-15));
        assertTrue(Fixtures.denseOf(bd).transpose().allClose(Fixtures.denseOf(bd.transposed()), 1e-15, 1e-15));
    }

    @Test
    void vstackDomainMismatchNamesOperatorsAndShapes() {
        LinearOperator other = Operators.identity(4, 3);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> LinearOperators.vstack(grad, weights, other));
        String m = e.getMessage();
        assertTrue(m.contains("Gradient2d[3×4]") && m.contains("operator 2") && m.contains("Identity[4, 3]")
                && m.contains("[3, 4]") && m.contains("[4, 3]") && m.contains("domain"), m);
    }

    @Test
    void hstackRangeMismatchNamesOperatorsAndShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> LinearOperators.hstack(dense, grad));
        String m = e.getMessage();
        assertTrue(m.contains("DenseMatrix[5×12]") && m.contains("Gradient2d[3×4]") && m.contains("[5]")
                && m.contains("[2, 3, 4]") && m.contains("range"), m);
    }

    @Test
    void emptyOrNullStacksAreRejected() {
        FixpointException e = assertThrows(FixpointException.class, LinearOperators::blockDiagonal);
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        FixpointException n = assertThrows(FixpointException.class, () -> LinearOperators.vstack(grad, null));
        assertTrue(n.getMessage().contains("operator 1 is null"), n.getMessage());
    }

    @Test
    void composeAndSumMismatchesNameOperatorsAndShapes() {
        ShapeMismatchException c = assertThrows(ShapeMismatchException.class, () -> dense.compose(grad));
        assertTrue(c.getMessage().contains("DenseMatrix[5×12]") && c.getMessage().contains("Gradient2d[3×4]")
                && c.getMessage().contains("[2, 3, 4]") && c.getMessage().contains("[12]"), c.getMessage());
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class, () -> grad.plus(weights));
        assertTrue(s.getMessage().contains("Gradient2d[3×4]") && s.getMessage().contains("Diagonal[3, 4]")
                && s.getMessage().contains("[2, 3, 4]"), s.getMessage());
    }

    @Test
    void singleOperandStacksBehaveLikeTheOperand() {
        Tensor x = Tensor.randn(90, 3, 4);
        assertTrue(LinearOperators.vstack(grad).apply(x).allClose(grad.apply(x).flatten(), 0, 0));
        Tensor y = Tensor.randn(91, 2, 3, 4);
        assertTrue(LinearOperators.hstack(grad).adjoint(y).allClose(grad.adjoint(y).flatten(), 0, 0));
    }
}
