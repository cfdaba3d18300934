package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.SheppLogan;

/**
 * A CT test problem: ground truth, ray transform and noiseless and noisy data.
 *
 * @param truth     the ground-truth image {@code [rows, cols]}
 * @param transform the ray transform
 * @param clean     noiseless data {@code A·truth}
 * @param noisy     the measured data
 */
public record CtProblem(Tensor truth, RayTransform transform, Tensor clean, Tensor noisy) {

    /** The seed of the noise of {@link #learnedPrimalDualSetting()}. */
    public static final long DEFAULT_SEED = 20180101L;

    /**
     * The setting of the learned primal-dual paper (Adler &amp; Öktem 2018): modified Shepp–Logan point-sampled on
     * the 128×128 grid over {@code [−64, 64]²} (pixel size 1), 30 parallel-beam angles {@code θ_k = kπ/30}, 183
     * bins covering the image diagonal (bin size {@code 2·64√2/183}), Joseph line integrals in pixel units, additive
     * Gaussian noise with standard deviation 5 % of the mean |noiseless data|, seed {@link #DEFAULT_SEED}.
     */
    public static CtProblem learnedPrimalDualSetting() {
        return learnedPrimalDualSetting(DEFAULT_SEED);
    }

    /** @return {@link #learnedPrimalDualSetting()} with another noise seed */
    public static CtProblem learnedPrimalDualSetting(long seed) {
        ImageGrid grid = ImageGrid.unitPixels(128);
        RayTransform a = RayTransform.of(ParallelBeamGeometry.coveringDiagonal(grid, 30, 183));
        return of(SheppLogan.modified(grid), a, 0.05, seed);
    }

    /**
     * @param truth         the image
     * @param a             the ray transform
     * @param relativeNoise Gaussian noise level relative to the mean |data|
     * @param seed          noise seed
     * @return the problem
     */
    public static CtProblem of(Tensor truth, RayTransform a, double relativeNoise, long seed) {
        Tensor clean = a.apply(truth);
        return new CtProblem(truth, a, clean, CtNoise.gaussian(clean, relativeNoise, seed));
    }

    /** @return the geometry */
    public CtGeometry geometry() {
        return transform.geometry();
    }
}
