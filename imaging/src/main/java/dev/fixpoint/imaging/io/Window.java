package dev.fixpoint.imaging.io;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * A display window: values at or below {@code low} map to black, at or above {@code high} to white,
 * linearly in between (the "window level / width" of radiology with level {@code (low+high)/2}).
 *
 * @param low  value shown black
 * @param high value shown white, {@code > low}
 */
public record Window(double low, double high) {
    /** @throws FixpointException {@code [fixpoint/InvalidParameter]} unless both are finite and {@code low < high} */
    public Window {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new FixpointException("InvalidParameter", "Window: need finite low < high, got [" + low + ", " + high + "]");
        }
    }

    /** @return the window {@code [min, max]} of the image (or {@code [min, min + 1]} for a constant image) */
    public static Window of(Tensor image) {
        double lo = image.min();
        double hi = image.max();
        return new Window(lo, hi > lo ? hi : lo + 1);
    }

    /** @return the grey level 0–255 of {@code v} (NaN shows black) */
    public int grey(double v) {
        if (!(v > low)) {
            return 0;
        }
        if (v >= high) {
            return 255;
        }
        return (int) Math.round(255 * (v - low) / (high - low));
    }
}
