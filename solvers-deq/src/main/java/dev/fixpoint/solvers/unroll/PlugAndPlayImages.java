package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/**
 * A tiny seeded generator of synthetic images in [0, 1] for plug-and-play experiments and tests:
 * even-numbered images are piecewise constant (a background level in [0, 0.3) plus one to three
 * rectangles or discs of levels in [0.3, 1)), odd-numbered ones smooth (a background in [0, 0.2)
 * plus two or three Gaussian bumps of amplitude [0.2, 0.6) and width 12–30% of the smaller side,
 * clipped at 1). Deterministic given the generator's state.
 */
public final class PlugAndPlayImages {
    private PlugAndPlayImages() {
    }

    /**
     * @param count number of images ≥ 1
     * @param h     height ≥ 1
     * @param w     width ≥ 1
     * @param rng   the source of randomness (advanced)
     * @return a new batch [count, 1, h, w]
     */
    public static Tensor batch(int count, int h, int w, SplittableRandom rng) {
        if (count < 1 || h < 1 || w < 1) {
            throw new FixpointException("InvalidParameter", "synthetic images: need count, height and width ≥ 1, got "
                    + count + ", " + h + ", " + w);
        }
        Tensor out = Tensor.zeros(count, 1, h, w);
        double[] d = out.data();
        for (int s = 0; s < count; s++) {
            double[] img = s % 2 == 0 ? piecewiseConstant(h, w, rng) : smooth(h, w, rng);
            System.arraycopy(img, 0, d, s * h * w, h * w);
        }
        return out;
    }

    private static double[] piecewiseConstant(int h, int w, SplittableRandom rng) {
        double[] img = new double[h * w];
        java.util.Arrays.fill(img, rng.nextDouble(0.0, 0.3));
        int shapes = 1 + rng.nextInt(3);
        for (int q = 0; q < shapes; q++) {
            double level = rng.nextDouble(0.3, 1.0);
            boolean disc = rng.nextBoolean();
            double ci = rng.nextDouble(0.2 * h, 0.8 * h);
            double cj = rng.nextDouble(0.2 * w, 0.8 * w);
            double ri = rng.nextDouble(0.12 * h, 0.35 * h);
            double rj = disc ? ri : rng.nextDouble(0.12 * w, 0.35 * w);
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double di = (i + 0.5 - ci) / ri;
                    double dj = (j + 0.5 - cj) / rj;
                    boolean inside = disc ? di * di + dj * dj <= 1 : Math.abs(di) <= 1 && Math.abs(dj) <= 1;
                    if (inside) {
                        img[i * w + j] = level;
                    }
                }
            }
        }
        return img;
    }

    private static double[] smooth(int h, int w, SplittableRandom rng) {
        double[] img = new double[h * w];
        double base = rng.nextDouble(0.0, 0.2);
        java.util.Arrays.fill(img, base);
        int bumps = 2 + rng.nextInt(2);
        for (int q = 0; q < bumps; q++) {
            double amp = rng.nextDouble(0.2, 0.6);
            double ci = rng.nextDouble(0, h);
            double cj = rng.nextDouble(0, w);
            double width = rng.nextDouble(0.12, 0.3) * Math.min(h, w);
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double r2 = ((i - ci) * (i - ci) + (j - cj) * (j - cj)) / (2 * width * width);
                    img[i * w + j] += amp * Math.exp(-r2);
                }
            }
        }
        for (int i = 0; i < img.length; i++) {
            img[i] = Math.min(img[i], 1.0);
        }
        return img;
    }
}
