package dev.fixpoint.imaging.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.EllipsePhantom;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.SheppLogan;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** FBP of exact (analytic) line integrals of the modified Shepp–Logan phantom reproduces the phantom. */
class FilteredBackProjectionTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final ImageGrid GRID = ImageGrid.unitPixels(128);

    /** @return exact line integrals of the continuous modified Shepp–Logan phantom for every ray of the geometry */
    static Tensor analyticSinogram(CtGeometry geometry) {
        EllipsePhantom ph = SheppLogan.modified();
        int n = geometry.views() * geometry.bins();
        double[] c = new double[n];
        double[] s = new double[n];
        double[] off = new double[n];
        geometry.lines(c, s, off);
        double[] p = new double[n];
        for (int r = 0; r < n; r++) {
            p[r] = ph.lineIntegral(Math.atan2(s[r], c[r]), off[r], 64);
        }
        return Tensor.wrap(p, geometry.sinogramShape());
    }

    /** @return {mean of the 9×9 brain-matter patch (true value 0.2), relative L2 error, mean absolute error} */
    static double[] errors(Tensor rec, Tensor truth) {
        double patch = 0;
        for (int i = 86; i < 95; i++) {
            for (int j = 60; j < 69; j++) {
                patch += rec.get(i, j) / 81;
            }
        }
        Tensor d = rec.sub(truth);
        return new double[]{patch, d.norm() / truth.norm(), d.abs().mean()};
    }

    @Test
    void parallelBeamFbpReproducesThePhantomWithEveryFilter() {
        ParallelBeamGeometry geometry = ParallelBeamGeometry.coveringDiagonal(GRID, 360, 367);
        Tensor sino = analyticSinogram(geometry);
        Tensor truth = SheppLogan.modified(GRID);
        for (ReconstructionFilter f : ReconstructionFilter.values()) {
            double[] e = errors(FilteredBackProjection.of(geometry, f, 2).reconstruct(sino), truth);
            RESULTS.info("FBP parallel 128², 360 angles, 367 bins, exact data, {}: patch mean {} (true 0.2), relative "
                    + "L2 error {}, mean |error| {}", f, e[0], e[1], e[2]);
            assertEquals(0.2, e[0], 0.004, f + " patch mean");
            assertTrue(e[1] < 0.25, f + " relative error " + e[1]);
            assertTrue(e[2] < 0.02, f + " mean absolute error " + e[2]);
        }
    }

    @Test
    void fanBeamFbpReproducesThePhantomForBothDetectors() {
        Tensor truth = SheppLogan.modified(GRID);
        for (DetectorShape shape : DetectorShape.values()) {
            FanBeamGeometry geometry = FanBeamGeometry.covering(GRID, 720, 401, 250, shape);
            Tensor sino = analyticSinogram(geometry);
            double[] e = errors(FilteredBackProjection.of(geometry, ReconstructionFilter.SHEPP_LOGAN, 2)
                    .reconstruct(sino), truth);
            RESULTS.info("FBP fan beam {} 128², 720 views, 401 bins, R = 250, exact data, Shepp–Logan filter: patch "
                    + "mean {} (true 0.2), relative L2 error {}, mean |error| {}", shape, e[0], e[1], e[2]);
            assertEquals(0.2, e[0], 0.004, shape + " patch mean");
            assertTrue(e[1] < 0.2, shape + " relative error " + e[1]);
            assertTrue(e[2] < 0.02, shape + " mean absolute error " + e[2]);
        }
    }

    @Test
    void fbpOfJosephProjectionsOfThePointSampledPhantomIsClose() {
        ParallelBeamGeometry geometry = ParallelBeamGeometry.coveringDiagonal(GRID, 30, 183);
        Tensor truth = SheppLogan.modified(GRID);
        Tensor sino = RayTransform.of(geometry, 2).apply(truth);
        double[] e = errors(FilteredBackProjection.of(geometry, ReconstructionFilter.RAM_LAK, 2).reconstruct(sino),
                truth);
        RESULTS.info("FBP (Ram-Lak) of noiseless Joseph data, 30 angles, 183 bins: patch mean {}, relative L2 error {}",
                e[0], e[1]);
        assertEquals(0.2, e[0], 0.02);
    }

    @Test
    void badSinogramsAreRejected() {
        ParallelBeamGeometry geometry = ParallelBeamGeometry.coveringDiagonal(GRID, 30, 183);
        FilteredBackProjection fbp = FilteredBackProjection.of(geometry, ReconstructionFilter.HANN, 1);
        assertThrows(ShapeMismatchException.class, () -> fbp.reconstruct(Tensor.zeros(30, 182)));
        Tensor bad = Tensor.zeros(30, 183);
        bad.set(Double.NaN, 3, 4);
        FixpointException e = assertThrows(FixpointException.class, () -> fbp.reconstruct(bad));
        assertTrue(e.getMessage().contains("NonFinite"), e.getMessage());
    }
}
