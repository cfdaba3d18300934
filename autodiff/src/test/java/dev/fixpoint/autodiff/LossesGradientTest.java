package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** mse, logSoftmax, crossEntropy. */
class LossesGradientTest {

    @Test
    void meanSquaredError() {
        Tensor p = randn(1, 3, 4);
        Tensor t = randn(2, 3, 4);
        assertEquals(p.sub(t).square().mean(), Ops.mse(Var.constant(p), Var.constant(t)).item(), 1e-15);
        assertGradients("mse", v -> Ops.mse(v[0], v[1]), p, t);
        assertGradients("mse rank 0", v -> Ops.mse(v[0], v[1]), Tensor.scalar(1), Tensor.scalar(-0.5));
    }

    @Test
    void logSoftmaxAlongTheLastAxis() {
        Tensor x = randn(3, 2, 3, 4).mul(2.0);
        Tensor y = Ops.logSoftmax(Var.constant(x)).value();
        assertEquals(1.0, y.slice(0, 1, 2).slice(1, 2, 3).exp().sum(), 1e-14);
        assertGradients("logSoftmax", v -> Ops.logSoftmax(v[0]), x);
        assertGradients("logSoftmax [n]", v -> Ops.logSoftmax(v[0]), randn(4, 5));
        assertGradients("logSoftmax one class", v -> Ops.logSoftmax(v[0]), randn(5, 3, 1));
    }

    @Test
    void crossEntropyOfLogits() {
        Tensor z = randn(6, 4, 3).mul(2.0);
        int[] labels = {0, 2, 1, 2};
        double expected = 0;
        for (int n = 0; n < 4; n++) {
            double lse = 0;
            for (int c = 0; c < 3; c++) {
                lse += Math.exp(z.get(n, c));
            }
            expected += Math.log(lse) - z.get(n, labels[n]);
        }
        assertEquals(expected / 4, Ops.crossEntropy(Var.constant(z), labels).item(), 1e-14);
        assertGradients("crossEntropy", v -> Ops.crossEntropy(v[0], labels), z);
        assertGradients("crossEntropy batch of one", v -> Ops.crossEntropy(v[0], new int[]{1}), randn(7, 1, 4));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor z = Tensor.of(new double[]{1000, -1000, 0, 800, 800, -5}, 2, 3);
        double loss = Ops.crossEntropy(Var.constant(z), new int[]{0, 1}).item();
        assertEquals(0.5 * Math.log(2), loss, 1e-12);
        Tensor g = Autodiff.grad(v -> Ops.crossEntropy(v, new int[]{0, 1}), z);
        assertTrue(g.isFinite());
        assertEquals(0.25, g.get(1, 0), 1e-12);
        assertEquals(-0.25, g.get(1, 1), 1e-12);
    }

    @Test
    void badLabelsAreRejected() {
        Var z = Var.constant(Tensor.zeros(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.crossEntropy(z, new int[]{0, 3}));
        assertTrue(e.getMessage().contains("label 3 at index 1"), e.getMessage());
        assertThrows(dev.fixpoint.core.ShapeMismatchException.class, () -> Ops.crossEntropy(z, new int[]{0}));
    }
}
