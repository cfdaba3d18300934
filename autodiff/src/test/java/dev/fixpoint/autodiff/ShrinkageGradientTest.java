package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.magnitudesAvoiding;
import static dev.fixpoint.autodiff.Points.uniform;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Soft thresholding with broadcast thresholds, and clamping. Evaluation points keep {@code |x|}
 * out of {@code [0.29, 0.61]} while θ ∈ [0.3, 0.6), so no element is near the kink {@code |x| = θ};
 * clamp inputs stay 0.1 away from the bounds.
 */
class ShrinkageGradientTest {

    private static Tensor x(long seed, int... shape) {
        return magnitudesAvoiding(seed, 0.29, 0.61, shape);
    }

    private static Tensor theta(long seed, int... shape) {
        return uniform(seed, 0.3, 0.6, shape);
    }

    @Test
    void valuesFollowTheDefinition() {
        Tensor y = Ops.softThreshold(Var.constant(Tensor.vector(-2, -0.5, 0, 0.3, 1.5)), Var.constant(0.5)).value();
        assertArrayEquals(new double[]{-1.5, 0, 0, 0, 1.0}, y.toArray(), 0);
        Tensor rows = Ops.softThreshold(Var.constant(Tensor.of(new double[]{1, 1, 1, 1}, 2, 2)),
                Var.constant(Tensor.of(new double[]{0.25, 0.75}, 2, 1))).value();
        assertArrayEquals(new double[]{0.75, 0.75, 0.25, 0.25}, rows.toArray(), 0);
    }

    @Test
    void gradientsWithRespectToXAndBroadcastThresholds() {
        Tensor x = x(1, 3, 4);
        assertGradients("softThreshold θ same shape", v -> Ops.softThreshold(v[0], v[1]), x, theta(2, 3, 4));
        assertGradients("softThreshold θ scalar", v -> Ops.softThreshold(v[0], v[1]), x, theta(3));
        assertGradients("softThreshold θ row [n]", v -> Ops.softThreshold(v[0], v[1]), x, theta(4, 4));
        assertGradients("softThreshold θ [1,n]", v -> Ops.softThreshold(v[0], v[1]), x, theta(5, 1, 4));
        assertGradients("softThreshold θ column [m,1]", v -> Ops.softThreshold(v[0], v[1]), x, theta(6, 3, 1));
        assertGradients("softThreshold rank 3, θ [1,3,1]", v -> Ops.softThreshold(v[0], v[1]),
                x(7, 2, 3, 4), theta(8, 1, 3, 1));
        assertGradients("softThreshold rank 0", v -> Ops.softThreshold(v[0], v[1]), Tensor.scalar(1.2), theta(9));
        assertGradients("softThreshold empty", v -> Ops.softThreshold(v[0], v[1]), Tensor.zeros(0, 4), theta(10, 4));
        // LISTA: θ learned per feature, applied to z = W·b; θ is set from z so that every |zᵢ| is
        // 0.3 below its threshold or half above it (no kink within the steps)
        Tensor w = Points.randn(13, 4, 5);
        Tensor b = Points.randn(11, 5);
        Tensor lista = w.matvec(b).map(z -> Math.abs(z) > 0.2 ? 0.5 * Math.abs(z) : Math.abs(z) + 0.3);
        assertGradients("lista step", v -> Ops.softThreshold(Ops.matvec(v[2], false, v[0]), v[1]), b, lista, w);
    }

    @Test
    void aThresholdThatDoesNotBroadcastToXIsRejected() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Ops.softThreshold(Var.constant(Tensor.zeros(3, 4)), Var.constant(Tensor.zeros(2, 3, 4))));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("[3, 4]") && e.getMessage().contains("[2, 3, 4]"));
        assertThrows(ShapeMismatchException.class,
                () -> Ops.softThreshold(Var.constant(Tensor.zeros(3, 4)), Var.constant(Tensor.zeros(3))));
    }

    @Test
    void clamp() {
        Tensor y = Ops.clamp(Var.constant(Tensor.vector(-3, -0.5, 0.2, 4)), -1, 1).value();
        assertArrayEquals(new double[]{-1, -0.5, 0.2, 1}, y.toArray(), 0);
        // |x| avoids [0.9, 1.1]: no element near the bounds ±1
        assertGradients("clamp", v -> Ops.clamp(v[0], -1, 1), magnitudesAvoiding(14, 0.9, 1.1, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> Ops.clamp(Var.constant(1.0), 1, 0));
    }
}
