package dev.fixpoint.solvers.amp;

import dev.fixpoint.core.FixpointException;

/**
 * The phase transition of noiseless soft-threshold AMP, equal to the Donoho–Tanner weak threshold
 * of ℓ1 minimisation (Donoho, Maleki and Montanari 2009). In the noiseless state evolution
 * {@code τ²_{t+1} = mse(τ_t)/δ}, the fixed point τ = 0 (exact recovery) is stable when the slope
 * {@code ω(α) = [ε(1 + α²) + (1 − ε)·2M(α)]/δ} is below 1, with
 * {@code M(z) = (1 + z²)Φ(−z) − zφ(z)}. Writing {@code ε = ρδ}, AMP with multiplier α recovers
 * signals with {@code ρ < ρ(δ, α) = [1 − (2/δ)M(α)] / [1 + α² − 2M(α)]}; the minimax curve is
 * <pre>
 *   ρ_SE(δ) = max_z [1 − (2/δ)·M(z)] / [1 + z² − 2·M(z)]
 * </pre>
 * and the maximiser {@code α*(δ)} is the optimal (minimax) threshold multiplier. Conventions:
 * {@code δ = m/n}, {@code ρ = k/m}. Stateless.
 */
public final class PhaseTransition {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final double Z_MAX = 8;
    private static final int SCAN = 160;

    /**
     * A point of the curve.
     *
     * @param delta δ = m/n
     * @param rho   ρ_SE(δ) = k/m
     * @param alpha α*(δ), the maximising threshold multiplier
     */
    public record Point(double delta, double rho, double alpha) {
    }

    private PhaseTransition() {
    }

    /**
     * @param delta δ ∈ (0, 1)
     * @param alpha α ≥ 0
     * @return ρ(δ, α): the largest ρ for which AMP with this α still recovers exactly (may be ≤ 0:
     *         then no sparsity is recovered with this α)
     */
    public static double rho(double delta, double alpha) {
        checkDelta(delta);
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new FixpointException("InvalidParameter", "phase transition: alpha must be finite and >= 0, got " + alpha);
        }
        double mz = StandardNormal.softThresholdTail(alpha);
        return (1 - 2 / delta * mz) / (1 + alpha * alpha - 2 * mz);
    }

    /**
     * Maximises {@link #rho(double, double)} over α ∈ (0, 8]: a scan on 160 points, then golden
     * section on the bracket of the best one to a width of 1e-12 (ρ is smooth and unimodal in α).
     *
     * @param delta δ ∈ (0, 1)
     * @return ρ_SE(δ) and α*(δ)
     */
    public static Point at(double delta) {
        checkDelta(delta);
        int best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= SCAN; i++) {
            double v = rho(delta, Z_MAX * i / SCAN);
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double lo = Z_MAX * (best - 1) / SCAN;
        double hi = Z_MAX * Math.min(best + 1, SCAN) / SCAN;
        double a = hi - GOLDEN * (hi - lo);
        double b = lo + GOLDEN * (hi - lo);
        double fa = rho(delta, a);
        double fb = rho(delta, b);
        while (hi - lo > 1e-12) {
            if (fa < fb) {
                lo = a;
                a = b;
                fa = fb;
                b = lo + GOLDEN * (hi - lo);
                fb = rho(delta, b);
            } else {
                hi = b;
                b = a;
                fb = fa;
                a = hi - GOLDEN * (hi - lo);
                fa = rho(delta, a);
            }
        }
        double alpha = (lo + hi) / 2;
        return new Point(delta, rho(delta, alpha), alpha);
    }

    /** @return ρ_SE(δ) for δ ∈ (0, 1) */
    public static double rho(double delta) {
        return at(delta).rho();
    }

    /** @return α*(δ), the threshold multiplier that attains ρ_SE(δ), for δ ∈ (0, 1) */
    public static double optimalAlpha(double delta) {
        return at(delta).alpha();
    }

    private static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new FixpointException("InvalidParameter", "phase transition: delta = m/n must be in (0, 1), got " + delta);
        }
    }
}
