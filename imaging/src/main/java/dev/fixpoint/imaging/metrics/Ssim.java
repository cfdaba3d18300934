package dev.fixpoint.imaging.metrics;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * The structural similarity index of Wang, Bovik, Sheikh and Simoncelli (IEEE TIP 13(4), 2004),
 * exactly as their reference implementation {@code ssim_index.m}: local statistics under an
 * {@code 11 × 11} circular-symmetric Gaussian window with {@code σ = 1.5} (normalised to unit sum),
 * {@code C1 = (K1·L)²}, {@code C2 = (K2·L)²} with {@code K1 = 0.01}, {@code K2 = 0.03} and data range
 * {@code L}; biased (window-weighted) variances and covariance;
 * <pre>
 *   SSIM(x, y) = (2μxμy + C1)(2σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))
 * </pre>
 * evaluated at every position where the window fits inside the image ("valid" filtering, no padding)
 * and averaged (the mean SSIM). No automatic downsampling (that was added to the later
 * {@code ssim.m}). Images must be at least 11 × 11. The Gaussian filtering is separable.
 */
public final class Ssim {
    /** Window side (pixels). */
    public static final int WINDOW = 11;
    /** Standard deviation of the Gaussian window (pixels). */
    public static final double SIGMA = 1.5;
    /** Luminance constant factor K1. */
    public static final double K1 = 0.01;
    /** Contrast constant factor K2. */
    public static final double K2 = 0.03;

    private static final double[] KERNEL = gaussian();

    private Ssim() {
    }

    /** @return the 1-D Gaussian factor {@code g} of the window ({@code w_ij = g_i g_j}, {@code Σ g = 1}) */
    static double[] gaussian() {
        double[] g = new double[WINDOW];
        double s = 0;
        int r = WINDOW / 2;
        for (int i = 0; i < WINDOW; i++) {
            g[i] = Math.exp(-((i - r) * (i - r)) / (2 * SIGMA * SIGMA));
            s += g[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            g[i] /= s;
        }
        return g;
    }

    /**
     * @param reference ground truth {@code [h, w]} with {@code h, w ≥ 11} (not modified)
     * @param test      same shape (not modified)
     * @param dataRange {@code L > 0} (e.g. 1 for images in [0, 1], or the ground truth's maximum)
     * @return the mean SSIM over the valid window positions, in {@code [−1, 1]}
     */
    public static double of(Tensor reference, Tensor test, double dataRange) {
        Tensor map = map(reference, test, dataRange);
        return map.mean();
    }

    /**
     * @return the SSIM map over the valid window positions, shape {@code [h − 10, w − 10]}; entry
     *         {@code (i, j)} belongs to the window centred at pixel {@code (i + 5, j + 5)}
     */
    public static Tensor map(Tensor reference, Tensor test, double dataRange) {
        Images.requirePair("SSIM", reference, test);
        double l = Images.requireRange("SSIM", dataRange);
        int h = reference.dim(0);
        int w = reference.dim(1);
        if (h < WINDOW || w < WINDOW) {
            throw new FixpointException("InvalidImage", "SSIM: image " + h + "×" + w + " is smaller than the "
                    + WINDOW + "×" + WINDOW + " window");
        }
        double[] x = reference.toArray();
        double[] y = test.toArray();
        int n = h * w;
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        int vh = h - WINDOW + 1;
        int vw = w - WINDOW + 1;
        double[] mx = filterValid(x, h, w);
        double[] my = filterValid(y, h, w);
        double[] sxx = filterValid(xx, h, w);
        double[] syy = filterValid(yy, h, w);
        double[] sxy = filterValid(xy, h, w);
        double c1 = (K1 * l) * (K1 * l);
        double c2 = (K2 * l) * (K2 * l);
        double[] out = new double[vh * vw];
        for (int i = 0; i < out.length; i++) {
            double ux = mx[i];
            double uy = my[i];
            double vx = sxx[i] - ux * ux;
            double vy = syy[i] - uy * uy;
            double cxy = sxy[i] - ux * uy;
            out[i] = (2 * ux * uy + c1) * (2 * cxy + c2) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
        }
        return Tensor.wrap(out, vh, vw);
    }

    /** Separable Gaussian filtering, "valid" part only: {@code [h, w] → [h − 10, w − 10]}. */
    private static double[] filterValid(double[] a, int h, int w) {
        int vw = w - WINDOW + 1;
        int vh = h - WINDOW + 1;
        double[] rows = new double[h * vw];
        for (int i = 0; i < h; i++) {
            int base = i * w;
            for (int j = 0; j < vw; j++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += KERNEL[k] * a[base + j + k];
                }
                rows[i * vw + j] = s;
            }
        }
        double[] out = new double[vh * vw];
        for (int i = 0; i < vh; i++) {
            for (int k = 0; k < WINDOW; k++) {
                double g = KERNEL[k];
                int src = (i + k) * vw;
                int dst = i * vw;
                for (int j = 0; j < vw; j++) {
                    out[dst + j] += g * rows[src + j];
                }
            }
        }
        return out;
    }
}
