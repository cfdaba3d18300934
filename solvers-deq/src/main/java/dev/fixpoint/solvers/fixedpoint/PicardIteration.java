package dev.fixpoint.solvers.fixedpoint;

/**
 * Damped Picard (Krasnosel'skii–Mann) iteration {@code z ← (1 − β) z + β f(z)}, β =
 * {@link FixedPointSettings#damping()}. Converges linearly for a contraction (β = 1) or an averaged
 * nonexpansive map (β < 1). One map evaluation per iteration.
 */
public final class PicardIteration extends BatchedIteration {
    /** The registered name. */
    public static final String NAME = "picard";

    /** @param settings damping and stopping rules are used */
    public PicardIteration(FixedPointSettings settings) {
        super(NAME, settings);
    }

    @Override
    SampleState newState(int d) {
        double beta = settings.damping();
        return (z, fz, residual, next) -> {
            for (int i = 0; i < z.length; i++) {
                next[i] = z[i] + beta * (fz[i] - z[i]);
            }
        };
    }
}
