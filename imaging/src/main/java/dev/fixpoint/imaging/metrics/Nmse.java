package dev.fixpoint.imaging.metrics;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Normalised mean squared error {@code NMSE = ‖x − x_ref‖² / ‖x_ref‖²} (a ratio; the fastMRI
 * convention), and the same in dB.
 */
public final class Nmse {
    private Nmse() {
    }

    /**
     * @param reference ground truth {@code [h, w]}, not all zero (not modified)
     * @param test      same shape (not modified)
     * @return {@code ‖test − reference‖² / ‖reference‖²}
     * @throws FixpointException {@code [fixpoint/InvalidImage]} when the reference is zero
     */
    public static double of(Tensor reference, Tensor test) {
        Images.requirePair("NMSE", reference, test);
        double ref = reference.dot(reference);
        if (ref == 0) {
            throw new FixpointException("InvalidImage", "NMSE: the reference image is zero, so the error cannot be "
                    + "normalised; use the mean squared error instead");
        }
        return Psnr.meanSquaredError(reference, test) * reference.size() / ref;
    }

    /** @return {@code 10·log10(NMSE)} in dB */
    public static double decibels(Tensor reference, Tensor test) {
        return 10 * Math.log10(of(reference, test));
    }
}
