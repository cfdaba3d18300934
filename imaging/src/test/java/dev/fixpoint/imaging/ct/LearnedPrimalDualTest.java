package dev.fixpoint.imaging.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.metrics.Psnr;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.RandomEllipses;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reduced learned primal-dual: 64×64, 30 angles, short training; it must improve clearly on its FBP start. */
class LearnedPrimalDualTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void untrainedNetworkReturnsItsStartAndTrainingBeatsFbpOnHeldOutPhantoms() {
        ImageGrid grid = ImageGrid.unitPixels(64);
        RayTransform a = RayTransform.of(ParallelBeamGeometry.coveringDiagonal(grid, 30, 91));
        LearnedPrimalDual lpd = new LearnedPrimalDual(a, 3, 4, 4, 8, 1);
        FilteredBackProjection fbp = FilteredBackProjection.of(a.geometry(), ReconstructionFilter.HANN);
        RandomEllipses phantoms = RandomEllipses.standard();
        Tensor[] truths = new Tensor[4];
        Tensor[] data = new Tensor[4];
        Tensor[] starts = new Tensor[4];
        for (int t = 0; t < truths.length; t++) {
            truths[t] = phantoms.sample(1_000_000 + t, grid);
            data[t] = CtNoise.gaussian(a.apply(truths[t]), 0.05, 77 + t);
            starts[t] = fbp.reconstruct(data[t]);
        }
        assertEquals(0.0, lpd.reconstruct(data[0], starts[0]).sub(starts[0]).normInf(), 0);
        long t0 = System.nanoTime();
        double[] losses = LearnedPrimalDualTraining.train(lpd, 150, 2e-3, 0.05, 5, null);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double psnrFbp = 0;
        double psnrLpd = 0;
        for (int t = 0; t < truths.length; t++) {
            psnrFbp += Psnr.of(truths[t], starts[t], 1.0) / truths.length;
            psnrLpd += Psnr.of(truths[t], lpd.reconstruct(data[t], starts[t]), 1.0) / truths.length;
        }
        double early = mean(losses, 0, 15);
        double late = mean(losses, losses.length - 15, losses.length);
        RESULTS.info("Reduced LPD (64², 30 angles, 3 iterations, C = 8, 150 Adam steps, {} s): held-out PSNR {} dB vs "
                + "FBP start {} dB; training loss {} → {}", seconds, psnrLpd, psnrFbp, early, late);
        assertTrue(late < 0.5 * early, "training loss " + early + " → " + late);
        assertTrue(psnrLpd > psnrFbp + 3, "LPD " + psnrLpd + " dB vs FBP " + psnrFbp + " dB");
        assertThrows(ShapeMismatchException.class, () -> lpd.reconstruct(Tensor.zeros(30, 90), starts[0]));
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
