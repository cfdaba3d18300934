package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Incompatible shapes throw {@link ShapeMismatchException} naming both shapes. */
class ShapeErrorsTest {

    private static Var c(int... shape) {
        return Var.constant(Tensor.zeros(shape));
    }

    private static void namesBoth(String left, String right, Executable call) {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, call);
        assertEquals("ShapeMismatch", e.id());
        assertTrue(e.getMessage().contains(left) && e.getMessage().contains(right), e.getMessage());
    }

    @Test
    void broadcastingMismatchesInArithmetic() {
        List<BinaryOperator<Var>> ops = List.of(Ops::add, Ops::sub, Ops::mul, Ops::div);
        for (BinaryOperator<Var> op : ops) {
            namesBoth("[3, 4]", "[3]", () -> op.apply(c(3, 4), c(3)));
            namesBoth("[2, 3, 4]", "[2, 4]", () -> op.apply(c(2, 3, 4), c(2, 4)));
            namesBoth("[0, 3]", "[2]", () -> op.apply(c(0, 3), c(2)));
        }
        namesBoth("[3, 1]", "[2, 5]", () -> Ops.broadcastTo(c(3, 1), new int[]{2, 5}));
        namesBoth("[2, 5]", "[3]", () -> Ops.sumTo(c(2, 5), new int[]{3}));
    }

    @Test
    void mismatchesInProductsJoinsAndLosses() {
        namesBoth("[3, 4]", "[3]", () -> Ops.matvec(c(3, 4), false, c(3)));
        namesBoth("[3, 4]", "[4]", () -> Ops.matvec(c(3, 4), true, c(4)));
        namesBoth("[3]", "[4]", () -> Ops.dot(c(3), c(4)));
        namesBoth("[2, 3]", "[2, 4]", () -> Ops.mse(c(2, 3), c(2, 4)));
        namesBoth("[2, 3]", "[3, 3]", () -> Ops.concat(1, c(2, 3), c(3, 3)));
        namesBoth("[2, 3]", "[3, 2]", () -> Ops.stack(0, c(2, 3), c(3, 2)));
        namesBoth("[3, 4]", "[5, 4]", () -> Ops.matmul(c(3, 4), c(5, 4)));
        namesBoth("[2, 3]", "[2, 2]", () -> Ops.maskedSelect(c(2, 3), Tensor.zeros(2, 2)));
        assertThrows(ShapeMismatchException.class, () -> Ops.transpose(c(2, 3, 4)));
        assertThrows(ShapeMismatchException.class, () -> Ops.logSoftmax(c()));
    }
}
