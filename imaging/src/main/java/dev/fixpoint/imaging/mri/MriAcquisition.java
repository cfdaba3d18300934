package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.ComplexPairs;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import java.util.SplittableRandom;

/**
 * A simulated Cartesian acquisition: ground-truth complex image, coil maps, mask, the forward model
 * and the measured k-space {@code y = M·(F(S_c x) + n)}. The noise is circular complex Gaussian with
 * standard deviation {@code σ = noiseFraction · RMS}, where RMS is the root mean square of the fully
 * sampled multi-coil k-space over all {@code C·h·w} complex entries ({@code E|n|² = σ²}: real and
 * imaginary parts each {@code N(0, σ²/2)}); it is drawn for every entry from the seed and then masked.
 *
 * @param image         ground truth {@code [h, w, 2]}
 * @param sensitivities coil maps {@code [C, h, w, 2]}
 * @param mask          the sampling mask
 * @param model         the forward model {@link MriOperators#multiCoil}
 * @param kspace        measured k-space {@code [C, h, w, 2]} (zero outside the mask)
 * @param noiseSigma    σ of the complex noise (absolute)
 */
public record MriAcquisition(Tensor image, Tensor sensitivities, SamplingMask mask, LinearOperator model, Tensor kspace,
                             double noiseSigma) {

    /**
     * @param image         ground truth, real {@code [h, w]} (taken as the real part) or complex {@code [h, w, 2]}
     * @param sensitivities coil maps {@code [C, h, w, 2]}
     * @param mask          mask of shape {@code [h, w]}
     * @param noiseFraction σ relative to the RMS of the fully sampled k-space, ≥ 0 (0.01 = 1 %)
     * @param seed          noise seed
     * @return the acquisition
     */
    public static MriAcquisition simulate(Tensor image, Tensor sensitivities, SamplingMask mask, double noiseFraction,
                                          long seed) {
        if (!(noiseFraction >= 0) || !Double.isFinite(noiseFraction)) {
            throw new FixpointException("InvalidParameter", "MRI acquisition: noise fraction " + noiseFraction
                    + " must be finite and ≥ 0");
        }
        Tensor x = image.rank() == 2 ? ComplexPairs.of(image, Tensor.zeros(image.shape())) : image.copy();
        x.requireFinite("MRI acquisition: ground-truth image");
        LinearOperator full = MriOperators.multiCoil(sensitivities, null);
        Tensor k = full.apply(x);
        double rms = Math.sqrt(k.dot(k) / (k.size() / 2.0));
        double sigma = noiseFraction * rms;
        double[] d = k.data();
        SplittableRandom rng = new SplittableRandom(seed);
        double perPart = sigma / Math.sqrt(2);
        for (int i = 0; i < d.length; i++) {
            d[i] += perPart * gaussian(rng);
        }
        LinearOperator model = MriOperators.multiCoil(sensitivities, mask);
        // apply the mask M: zero the unsampled columns of every coil
        int h = x.dim(0);
        int w = x.dim(1);
        mask.requireShape("MRI acquisition", h, w);
        int c = sensitivities.dim(0);
        for (int coil = 0; coil < c; coil++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    if (!mask.sampled(j)) {
                        int p = 2 * ((coil * h + i) * w + j);
                        d[p] = 0;
                        d[p + 1] = 0;
                    }
                }
            }
        }
        return new MriAcquisition(x, sensitivities.copy(), mask, model, k, sigma);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller (one value per call; deterministic in the seed)
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** @return the ground-truth magnitude {@code |x|}, {@code [h, w]} */
    public Tensor magnitude() {
        return ComplexPairs.abs(image);
    }
}
