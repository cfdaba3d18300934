package dev.fixpoint.imaging.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Line counts, fully sampled centres, determinism and density of the Cartesian masks. */
class SamplingMaskTest {

    private static void assertCentreSampled(SamplingMask m, int expectedCentre) {
        assertEquals(expectedCentre, m.centreLines());
        int w = m.columns();
        for (int j = w / 2 - expectedCentre / 2; j < w / 2 - expectedCentre / 2 + expectedCentre; j++) {
            assertTrue(m.sampled(j), "centre line " + j);
        }
    }

    @Test
    void randomMasksHaveTheRequestedAccelerationAndCentre() {
        SamplingMask four = SamplingMask.random(256, 256, 4, 0.08, 42);
        assertEquals(64, four.sampledLines());
        assertEquals(4.0, four.acceleration(), 0);
        assertCentreSampled(four, 20);  // round(0.08·256) = 20
        SamplingMask eight = SamplingMask.random(256, 256, 8, 0.04, 42);
        assertEquals(32, eight.sampledLines());
        assertCentreSampled(eight, 10); // round(0.04·256) = 10
        assertEquals(256 * 256 / 4.0, four.toImage().sum(), 0);
    }

    @Test
    void randomMasksAreDeterministicInTheSeed() {
        assertArrayEquals(SamplingMask.random(64, 128, 4, 0.08, 7).lines(), SamplingMask.random(64, 128, 4, 0.08, 7).lines());
        assertFalse(Arrays.equals(SamplingMask.random(64, 128, 4, 0.08, 7).lines(),
                SamplingMask.random(64, 128, 4, 0.08, 8).lines()));
        assertArrayEquals(SamplingMask.variableDensity(64, 128, 4, 0.04, 2, 7).lines(),
                SamplingMask.variableDensity(64, 128, 4, 0.04, 2, 7).lines());
    }

    @Test
    void equispacedMaskTakesEveryRthLine() {
        SamplingMask m = SamplingMask.equispaced(32, 64, 4, 0.0);
        assertEquals(16, m.sampledLines());
        for (int j = 0; j < 64; j++) {
            assertEquals(j % 4 == 0, m.sampled(j), "line " + j);
        }
        SamplingMask c = SamplingMask.equispaced(32, 256, 4, 0.08);
        assertEquals(64, c.sampledLines());
        assertCentreSampled(c, 20);
    }

    @Test
    void variableDensityIsDenserNearTheCentre() {
        int inner = 0;
        int outer = 0;
        for (long seed = 0; seed < 20; seed++) {
            SamplingMask m = SamplingMask.variableDensity(8, 256, 8, 0.04, 2, seed);
            assertEquals(32, m.sampledLines());
            for (int j = 0; j < 256; j++) {
                int d = Math.abs(j - 128);
                if (m.sampled(j) && d > 5) {
                    if (d < 64) {
                        inner++;
                    } else {
                        outer++;
                    }
                }
            }
        }
        // density (1 − |k|/k_max)²: mass of 5 < |k| < 64 is ≈ 3.4× that of |k| ≥ 64
        assertTrue(inner > 2.5 * outer, "inner " + inner + " vs outer " + outer);
    }

    @Test
    void invalidParametersAreRejectedWithTheRange() {
        FixpointException e = assertThrows(FixpointException.class, () -> SamplingMask.random(64, 64, 4, 0.3, 1));
        assertTrue(e.getMessage().contains("[0, 0.25]"), e.getMessage());
        assertThrows(FixpointException.class, () -> SamplingMask.random(64, 64, 0.5, 0.0, 1));
        assertThrows(FixpointException.class, () -> SamplingMask.variableDensity(64, 64, 4, 0.08, -1, 1));
        FixpointException shape = assertThrows(FixpointException.class,
                () -> SamplingMask.random(64, 64, 4, 0.08, 1).requireShape("test", 64, 32));
        assertTrue(shape.getMessage().startsWith("[fixpoint/MaskShape]"), shape.getMessage());
    }
}
