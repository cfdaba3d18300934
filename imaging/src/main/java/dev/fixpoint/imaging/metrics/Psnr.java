package dev.fixpoint.imaging.metrics;

import dev.fixpoint.core.Tensor;

/**
 * Peak signal-to-noise ratio {@code PSNR = 10·log10(L² / MSE)} in dB, with {@code MSE} the mean of
 * {@code (x − x_ref)²} over all pixels and {@code L} the <em>data range</em> given by the caller. The
 * convention used in this project's suites: {@code L = max(x_ref)} for MRI magnitude images (the
 * fastMRI convention up to its minimum, which is 0 for magnitudes), and {@code L = 1} for CT phantoms
 * with values in [0, 1]. Identical images give {@code +∞}.
 */
public final class Psnr {
    private Psnr() {
    }

    /**
     * @param reference ground truth {@code [h, w]} (not modified)
     * @param test      image to score, same shape (not modified)
     * @param dataRange {@code L > 0}
     * @return PSNR in dB ({@code +∞} when the images are equal)
     * @throws dev.fixpoint.core.ShapeMismatchException for different shapes
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/NonFinite]} or {@code [fixpoint/InvalidParameter]}
     */
    public static double of(Tensor reference, Tensor test, double dataRange) {
        Images.requirePair("PSNR", reference, test);
        double l = Images.requireRange("PSNR", dataRange);
        double mse = meanSquaredError(reference, test);
        return 10 * Math.log10(l * l / mse);
    }

    /** @return {@code PSNR} with {@code L = max(reference)} (the MRI magnitude convention) */
    public static double withReferenceMaximum(Tensor reference, Tensor test) {
        return of(reference, test, reference.max());
    }

    /** @return the mean squared error {@code (1/N) Σ (x − x_ref)²} of two equal-shape tensors */
    static double meanSquaredError(Tensor reference, Tensor test) {
        double[] a = reference.data();
        double[] b = test.data();
        int oa = reference.offset();
        int ob = test.offset();
        double s = 0;
        for (int i = 0; i < reference.size(); i++) {
            double d = b[ob + i] - a[oa + i];
            s += d * d;
        }
        return s / reference.size();
    }
}
