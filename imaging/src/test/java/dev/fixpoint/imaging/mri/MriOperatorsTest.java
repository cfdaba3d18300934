package dev.fixpoint.imaging.mri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import org.junit.jupiter.api.Test;

/** The centred FFT against the DFT definition, isometry of the coil model, masking and bad input. */
class MriOperatorsTest {

    /** Direct O(n²) centred DFT: k-space index k ↔ frequency k − ⌊h/2⌋, image index i ↔ position i − ⌊h/2⌋. */
    private static Tensor centredDft(Tensor x, int h, int w) {
        Tensor out = Tensor.zeros(h, w, 2);
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        double phase = -2 * Math.PI * ((double) (k - h / 2) * (i - h / 2) / h
                                + (double) (l - w / 2) * (j - w / 2) / w);
                        double c = Math.cos(phase);
                        double s = Math.sin(phase);
                        double a = x.get(i, j, 0);
                        double b = x.get(i, j, 1);
                        re += a * c - b * s;
                        im += a * s + b * c;
                    }
                }
                out.set(re / Math.sqrt(h * w), k, l, 0);
                out.set(im / Math.sqrt(h * w), k, l, 1);
            }
        }
        return out;
    }

    @Test
    void centredFftMatchesTheDefinitionForEvenAndOddSizes() {
        for (int[] hw : new int[][]{{8, 6}, {7, 5}}) {
            Tensor x = Tensor.randn(11L, hw[0], hw[1], 2);
            Tensor fast = MriOperators.centredFft(hw[0], hw[1]).apply(x);
            Tensor slow = centredDft(x, hw[0], hw[1]);
            assertTrue(fast.allClose(slow, 0, 1e-12 * slow.norm()), "centred FFT " + hw[0] + "×" + hw[1]);
        }
        // a centred point source has a flat spectrum of value 1/√(hw)
        Tensor delta = Tensor.zeros(8, 6, 2);
        delta.set(1, 4, 3, 0);
        Tensor k = MriOperators.centredFft(8, 6).apply(delta);
        assertEquals(1 / Math.sqrt(48), k.get(0, 0, 0), 1e-15);
        assertEquals(0, k.get(5, 2, 1), 1e-15);
    }

    @Test
    void birdcageMapsAreNormalisedAndTheFullySampledModelIsAnIsometry() {
        Tensor s = CoilSensitivities.birdcage(8, 32, 24);
        assertTrue(CoilSensitivities.normalisationError(s) < 1e-14);
        LinearOperator full = MriOperators.multiCoil(s, null);
        Tensor x = Tensor.randn(5L, 32, 24, 2);
        assertEquals(x.norm(), full.apply(x).norm(), 1e-12 * x.norm());
        assertTrue(full.adjoint(full.apply(x)).allClose(x, 0, 1e-12 * x.norm()));
        assertEquals(1.0, full.normEstimate(1e-10, 1000), 1e-8);
    }

    @Test
    void maskZeroesUnsampledColumnsOnly() {
        SamplingMask mask = SamplingMask.equispaced(8, 16, 4, 0.125);
        LinearOperator a = MriOperators.singleCoil(mask);
        Tensor k = a.apply(Tensor.randn(2L, 8, 16, 2));
        Tensor full = MriOperators.centredFft(8, 16).apply(Tensor.randn(2L, 8, 16, 2));
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 8; i++) {
                if (mask.sampled(j)) {
                    assertEquals(full.get(i, j, 0), k.get(i, j, 0), 1e-14);
                } else {
                    assertEquals(0.0, k.get(i, j, 0));
                    assertEquals(0.0, k.get(i, j, 1));
                }
            }
        }
    }

    @Test
    void wrongMaskShapeAndNonFiniteDataAreRejected() {
        Tensor s = CoilSensitivities.birdcage(4, 16, 16);
        FixpointException shape = assertThrows(FixpointException.class,
                () -> MriOperators.multiCoil(s, SamplingMask.random(16, 12, 4, 0.08, 1)));
        assertTrue(shape.getMessage().startsWith("[fixpoint/MaskShape]") && shape.getMessage().contains("16×12")
                && shape.getMessage().contains("16×16"), shape.getMessage());
        LinearOperator a = MriOperators.multiCoil(s, SamplingMask.random(16, 16, 4, 0.08, 1));
        Tensor x = Tensor.zeros(16, 16, 2);
        x.set(Double.NaN, 3, 4, 1);
        FixpointException nan = assertThrows(FixpointException.class, () -> a.apply(x));
        assertTrue(nan.getMessage().contains("[fixpoint/NonFinite]") && nan.getMessage().contains("[3, 4, 1]"),
                nan.getMessage());
        Tensor y = Tensor.zeros(4, 16, 16, 2);
        y.set(Double.POSITIVE_INFINITY, 1, 2, 3, 0);
        FixpointException inf = assertThrows(FixpointException.class, () -> MriReconstructions.zeroFilled(a, y));
        assertTrue(inf.getMessage().contains("k-space") && inf.getMessage().contains("Infinity"), inf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MriOperators.multiCoil(Tensor.zeros(4, 16, 16), null));
    }
}
