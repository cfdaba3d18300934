package dev.fixpoint.imaging.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class PhantomTest {

    @Test
    void modifiedSheppLoganHasTheStandardValues() {
        ImageGrid grid = ImageGrid.unitPixels(128);
        Tensor p = SheppLogan.modified(grid);
        assertEquals(0.0, p.min(), 1e-12);
        assertEquals(1.0, p.max(), 1e-12);
        // pixel centres (±0.5, ±0.5): brain matter 1 − 0.8 = 0.2
        assertEquals(0.2, p.get(63, 63), 1e-12);
        assertEquals(0.2, p.get(64, 64), 1e-12);
        // y = 0.35·64 = 22.4 → row 64 − 22.4 − 0.5 ≈ 41: the ellipse of value +0.1 → 0.3
        assertEquals(0.3, p.get(41, 64), 1e-12);
        // top edge of the skull at y ≈ 0.9·64: value 1
        assertEquals(1.0, p.get(64 - 58 - 1, 64), 1e-12);
        // corners: background
        assertEquals(0.0, p.get(0, 0), 0);
        // left–right: the big dark ellipses at x = ±0.22 (value 0.2 − 0.2 = 0)
        assertEquals(0.0, p.get(64, 64 + 14), 1e-12);
        assertEquals(0.0, p.get(64, 64 - 14 - 1), 1e-12);
    }

    @Test
    void pixelSumMatchesTheAnalyticArea() {
        EllipsePhantom ph = SheppLogan.modified();
        double exact = 0;
        for (Ellipse e : ph.ellipses()) {
            exact += e.value() * Math.PI * e.a() * e.b() * 128 * 128;
        }
        double sampled = ph.sample(ImageGrid.square(256, 64)).sum();
        assertEquals(exact, sampled, 0.01 * exact);
    }

    @Test
    void analyticLineIntegralMatchesNumericalQuadrature() {
        Ellipse e = new Ellipse(0.7, 0.3, 0.1, 0.2, -0.1, 25);
        double theta = 0.6;
        double s = 0.15;
        // integrate along the line p = s·n + t·n⊥
        double c = Math.cos(theta);
        double sn = Math.sin(theta);
        int steps = 200_000;
        double sum = 0;
        double h = 2.0 / steps;
        for (int k = 0; k < steps; k++) {
            double t = -1 + (k + 0.5) * h;
            if (e.contains(s * c - t * sn, s * sn + t * c)) {
                sum += 0.7 * h;
            }
        }
        assertEquals(sum, e.lineIntegral(theta, s), 1e-4);
        assertEquals(0.0, e.lineIntegral(theta, 2.0), 0);
    }

    @Test
    void randomEllipsesAreDeterministicFromTheSeed() {
        ImageGrid grid = ImageGrid.unitPixels(64);
        RandomEllipses gen = RandomEllipses.standard();
        Tensor a = gen.sample(42, grid);
        Tensor b = gen.sample(42, grid);
        Tensor c = gen.sample(43, grid);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.min() >= 0 && a.max() <= 1);
        assertTrue(a.max() == 1.0, "the skull has value 1");
        assertTrue(a.mean() > 0.05, "mean " + a.mean());
    }

    @Test
    void badGridsAndEllipsesAreRejected() {
        FixpointException e = assertThrows(FixpointException.class, () -> new ImageGrid(0, 4, -1, 1, -1, 1));
        assertTrue(e.getMessage().startsWith("[fixpoint/BadGrid]"), e.getMessage());
        assertThrows(FixpointException.class, () -> new ImageGrid(4, 4, 1, -1, -1, 1));
        assertThrows(FixpointException.class, () -> new Ellipse(1, 0, 1, 0, 0, 0));
        assertThrows(FixpointException.class, () -> new RandomEllipses(2));
    }
}
