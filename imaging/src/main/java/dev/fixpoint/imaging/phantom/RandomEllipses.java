package dev.fixpoint.imaging.phantom;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random head-like ellipse phantoms for training learned reconstructions, deterministic from a seed: an outer
 * ellipse of value 1 (random axes 0.6–0.95, small offset and rotation), an inner ellipse of value −0.8…−0.6
 * slightly smaller, then {@code 3…maxFeatures} random interior ellipses (axes 0.02–0.3, values ±0.05…0.4,
 * any rotation, centres inside the inner ellipse's bounding box). Sampled images are clipped to {@code [0, 1]}
 * so they share the modified Shepp–Logan value range.
 */
public final class RandomEllipses {
    private final int maxFeatures;

    /** @param maxFeatures the largest number of interior ellipses (≥ 3) */
    public RandomEllipses(int maxFeatures) {
        if (maxFeatures < 3) {
            throw new FixpointException("BadArgument", "maxFeatures = " + maxFeatures + " must be ≥ 3");
        }
        this.maxFeatures = maxFeatures;
    }

    /** @return a generator with up to 12 interior ellipses */
    public static RandomEllipses standard() {
        return new RandomEllipses(12);
    }

    /**
     * @param seed the seed; the same seed always gives the same phantom
     * @return the random phantom (normalised coordinates, unclipped)
     */
    public EllipsePhantom phantom(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Ellipse> list = new ArrayList<>();
        double a = uniform(rng, 0.6, 0.8);
        double b = uniform(rng, 0.75, 0.95);
        double x0 = uniform(rng, -0.05, 0.05);
        double y0 = uniform(rng, -0.05, 0.05);
        double angle = uniform(rng, -15, 15);
        list.add(new Ellipse(1.0, a, b, x0, y0, angle));
        double shrink = uniform(rng, 0.9, 0.96);
        list.add(new Ellipse(-uniform(rng, 0.6, 0.8), a * shrink, b * shrink, x0, y0, angle));
        int features = 3 + rng.nextInt(maxFeatures - 2);
        for (int k = 0; k < features; k++) {
            double fa = uniform(rng, 0.02, 0.3);
            double fb = uniform(rng, 0.02, 0.3);
            double fx = x0 + uniform(rng, -0.7, 0.7) * a;
            double fy = y0 + uniform(rng, -0.7, 0.7) * b;
            double value = uniform(rng, 0.05, 0.4) * (rng.nextDouble() < 0.7 ? 1 : -1);
            list.add(new Ellipse(value, fa, fb, fx, fy, uniform(rng, 0, 180)));
        }
        return new EllipsePhantom(list);
    }

    /**
     * @param seed the seed
     * @param grid the sampling grid
     * @return the phantom point-sampled on {@code grid} and clipped to {@code [0, 1]} (new tensor)
     */
    public Tensor sample(long seed, ImageGrid grid) {
        Tensor img = phantom(seed).sample(grid);
        double[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.min(1.0, Math.max(0.0, d[i]));
        }
        return img;
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
