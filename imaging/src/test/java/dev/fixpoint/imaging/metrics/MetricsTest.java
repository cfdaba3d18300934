package dev.fixpoint.imaging.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** PSNR, SSIM and NMSE against hand-derived values and an independent brute-force SSIM. */
class MetricsTest {

    private static Tensor pattern(int h, int w, boolean perturbed) {
        double[] d = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                d[i * w + j] = Math.sin(i / 3.0) + Math.cos(j / 5.0) + (perturbed ? 0.2 * Math.cos(i * j / 7.0) : 0);
            }
        }
        return Tensor.wrap(d, h, w);
    }

    @Test
    void ssimOfIdenticalImagesIsOne() {
        Tensor x = Tensor.randn(7L, 32, 40);
        assertEquals(1.0, Ssim.of(x, x.copy(), 5.0), 1e-15);
    }

    @Test
    void ssimOfConstantImagesIsTheLuminanceTermDerivedByHand() {
        // σx = σy = σxy = 0, so SSIM = (2ab + C1)/(a² + b² + C1) with C1 = (0.01 L)²
        double a = 0.3;
        double b = 0.7;
        double c1 = 1e-4;
        double expected = (2 * a * b + c1) / (a * a + b * b + c1);
        // the one-pass variance E[x²] − μ² leaves ~1e-17 of rounding, divided by C2 = 9e-4: ≤ 1e-12
        assertEquals(expected, Ssim.of(Tensor.full(a, 16, 16), Tensor.full(b, 16, 16), 1.0), 1e-12);
    }

    @Test
    void ssimMatchesNumpyBruteForceReferenceAndAJavaBruteForceWindow() {
        Tensor x = pattern(24, 20, false);
        Tensor y = pattern(24, 20, true);
        // numpy: explicit 11×11 outer-product Gaussian (σ = 1.5) over every valid window, L = 4
        assertEquals(0.9346539356064968, Ssim.of(x, y, 4.0), 1e-12);
        assertEquals(bruteForce(x, y, 4.0), Ssim.of(x, y, 4.0), 1e-12);
    }

    /** Direct 2-D window sums with the two-pass (centred) variance formula: a different code path. */
    private static double bruteForce(Tensor x, Tensor y, double l) {
        double[] g = new double[11];
        double s = 0;
        for (int k = 0; k < 11; k++) {
            g[k] = Math.exp(-(k - 5) * (k - 5) / 4.5);
            s += g[k];
        }
        int h = x.dim(0);
        int w = x.dim(1);
        double c1 = Math.pow(0.01 * l, 2);
        double c2 = Math.pow(0.03 * l, 2);
        double total = 0;
        for (int i = 0; i + 11 <= h; i++) {
            for (int j = 0; j + 11 <= w; j++) {
                double mx = 0;
                double my = 0;
                for (int a = 0; a < 11; a++) {
                    for (int b = 0; b < 11; b++) {
                        double wt = g[a] * g[b] / (s * s);
                        mx += wt * x.get(i + a, j + b);
                        my += wt * y.get(i + a, j + b);
                    }
                }
                double vx = 0;
                double vy = 0;
                double cxy = 0;
                for (int a = 0; a < 11; a++) {
                    for (int b = 0; b < 11; b++) {
                        double wt = g[a] * g[b] / (s * s);
                        double dx = x.get(i + a, j + b) - mx;
                        double dy = y.get(i + a, j + b) - my;
                        vx += wt * dx * dx;
                        vy += wt * dy * dy;
                        cxy += wt * dx * dy;
                    }
                }
                total += (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
            }
        }
        return total / ((h - 10) * (w - 10));
    }

    @Test
    void psnrAndNmseMatchHandValues() {
        Tensor ref = Tensor.full(0.5, 8, 8);
        Tensor test = Tensor.full(0.6, 8, 8);
        // MSE = 0.01, L = 1 → 20 dB; L = 2 → 20 + 20·log10(2) dB
        assertEquals(20.0, Psnr.of(ref, test, 1.0), 1e-12);
        assertEquals(20 + 20 * Math.log10(2), Psnr.of(ref, test, 2.0), 1e-12);
        assertEquals(20 * Math.log10(0.5 / 0.1), Psnr.withReferenceMaximum(ref, test), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(ref, ref.copy(), 1.0));
        // NMSE = 64·0.01 / (64·0.25) = 0.04
        assertEquals(0.04, Nmse.of(ref, test), 1e-15);
        assertEquals(10 * Math.log10(0.04), Nmse.decibels(ref, test), 1e-12);
    }

    @Test
    void badInputGivesClearErrors() {
        Tensor a = Tensor.zeros(16, 16);
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> Psnr.of(a, Tensor.zeros(16, 15), 1.0));
        assertTrue(shape.getMessage().contains("16, 15"), shape.getMessage());
        FixpointException range = assertThrows(FixpointException.class, () -> Ssim.of(a, a, 0.0));
        assertTrue(range.getMessage().startsWith("[fixpoint/InvalidParameter]"), range.getMessage());
        FixpointException small = assertThrows(FixpointException.class,
                () -> Ssim.of(Tensor.zeros(8, 30), Tensor.zeros(8, 30), 1.0));
        assertTrue(small.getMessage().contains("8×30"), small.getMessage());
        Tensor nan = Tensor.zeros(16, 16);
        nan.set(Double.NaN, 3, 4);
        FixpointException nonFinite = assertThrows(FixpointException.class, () -> Psnr.of(a, nan, 1.0));
        assertTrue(nonFinite.getMessage().contains("[fixpoint/NonFinite]"), nonFinite.getMessage());
        assertThrows(FixpointException.class, () -> Nmse.of(a, a));
    }
}
