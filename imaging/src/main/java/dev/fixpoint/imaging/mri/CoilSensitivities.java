package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Coil sensitivity maps {@code S_c(r)}, complex, shape {@code [c, h, w, 2]}.
 *
 * <p>{@link #birdcage} is the synthetic birdcage model (the one of SigPy's {@code birdcage_maps}):
 * {@code c} coils equally spaced on a circle of radius {@code r} (in units of the half field of view,
 * centre at pixel {@code (h/2, w/2)}), coil {@code k} at angle {@code 2πk/c}; its raw map is
 * {@code (1/ρ)·e^{i(φ − 2πk/c)}} with {@code ρ} the distance from the coil and {@code φ = atan2(x − x_k, −(y − y_k))}.
 * The maps are then normalised pixelwise by their root-sum-of-squares, so that {@code Σ_c |S_c|² = 1}
 * at every pixel; with that normalisation the fully sampled multi-coil model is an isometry.
 */
public final class CoilSensitivities {
    private CoilSensitivities() {
    }

    /**
     * @param coils  number of coils ≥ 1
     * @param h      rows ≥ 1
     * @param w      columns ≥ 1
     * @param radius coil circle radius relative to the half field of view, {@code > 1} (1.5 is customary)
     * @return maps {@code [coils, h, w, 2]} with {@code Σ_c |S_c|² = 1}
     */
    public static Tensor birdcage(int coils, int h, int w, double radius) {
        if (coils < 1 || h < 1 || w < 1 || !(radius > 1) || !Double.isFinite(radius)) {
            throw new FixpointException("InvalidParameter", "birdcage coils: need coils, h, w ≥ 1 and a finite radius > 1 "
                    + "(coils outside the field of view); got coils = " + coils + ", " + h + "×" + w + ", radius = " + radius);
        }
        double[] s = new double[coils * h * w * 2];
        for (int k = 0; k < coils; k++) {
            double angle = 2 * Math.PI * k / coils;
            double cx = radius * Math.cos(angle);
            double cy = radius * Math.sin(angle);
            for (int i = 0; i < h; i++) {
                double y = (i - h / 2.0) / (h / 2.0) - cy;
                for (int j = 0; j < w; j++) {
                    double x = (j - w / 2.0) / (w / 2.0) - cx;
                    double rho = Math.hypot(x, y);
                    double phi = Math.atan2(x, -y) - angle;
                    int p = ((k * h + i) * w + j) * 2;
                    s[p] = Math.cos(phi) / rho;
                    s[p + 1] = Math.sin(phi) / rho;
                }
            }
        }
        Tensor maps = Tensor.wrap(s, coils, h, w, 2);
        normalise(maps);
        return maps;
    }

    /** @return {@link #birdcage(int, int, int, double)} with radius 1.5 */
    public static Tensor birdcage(int coils, int h, int w) {
        return birdcage(coils, h, w, 1.5);
    }

    /**
     * Divides the maps in place by their pixelwise root-sum-of-squares, so {@code Σ_c |S_c|² = 1}.
     *
     * @param maps {@code [c, h, w, 2]} (modified)
     * @throws FixpointException {@code [fixpoint/InvalidSensitivities]} at a pixel where every coil is zero
     */
    public static void normalise(Tensor maps) {
        int[] s = requireShape(maps);
        int c = s[0];
        int n = s[1] * s[2];
        double[] d = maps.data();
        int off = maps.offset();
        for (int p = 0; p < n; p++) {
            double sum = 0;
            for (int k = 0; k < c; k++) {
                int q = off + 2 * (k * n + p);
                sum += d[q] * d[q] + d[q + 1] * d[q + 1];
            }
            if (!(sum > 0) || !Double.isFinite(sum)) {
                throw new FixpointException("InvalidSensitivities", "coil sensitivities: Σ|S|² = " + sum + " at pixel "
                        + (p / s[2]) + "," + (p % s[2]) + "; every pixel needs a finite, non-zero sensitivity");
            }
            double inv = 1 / Math.sqrt(sum);
            for (int k = 0; k < c; k++) {
                int q = off + 2 * (k * n + p);
                d[q] *= inv;
                d[q + 1] *= inv;
            }
        }
    }

    /** @return the maximum over pixels of {@code |Σ_c |S_c|² − 1|} */
    public static double normalisationError(Tensor maps) {
        int[] s = requireShape(maps);
        int n = s[1] * s[2];
        double worst = 0;
        for (int p = 0; p < n; p++) {
            double sum = 0;
            for (int k = 0; k < s[0]; k++) {
                double re = maps.data()[maps.offset() + 2 * (k * n + p)];
                double im = maps.data()[maps.offset() + 2 * (k * n + p) + 1];
                sum += re * re + im * im;
            }
            worst = Math.max(worst, Math.abs(sum - 1));
        }
        return worst;
    }

    static int[] requireShape(Tensor maps) {
        int[] s = maps.shape();
        if (s.length != 4 || s[3] != 2 || s[0] < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidShape] coil sensitivities must be complex maps [c, h, w, 2], got "
                    + Arrays.toString(s));
        }
        return s;
    }
}
