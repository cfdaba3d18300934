package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.Points.uniform;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;

import dev.fixpoint.core.Tensor;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Gradient, JVP and Taylor checks of the arithmetic, broadcasting and shape primitives. */
class ArithmeticGradientTest {

    /** Pairs of broadcast-compatible shapes: scalar, row, column, [1, n], rank 3, size-1 dims, empty, rank 0. */
    static Stream<Arguments> shapePairs() {
        return Stream.of(
                Arguments.of(new int[]{3, 4}, new int[]{3, 4}),
                Arguments.of(new int[]{3, 4}, new int[]{}),
                Arguments.of(new int[]{3, 4}, new int[]{4}),
                Arguments.of(new int[]{3, 4}, new int[]{3, 1}),
                Arguments.of(new int[]{1, 4}, new int[]{3, 4}),
                Arguments.of(new int[]{2, 3, 4}, new int[]{3, 1}),
                Arguments.of(new int[]{2, 1, 4}, new int[]{3, 1}),
                Arguments.of(new int[]{1, 1}, new int[]{5}),
                Arguments.of(new int[]{0, 3}, new int[]{3}),
                Arguments.of(new int[]{}, new int[]{}));
    }

    private static void checkBinary(String name, BinaryOperator<Var> op, int[] as, int[] bs, boolean positiveB) {
        Tensor a = randn(1, as);
        Tensor b = positiveB ? uniform(2, 0.5, 2.0, bs) : randn(2, bs);
        assertGradients(name + " " + java.util.Arrays.toString(as) + " " + java.util.Arrays.toString(bs),
                v -> op.apply(v[0], v[1]), a, b);
    }

    @ParameterizedTest
    @MethodSource("shapePairs")
    void addSubMulDivWithBroadcasting(int[] as, int[] bs) {
        checkBinary("add", Ops::add, as, bs, false);
        checkBinary("sub", Ops::sub, as, bs, false);
        checkBinary("mul", Ops::mul, as, bs, false);
        checkBinary("div", Ops::div, as, bs, true); // denominators in [0.5, 2), away from the pole
    }

    @Test
    void scaleNegSumToBroadcastToReshape() {
        assertGradients("scale", v -> Ops.scale(v[0], -2.5), randn(3, 2, 3));
        assertGradients("neg", v -> Ops.neg(v[0]), randn(4, 3));
        assertGradients("neg rank 0", v -> Ops.neg(v[0]), Tensor.scalar(0.7));
        assertGradients("sumTo [2,3,4]→[3,1]", v -> Ops.sumTo(v[0], new int[]{3, 1}), randn(5, 2, 3, 4));
        assertGradients("sumTo →[]", v -> Ops.sumTo(v[0], new int[0]), randn(5, 2, 3));
        assertGradients("broadcastTo [3,1]→[2,3,4]", v -> Ops.broadcastTo(v[0], new int[]{2, 3, 4}), randn(6, 3, 1));
        assertGradients("broadcastTo []→[2,2]", v -> Ops.broadcastTo(v[0], new int[]{2, 2}), Tensor.scalar(1.3));
        assertGradients("reshape", v -> Ops.reshape(v[0], 3, -1, 2), randn(7, 2, 6));
        assertGradients("reshape to rank 0", v -> Ops.reshape(v[0]), randn(7, 1, 1));
    }

    @Test
    void sumOverAllElements() {
        assertGradients("sum rank 3", v -> Ops.sum(v[0]), randn(8, 2, 3, 2));
        assertGradients("sum rank 0", v -> Ops.sum(v[0]), Tensor.scalar(-0.4));
        assertGradients("sum empty", v -> Ops.sum(v[0]), Tensor.zeros(2, 0));
    }

    @Test
    void expTanhRelu() {
        assertGradients("exp", v -> Ops.exp(v[0]), randn(9, 3, 4));
        assertGradients("tanh", v -> Ops.tanh(v[0]), randn(10, 3, 4).mul(2.0));
        // relu: elements at least 0.1 away from its kink at 0
        assertGradients("relu", v -> Ops.relu(v[0]), Points.awayFromZero(11, 0.1, 3, 4));
        assertGradients("exp rank 0", v -> Ops.exp(v[0]), Tensor.scalar(0.3));
    }

    @Test
    void matmulWithEveryTranspositionAndDegenerateShapes() {
        Tensor a = randn(12, 3, 4);
        Tensor at = randn(13, 4, 3);
        Tensor b = randn(14, 4, 2);
        Tensor bt = randn(15, 2, 4);
        assertGradients("matmul NN", v -> Ops.matmul(v[0], false, v[1], false), a, b);
        assertGradients("matmul TN", v -> Ops.matmul(v[0], true, v[1], false), at, b);
        assertGradients("matmul NT", v -> Ops.matmul(v[0], false, v[1], true), a, bt);
        assertGradients("matmul TT", v -> Ops.matmul(v[0], true, v[1], true), at, bt);
        assertGradients("matmul [1,n]·[n,1]", v -> Ops.matmul(v[0], v[1]), randn(16, 1, 5), randn(17, 5, 1));
        assertGradients("matmul inner 0", v -> Ops.matmul(v[0], v[1]), Tensor.zeros(3, 0), Tensor.zeros(0, 2));
    }
}
