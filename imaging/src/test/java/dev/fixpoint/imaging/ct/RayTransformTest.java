package dev.fixpoint.imaging.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.ImageGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RayTransformTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    /** A Gaussian blob exp(−|p − c|²/(2σ²)) and its exact line integrals σ√(2π)·exp(−(s − c·n)²/(2σ²)). */
    private static double[] gaussianCheck(CtGeometry geometry, double sigma, double cx, double cy) {
        ImageGrid g = geometry.grid();
        Tensor img = Tensor.zeros(g.rows(), g.cols());
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                double dx = g.x(j) - cx;
                double dy = g.y(i) - cy;
                img.set(Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)), i, j);
            }
        }
        Tensor sino = RayTransform.of(geometry, 2).apply(img);
        int n = geometry.views() * geometry.bins();
        double[] c = new double[n];
        double[] s = new double[n];
        double[] off = new double[n];
        geometry.lines(c, s, off);
        double err = 0;
        double ref = 0;
        double maxErr = 0;
        for (int r = 0; r < n; r++) {
            double d = off[r] - (cx * c[r] + cy * s[r]);
            double exact = sigma * Math.sqrt(2 * Math.PI) * Math.exp(-d * d / (2 * sigma * sigma));
            double e = sino.data()[r] - exact;
            err += e * e;
            ref += exact * exact;
            maxErr = Math.max(maxErr, Math.abs(e));
        }
        return new double[]{Math.sqrt(err / ref), maxErr};
    }

    @Test
    void josephLineIntegralsOfASmoothBlobMatchTheExactOnes() {
        ImageGrid grid = ImageGrid.unitPixels(64);
        double[] parallel = gaussianCheck(ParallelBeamGeometry.coveringDiagonal(grid, 37, 97), 6, 3.3, -5.1);
        double[] fanArc = gaussianCheck(FanBeamGeometry.covering(grid, 40, 101, 120, DetectorShape.EQUIANGULAR),
                6, 3.3, -5.1);
        double[] fanFlat = gaussianCheck(FanBeamGeometry.covering(grid, 40, 101, 120, DetectorShape.FLAT), 6, 3.3, -5.1);
        RESULTS.info("Joseph vs exact Gaussian line integrals (σ = 6 px): relative L2 error parallel {}, fan "
                + "equiangular {}, fan flat {}", parallel[0], fanArc[0], fanFlat[0]);
        assertTrue(parallel[0] < 2e-3, "parallel " + parallel[0]);
        assertTrue(fanArc[0] < 2e-3, "fan equiangular " + fanArc[0]);
        assertTrue(fanFlat[0] < 2e-3, "fan flat " + fanFlat[0]);
    }

    @Test
    void resultsAreIdenticalForEveryThreadCount() {
        ImageGrid grid = ImageGrid.unitPixels(48);
        RayTransform one = RayTransform.of(ParallelBeamGeometry.coveringDiagonal(grid, 30, 69), 1);
        RayTransform two = one.withThreads(2);
        RayTransform three = one.withThreads(3);
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.randn(rng, 48, 48);
        Tensor y = Tensor.randn(rng, 30, 69);
        Tensor ax = one.apply(x);
        Tensor aty = one.adjoint(y);
        assertEquals(ax, two.apply(x));
        assertEquals(ax, three.apply(x));
        assertEquals(aty, two.adjoint(y));
        assertEquals(aty, three.adjoint(y));
    }

    @Test
    void absoluteSumsAreTheProjectionsOfOnes() {
        ImageGrid grid = ImageGrid.unitPixels(16);
        RayTransform a = RayTransform.of(ParallelBeamGeometry.coveringDiagonal(grid, 6, 23), 1);
        Tensor rows = a.absoluteRowSums();
        assertTrue(rows.min() >= 0);
        // the vertical ray through the centre crosses 16 pixels of value 1
        assertEquals(16.0, a.apply(Tensor.ones(16, 16)).get(0, 11), 1e-12);
        assertEquals(a.absoluteColumnSums().sum(), rows.sum(), 1e-9 * rows.sum());
    }

    @Test
    void aDetectorThatDoesNotCoverTheImageIsRejected() {
        ImageGrid grid = ImageGrid.unitPixels(128);
        FixpointException e = assertThrows(FixpointException.class,
                () -> ParallelBeamGeometry.uniform(grid, 30, 128, 1.0));
        assertTrue(e.getMessage().startsWith("[fixpoint/DetectorTooSmall]"), e.getMessage());
        assertTrue(e.getMessage().contains("182") && e.getMessage().contains("90.5"), e.getMessage());
        // exactly covering the diagonal is accepted (the learned primal-dual setting)
        ParallelBeamGeometry ok = ParallelBeamGeometry.coveringDiagonal(grid, 30, 183);
        assertEquals(2 * 64 * Math.sqrt(2) / 183, ok.binSize(), 1e-15);
        FixpointException fan = assertThrows(FixpointException.class,
                () -> new FanBeamGeometry(grid, 30, 100, 0.005, 200, 400, DetectorShape.EQUIANGULAR));
        assertTrue(fan.getMessage().startsWith("[fixpoint/DetectorTooSmall]"), fan.getMessage());
        FixpointException inside = assertThrows(FixpointException.class,
                () -> FanBeamGeometry.covering(grid, 30, 100, 80, DetectorShape.FLAT));
        assertTrue(inside.getMessage().startsWith("[fixpoint/BadGeometry]"), inside.getMessage());
        assertThrows(FixpointException.class, () -> RayTransform.of(ok, 0));
    }
}
