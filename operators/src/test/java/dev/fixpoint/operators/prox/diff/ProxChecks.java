package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.autodiff.testing.GradientCheckReport;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared test machinery: the finite-difference contract (reverse-mode gradient, forward-mode JVP,
 * dot-product and Taylor tests of {@link GradientCheck}) with relative error ≤ 1e-6, and evaluation
 * points kept away from kinks.
 *
 * <p><b>Choosing points.</b> The checks step each input by about {@code 1e-3·max(1, |x|)} and the
 * Taylor test along a random direction by up to {@code 1e-2·max‖x‖∞}; with inputs of magnitude ≤ 3,
 * a kink farther than {@code 0.15} (in the kink's own variable, e.g. {@code |v| − θ}) from the point
 * is never crossed. The samplers below draw each element on one side of its kink, at a distance
 * of at least that margin.
 */
final class ProxChecks {
    static final double MARGIN = 0.15;
    private static final Logger LOG = LoggerFactory.getLogger(ProxChecks.class);

    private ProxChecks() {
    }

    /** Runs every check of {@link GradientCheck#check} and asserts relative errors ≤ 1e-6. */
    static GradientCheckReport assertDerivatives(String name, Function<Var[], Var> f, Tensor... at) {
        GradientCheckReport r = GradientCheck.check(name, f, at);
        LOG.debug("{}: gradient rel. error {}, jvp rel. error {}, dot-product {}", name, r.gradient().error(),
                r.jvp().error(), r.dotProductError());
        return r.assertPasses(GradientCheck.DEFAULT_TOLERANCE, GradientCheck.DEFAULT_MIN_RATE);
    }

    /**
     * @param threshold per-element thresholds {@code θᵢ ≥ 0} ({@code size} of them, or one)
     * @return {@code size} values with random signs whose magnitudes are either in
     *         {@code [0, θᵢ − MARGIN]} (when {@code θᵢ > MARGIN}) or in {@code [θᵢ + MARGIN, θᵢ + 2]}
     */
    static double[] awayFromThreshold(SplittableRandom rng, int size, double... threshold) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            double t = threshold[threshold.length == 1 ? 0 : i];
            boolean inside = t > MARGIN && rng.nextBoolean();
            double mag = inside ? rng.nextDouble() * (t - MARGIN) : t + MARGIN + rng.nextDouble() * (2 - MARGIN);
            v[i] = rng.nextBoolean() ? mag : -mag;
        }
        return v;
    }

    /** @return {@code size} values uniform in {@code [lo, hi]} */
    static double[] uniform(SplittableRandom rng, int size, double lo, double hi) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }
}
