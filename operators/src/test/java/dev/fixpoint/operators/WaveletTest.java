package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wavelet filters, orthonormality and reconstruction of {@link Wavelet2d}, its layout and compression. */
class WaveletTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @ParameterizedTest
    @EnumSource(WaveletFamily.class)
    void filtersAreOrthonormalQuadratureMirrorsWithTheirVanishingMoments(WaveletFamily family) {
        double[] h = family.lowPass();
        double[] g = family.highPass();
        int taps = family.taps();
        assertEquals(Math.sqrt(2), Arrays.stream(h).sum(), 1e-15, family + ": Σh");
        for (int m = 0; 2 * m < taps; m++) {
            double hh = 0;
            double gg = 0;
            for (int k = 0; k + 2 * m < taps; k++) {
                hh += h[k] * h[k + 2 * m];
                gg += g[k] * g[k + 2 * m];
            }
            assertEquals(m == 0 ? 1 : 0, hh, 1e-15, family + ": Σ h_k h_{k+2m}, m = " + m);
            assertEquals(m == 0 ? 1 : 0, gg, 1e-15, family + ": Σ g_k g_{k+2m}, m = " + m);
        }
        for (int m = -taps / 2; m <= taps / 2; m++) {
            double hg = 0;
            for (int k = 0; k < taps; k++) {
                int j = k + 2 * m;
                if (j >= 0 && j < taps) {
                    hg += h[k] * g[j];
                }
            }
            assertEquals(0, hg, 1e-15, family + ": Σ h_k g_{k+2m}, m = " + m);
        }
        int moments = taps / 2;  // Daubechies' filters of length 2N have N vanishing moments
        for (int p = 0; p < moments; p++) {
            double s = 0;
            double scale = 0;
            for (int k = 0; k < taps; k++) {
                s += Math.pow(k, p) * g[k];
                scale += Math.pow(k, p) * Math.abs(g[k]);
            }
            assertEquals(0, s, 1e-14 * scale, family + ": moment " + p + " of g");
        }
    }

    @Test
    void haarOn2x2IsTheHandComputedTransform() {
        Tensor x = Tensor.matrix(new double[][]{{1, 2}, {3, 5}});
        Tensor y = FourierOperators.wavelet2d(2, 2, WaveletFamily.HAAR, 1).apply(x);
        // [[a+b+c+d, a−b+c−d], [a+b−c−d, a−b−c+d]]/2
        Tensor expected = Tensor.matrix(new double[][]{{5.5, -1.5}, {-2.5, 0.5}});
        assertTrue(y.sub(expected).normInf() < 1e-15, "Haar 2×2: " + y);
    }

    @Test
    void haarOn4x4WithTwoLevelsIsTheHandComputedTransform() {
        Tensor x = Tensor.arange(16).reshape(4, 4);  // x[i, j] = 4i + j
        Tensor y = FourierOperators.wavelet2d(4, 4, WaveletFamily.HAAR, 2).apply(x);
        // level 1: [[5, 9, −1, −1], [21, 25, −1, −1], [−4, −4, 0, 0], [−4, −4, 0, 0]]; level 2 on the top-left 2×2
        Tensor expected = Tensor.matrix(new double[][]{
                {30, -4, -1, -1},
                {-16, 0, -1, -1},
                {-4, -4, 0, 0},
                {-4, -4, 0, 0}});
        assertTrue(y.sub(expected).normInf() < 1e-13, "Haar 4×4, 2 levels: " + y);
    }

    @ParameterizedTest
    @EnumSource(WaveletFamily.class)
    void aConstantImageLeavesOnlyTheCoarsestApproximation(WaveletFamily family) {
        Tensor y = FourierOperators.wavelet2d(16, 8, family, 3).apply(Tensor.full(1.5, 16, 8));
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 8; j++) {
                double expected = i < 2 && j < 1 ? 1.5 * 8 : 0;  // each 2-D level multiplies the mean by 2
                assertEquals(expected, y.get(i, j), 1e-13, family + " at (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void detailsOfPolynomialsVanishAwayFromTheWrapAround() {
        // N vanishing moments: level-1 details of a polynomial of degree < N in each variable are 0
        // wherever the filter does not wrap (2m + L ≤ n), which checks the coefficients themselves.
        int h = 32;
        int w = 24;
        for (WaveletFamily family : WaveletFamily.values()) {
            int degree = family.taps() / 2 - 1;
            Tensor x = Tensor.zeros(h, w);
            double max = 0;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double v = 1 + Math.pow(i, degree) - 2 * Math.pow(j, degree) + 0.5 * Math.pow(i * j, degree);
                    x.set(v, i, j);
                    max = Math.max(max, Math.abs(v));
                }
            }
            Tensor y = FourierOperators.wavelet2d(h, w, family, 1).apply(x);
            int checked = 0;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    boolean rowDetail = c >= w / 2 && 2 * (c - w / 2) + family.taps() <= w;
                    boolean colDetail = r >= h / 2 && 2 * (r - h / 2) + family.taps() <= h;
                    if (rowDetail || colDetail) {
                        checked++;
                        assertEquals(0, y.get(r, c), 1e-13 * max, family + ": detail at (" + r + ", " + c + ")");
                    }
                }
            }
            assertTrue(checked > h * w / 2, "checked " + checked + " coefficients");
        }
    }

    @ParameterizedTest
    @EnumSource(WaveletFamily.class)
    void theTransformIsOrthonormalAndItsAdjointReconstructs(WaveletFamily family) {
        SplittableRandom rng = new SplittableRandom(21);
        double worstNorm = 0;
        double worstRecon = 0;
        int[][] cases = {{64, 64, 4}, {48, 32, 3}, {8, 16, 3}, {2, 2, 1}};
        for (int[] c : cases) {
            LinearOperator wt = FourierOperators.wavelet2d(c[0], c[1], family, c[2]);
            Tensor x = Tensor.randn(rng, c[0], c[1]);
            Tensor y = wt.apply(x);
            double normErr = Math.abs(y.norm() - x.norm()) / x.norm();
            double adjNormErr = Math.abs(wt.adjoint(x).norm() - x.norm()) / x.norm();
            double recon = wt.adjoint(y).sub(x).norm() / x.norm();
            double recon2 = wt.apply(wt.adjoint(x)).sub(x).norm() / x.norm();
            worstNorm = Math.max(worstNorm, Math.max(normErr, adjNormErr));
            worstRecon = Math.max(worstRecon, Math.max(recon, recon2));
            assertTrue(normErr < 1e-12 && adjNormErr < 1e-12, wt.name() + ": |‖Wx‖/‖x‖ − 1| = " + normErr);
            assertTrue(recon < 1e-12 && recon2 < 1e-12, wt.name() + ": ‖WᵀWx − x‖/‖x‖ = " + recon
                    + ", ‖WWᵀx − x‖/‖x‖ = " + recon2);
        }
        RESULTS.info("Wavelet2d {}: worst |‖Wx‖/‖x‖ − 1| = {}, worst reconstruction error {}", family, worstNorm, worstRecon);
    }

    @Test
    void aSmoothImageCompressesIntoFewCoefficients() {
        int n = 64;
        Tensor x = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double g = Math.exp(-((i - 32.0) * (i - 32.0) + (j - 28.0) * (j - 28.0)) / (2 * 8.0 * 8.0));
                x.set(g + 0.5 * Math.cos(2 * Math.PI * i / n) * Math.sin(4 * Math.PI * j / n), i, j);
            }
        }
        int keep = n * n / 50;  // 2 % of the coefficients (measured: Haar 0.931, db2 0.991, db4 0.997; pixels 0.257)
        double pixels = energyFraction(x, keep);
        double[] fraction = new double[WaveletFamily.values().length];
        for (WaveletFamily family : WaveletFamily.values()) {
            fraction[family.ordinal()] = energyFraction(FourierOperators.wavelet2d(n, n, family, 4).apply(x), keep);
            RESULTS.info("64×64 smooth image, {} 4 levels: largest 2% of coefficients hold {} of the energy "
                    + "(largest 2% of pixels: {})", family, fraction[family.ordinal()], pixels);
        }
        assertTrue(pixels < 0.3, "the test image is not spread out in pixels: " + pixels);
        assertTrue(fraction[0] > 0.9, "HAAR: the largest " + keep + " coefficients hold only " + fraction[0]);
        assertTrue(fraction[1] > 0.98, "DAUBECHIES4: the largest " + keep + " coefficients hold only " + fraction[1]);
        assertTrue(fraction[2] > 0.995, "DAUBECHIES8: the largest " + keep + " coefficients hold only " + fraction[2]);
        // more vanishing moments: the tail of discarded energy shrinks
        assertTrue(1 - fraction[1] < 0.2 * (1 - fraction[0]) && 1 - fraction[2] < 0.5 * (1 - fraction[1]),
                "discarded energy should fall with the number of vanishing moments: " + Arrays.toString(fraction));
    }

    private static double energyFraction(Tensor t, int keep) {
        double[] sq = t.square().toArray();
        Arrays.sort(sq);
        double top = 0;
        for (int i = sq.length - keep; i < sq.length; i++) {
            top += sq[i];
        }
        return top / Arrays.stream(sq).sum();
    }

    @Test
    void sizesNotDivisibleByTwoToTheLevelsAreRejectedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FourierOperators.wavelet2d(12, 16, WaveletFamily.HAAR, 3));
        assertTrue(e.getMessage().contains("12×16") && e.getMessage().contains("2^levels = 8")
                && e.getMessage().contains("at most 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.wavelet2d(8, 8, WaveletFamily.DAUBECHIES4, 4));
        assertTrue(e.getMessage().contains("levels = 4") && e.getMessage().contains("at most 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.wavelet2d(7, 8, WaveletFamily.HAAR, 1));
        assertTrue(e.getMessage().contains("7×8") && e.getMessage().contains("at most 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.wavelet2d(8, 8, WaveletFamily.HAAR, 0));
        assertTrue(e.getMessage().contains("levels = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.wavelet2d(8, 8, null, 1));
        assertTrue(e.getMessage().contains("DAUBECHIES8"), e.getMessage());
    }
}
