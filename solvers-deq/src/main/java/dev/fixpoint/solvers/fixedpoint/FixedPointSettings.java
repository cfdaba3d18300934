package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * Settings of the fixed-point solvers. Immutable; the {@code with…} methods return modified copies
 * and reject values outside their range with {@code [fixpoint/InvalidParameter]}.
 *
 * <ul>
 *   <li>{@code stopping}: per-sample stopping rules (tolerance on the {@link ResidualNorm}, iteration
 *       limit = evaluation limit per sample, divergence factor); default tolerance 1e-8, 1,000 iterations.</li>
 *   <li>{@code damping} β ∈ (0, 1]: Picard steps are {@code z ← (1−β)z + βf(z)}; Anderson mixes with β
 *       (default 1).</li>
 *   <li>{@code memory} m ∈ [1, 100]: Anderson's and Broyden's number of stored secant pairs (default 5).</li>
 *   <li>{@code regularization} ≥ 0: Anderson's Tikhonov term, relative to the scale of the residual
 *       differences: {@code λ·trace(ΔGᵀΔG)} is added to the diagonal, so the step does not change when the
 *       problem is rescaled (default 1e-10).</li>
 *   <li>{@code maxCondition} > 1: Anderson falls back to a Picard step (and clears its memory) when the
 *       estimated condition number of its regularised least-squares matrix exceeds it (default 1e12).</li>
 *   <li>{@code safeguard} ≥ 1: Anderson rejects an accelerated step whose residual exceeds
 *       {@code safeguard ×} the residual of the point it came from and takes a Picard step from that point
 *       instead (default 10 — only gross failures; 1 makes the accepted residuals monotone but costs
 *       Anderson its speed-up on lasso-ISTA).</li>
 *   <li>{@code maxBacktracks} ∈ [0, 30]: Broyden's halvings of a step that does not decrease the residual
 *       before it resets to a Picard step (default 4).</li>
 *   <li>{@code residualNorm}: relative (default) or absolute.</li>
 * </ul>
 */
public final class FixedPointSettings {
    private final StoppingCriteria stopping;
    private final double damping;
    private final int memory;
    private final double regularization;
    private final double maxCondition;
    private final double safeguard;
    private final int maxBacktracks;
    private final ResidualNorm residualNorm;

    private FixedPointSettings(StoppingCriteria stopping, double damping, int memory, double regularization,
                               double maxCondition, double safeguard, int maxBacktracks, ResidualNorm residualNorm) {
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.damping = check("damping", damping, damping > 0 && damping <= 1, "(0, 1]");
        if (memory < 1 || memory > 100) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] memory must be in [1, 100], got " + memory);
        }
        this.memory = memory;
        this.regularization = check("regularization", regularization, regularization >= 0 && regularization < 1, "[0, 1)");
        this.maxCondition = check("maxCondition", maxCondition, maxCondition > 1, "(1, ∞)");
        this.safeguard = check("safeguard", safeguard, safeguard >= 1, "[1, ∞)");
        if (maxBacktracks < 0 || maxBacktracks > 30) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] maxBacktracks must be in [0, 30], got " + maxBacktracks);
        }
        this.maxBacktracks = maxBacktracks;
        this.residualNorm = Objects.requireNonNull(residualNorm, "residualNorm");
    }

    private static double check(String name, double value, boolean ok, String range) {
        if (!ok || Double.isNaN(value)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + name + " must be in " + range + ", got " + value);
        }
        return value;
    }

    /** @return the defaults listed in the class comment */
    public static FixedPointSettings defaults() {
        return new FixedPointSettings(StoppingCriteria.defaults(), 1.0, 5, 1e-10, 1e12, 10, 4, ResidualNorm.RELATIVE);
    }

    /** @return {@link #defaults()} with the given tolerance and per-sample iteration limit */
    public static FixedPointSettings of(double tolerance, int maxIterations) {
        return defaults().withStopping(StoppingCriteria.of(tolerance, maxIterations));
    }

    /** @return a copy with the per-sample stopping rules */
    public FixedPointSettings withStopping(StoppingCriteria value) {
        return new FixedPointSettings(value, damping, memory, regularization, maxCondition, safeguard, maxBacktracks, residualNorm);
    }

    /** @return a copy with damping β ∈ (0, 1] */
    public FixedPointSettings withDamping(double value) {
        return new FixedPointSettings(stopping, value, memory, regularization, maxCondition, safeguard, maxBacktracks, residualNorm);
    }

    /** @return a copy with memory m ∈ [1, 100] */
    public FixedPointSettings withMemory(int value) {
        return new FixedPointSettings(stopping, damping, value, regularization, maxCondition, safeguard, maxBacktracks, residualNorm);
    }

    /** @return a copy with the relative regularisation λ ∈ [0, 1) */
    public FixedPointSettings withRegularization(double value) {
        return new FixedPointSettings(stopping, damping, memory, value, maxCondition, safeguard, maxBacktracks, residualNorm);
    }

    /** @return a copy with the condition limit (> 1) of Anderson's least-squares matrix */
    public FixedPointSettings withMaxCondition(double value) {
        return new FixedPointSettings(stopping, damping, memory, regularization, value, safeguard, maxBacktracks, residualNorm);
    }

    /** @return a copy with Anderson's residual-increase safeguard factor (≥ 1) */
    public FixedPointSettings withSafeguard(double value) {
        return new FixedPointSettings(stopping, damping, memory, regularization, maxCondition, value, maxBacktracks, residualNorm);
    }

    /** @return a copy with Broyden's backtracking limit ∈ [0, 30] */
    public FixedPointSettings withMaxBacktracks(int value) {
        return new FixedPointSettings(stopping, damping, memory, regularization, maxCondition, safeguard, value, residualNorm);
    }

    /** @return a copy testing the given residual */
    public FixedPointSettings withResidualNorm(ResidualNorm value) {
        return new FixedPointSettings(stopping, damping, memory, regularization, maxCondition, safeguard, maxBacktracks, value);
    }

    /** @return the per-sample stopping rules */
    public StoppingCriteria stopping() {
        return stopping;
    }

    /** @return β */
    public double damping() {
        return damping;
    }

    /** @return m */
    public int memory() {
        return memory;
    }

    /** @return the relative regularisation λ */
    public double regularization() {
        return regularization;
    }

    /** @return the condition limit of Anderson's least-squares matrix */
    public double maxCondition() {
        return maxCondition;
    }

    /** @return Anderson's safeguard factor */
    public double safeguard() {
        return safeguard;
    }

    /** @return Broyden's backtracking limit */
    public int maxBacktracks() {
        return maxBacktracks;
    }

    /** @return the residual tested against the tolerance */
    public ResidualNorm residualNorm() {
        return residualNorm;
    }

    @Override
    public String toString() {
        return "FixedPointSettings[" + stopping + ", damping=" + damping + ", memory=" + memory + ", regularization="
                + regularization + ", maxCondition=" + maxCondition + ", safeguard=" + safeguard + ", maxBacktracks="
                + maxBacktracks + ", residual=" + residualNorm + "]";
    }
}
