package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** conv2d against a direct loop, and its derivatives for every padding mode and strides 1 and 2. */
class Conv2dGradientTest {

    /** The definition, as a direct loop. */
    private static Tensor naive(Tensor x, Tensor w, int stride, int padTop, int padLeft, int oh, int ow) {
        int n = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int wd = x.dim(3);
        int k = w.dim(0);
        int kh = w.dim(2);
        int kw = w.dim(3);
        Tensor out = Tensor.zeros(n, k, oh, ow);
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < k; o++) {
                for (int p = 0; p < oh; p++) {
                    for (int q = 0; q < ow; q++) {
                        double s = 0;
                        for (int ch = 0; ch < c; ch++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int ii = p * stride + i - padTop;
                                    int jj = q * stride + j - padLeft;
                                    if (ii >= 0 && ii < h && jj >= 0 && jj < wd) {
                                        s += w.get(o, ch, i, j) * x.get(b, ch, ii, jj);
                                    }
                                }
                            }
                        }
                        out.set(s, b, o, p, q);
                    }
                }
            }
        }
        return out;
    }

    private static Tensor conv(Tensor x, Tensor w, int stride, Padding padding) {
        return Ops.conv2d(Var.constant(x), Var.constant(w), stride, padding).value();
    }

    @Test
    void matchesTheDefinitionForEveryPaddingMode() {
        Tensor x = randn(1, 2, 3, 6, 5);
        Tensor w = randn(2, 4, 3, 3, 2);
        Tensor zero = conv(x, w, 1, Padding.zero(1));
        assertArrayEquals(new int[]{2, 4, 6, 6}, zero.shape());
        assertTrue(zero.allClose(naive(x, w, 1, 1, 1, 6, 6), 1e-13, 1e-13));
        Tensor valid = conv(x, w, 2, Padding.VALID);
        assertArrayEquals(new int[]{2, 4, 2, 2}, valid.shape());
        assertTrue(valid.allClose(naive(x, w, 2, 0, 0, 2, 2), 1e-13, 1e-13));
        // SAME, stride 1, kernel 3×2: rows pad 1 before 1 after; columns pad 0 before 1 after
        Tensor same = conv(x, w, 1, Padding.SAME);
        assertArrayEquals(new int[]{2, 4, 6, 5}, same.shape());
        assertTrue(same.allClose(naive(x, w, 1, 1, 0, 6, 5), 1e-13, 1e-13));
        // SAME, stride 2: OH = ⌈6/2⌉ = 3 (pad total 1: 0 before), OW = ⌈5/2⌉ = 3 (pad total 1: 0 before)
        Tensor same2 = conv(x, w, 2, Padding.SAME);
        assertArrayEquals(new int[]{2, 4, 3, 3}, same2.shape());
        assertTrue(same2.allClose(naive(x, w, 2, 0, 0, 3, 3), 1e-13, 1e-13));
    }

    @Test
    void gradientsWithRespectToInputAndKernel() {
        Tensor x = randn(3, 2, 2, 5, 4);
        Tensor w = randn(4, 3, 2, 3, 2);
        assertGradients("conv2d zero(1) stride 1", v -> Ops.conv2d(v[0], v[1], 1, Padding.zero(1)), x, w);
        assertGradients("conv2d valid stride 2", v -> Ops.conv2d(v[0], v[1], 2, Padding.VALID), x, w);
        assertGradients("conv2d same stride 1", v -> Ops.conv2d(v[0], v[1], 1, Padding.SAME), x, w);
        assertGradients("conv2d same stride 2", v -> Ops.conv2d(v[0], v[1], 2, Padding.SAME), x, w);
        assertGradients("conv2d 1×1 kernel, one image", v -> Ops.conv2d(v[0], v[1], 1, Padding.VALID),
                randn(5, 1, 3, 2, 2), randn(6, 2, 3, 1, 1));
        assertGradients("conv2d empty batch", v -> Ops.conv2d(v[0], v[1], 1, Padding.SAME),
                Tensor.zeros(0, 2, 4, 4), w);
    }

    @Test
    void secondDerivativesThroughTheAdjointFamily() {
        Tensor x = randn(7, 2, 2, 4, 4);
        Tensor w = randn(8, 2, 2, 3, 3);
        // tanh makes the Hessian involve conv, its input adjoint and its kernel adjoint
        GradientCheck.assertHessianVector("tanh(conv2d)", v -> Ops.tanh(Ops.conv2d(v[0], v[1], 1, Padding.SAME)), x, w);
        GradientCheck.assertHessianVector("conv2d²", v -> Ops.sum(Ops.pow(Ops.conv2d(v[0], v[1], 2, Padding.zero(1)), 2)), x, w);
    }

    @Test
    void badShapesAreRejected() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> conv(Tensor.zeros(1, 2, 4, 4), Tensor.zeros(3, 1, 3, 3), 1, Padding.SAME));
        assertTrue(e.getMessage().contains("[1, 2, 4, 4]") && e.getMessage().contains("[3, 1, 3, 3]"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> conv(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3), 1, Padding.VALID));
        assertThrows(IllegalArgumentException.class, () -> conv(Tensor.zeros(1, 1, 4, 4), Tensor.zeros(1, 1, 3, 3), 0, Padding.VALID));
        assertThrows(IllegalArgumentException.class, () -> Padding.zero(-1));
    }
}
