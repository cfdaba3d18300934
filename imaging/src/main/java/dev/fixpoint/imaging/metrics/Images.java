package dev.fixpoint.imaging.metrics;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/** Argument checks shared by the metrics (package-private). */
final class Images {
    private Images() {
    }

    /** Checks that both images are finite 2-D {@code [h, w]} tensors of equal shape. */
    static void requirePair(String metric, Tensor reference, Tensor test) {
        if (reference.rank() != 2) {
            throw new IllegalArgumentException("[fixpoint/InvalidImage] " + metric + ": the reference must be a 2-D image "
                    + "[h, w], got shape " + Arrays.toString(reference.shape()));
        }
        if (!reference.sameShape(test)) {
            throw new ShapeMismatchException(metric + ": test image vs reference", test.shape(), reference.shape(),
                    "both images must have the same shape");
        }
        reference.requireFinite(metric + ": reference image");
        test.requireFinite(metric + ": test image");
    }

    /** Checks a data range {@code L > 0}, finite. */
    static double requireRange(String metric, double dataRange) {
        if (!(dataRange > 0) || !Double.isFinite(dataRange)) {
            throw new FixpointException("InvalidParameter", metric + ": data range " + dataRange
                    + " must be finite and > 0 (e.g. the maximum of the ground truth, or 1 for images in [0, 1])");
        }
        return dataRange;
    }
}
