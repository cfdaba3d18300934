package dev.fixpoint.autodiff;

import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/**
 * Evaluation points for gradient checks, from fixed seeds. Points for piecewise-linear operations
 * keep every element at least a margin away from the kinks, far more than the finite-difference
 * step ({@code 1e-3·max(1,|x|)}) and the Taylor steps, so the differences never straddle a kink.
 */
final class Points {
    private Points() {
    }

    /** @return standard normal samples */
    static Tensor randn(long seed, int... shape) {
        return Tensor.randn(seed, shape);
    }

    /** @return uniform samples in {@code [lo, hi)} */
    static Tensor uniform(long seed, double lo, double hi, int... shape) {
        return Tensor.uniform(new SplittableRandom(seed), lo, hi, shape);
    }

    /** @return normal samples pushed out of {@code (-margin, margin)}: {@code sign(z)·(margin + |z|)} */
    static Tensor awayFromZero(long seed, double margin, int... shape) {
        return Tensor.randn(seed, shape).map(z -> z >= 0 ? margin + z : -margin + z);
    }

    /** @return samples whose magnitudes avoid {@code [lo, hi]}: in {@code [0, lo)} or {@code (hi, hi + 1.5]}, random signs */
    static Tensor magnitudesAvoiding(long seed, double lo, double hi, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double m = r.nextBoolean() ? r.nextDouble(0, lo) : r.nextDouble(hi + 0.01, hi + 1.5);
            d[i] = r.nextBoolean() ? m : -m;
        }
        return t;
    }
}
