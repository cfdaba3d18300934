package dev.fixpoint.bio.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    @Test
    void everyStratumOfEveryDimensionHoldsExactlyOneSample() {
        double[] lo = {-3, 0, 10, -1e-3};
        double[] up = {5, 1, 11, 1e-3};
        int count = 37;
        double[][] s = LatinHypercube.sample(count, lo, up, 11);
        assertEquals(count, s.length);
        for (int i = 0; i < lo.length; i++) {
            boolean[] seen = new boolean[count];
            for (double[] x : s) {
                assertTrue(x[i] >= lo[i] && x[i] <= up[i], "inside the box");
                int stratum = Math.min(count - 1, (int) Math.floor(count * (x[i] - lo[i]) / (up[i] - lo[i])));
                assertFalse(seen[stratum], "dimension " + i + ", stratum " + stratum + " holds two samples");
                seen[stratum] = true;
            }
        }
    }

    @Test
    void sameSeedSameSampleOtherSeedOtherSample() {
        double[] lo = {0, 0};
        double[] up = {1, 1};
        assertArrayEquals(LatinHypercube.sample(5, lo, up, 3), LatinHypercube.sample(5, lo, up, 3));
        assertFalse(java.util.Arrays.deepEquals(LatinHypercube.sample(5, lo, up, 3), LatinHypercube.sample(5, lo, up, 4)));
    }

    @Test
    void infiniteBoundsAndZeroCountAreRejected() {
        FixpointException e = assertThrows(FixpointException.class, () -> LatinHypercube.sample(4,
                new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {1, 1}, 0));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidBounds] variable 1"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> LatinHypercube.sample(0, new double[] {0}, new double[] {1}, 0));
        assertTrue(e.getMessage().contains("count = 0"), e.getMessage());
    }
}
