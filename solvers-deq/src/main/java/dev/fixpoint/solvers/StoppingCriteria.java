package dev.fixpoint.solvers;

import java.time.Duration;

/**
 * When an iterative solver stops. Immutable; the {@code with…} methods return modified copies.
 *
 * <ul>
 *   <li>{@code tolerance}: the solver's residual (each solver documents which one, usually a
 *       relative change or a relative optimality residual, dimensionless) at or below it means
 *       {@link SolverStatus#CONVERGED}. Zero disables the test.</li>
 *   <li>{@code maxIterations}: at most this many iterations ({@link SolverStatus#MAX_ITERATIONS}).</li>
 *   <li>{@code timeLimit}: wall-clock limit checked once per iteration ({@link SolverStatus#TIME_LIMIT});
 *       {@code null} for none.</li>
 *   <li>{@code divergenceFactor}: a residual above {@code divergenceFactor × max(first residual, 1)}
 *       is {@link SolverStatus#DIVERGED}; so is any non-finite residual or objective.</li>
 *   <li>{@code recordHistory}: whether objective and residual are kept per iteration.</li>
 * </ul>
 */
public final class StoppingCriteria {
    private final double tolerance;
    private final int maxIterations;
    private final Duration timeLimit;
    private final double divergenceFactor;
    private final boolean recordHistory;

    private StoppingCriteria(double tolerance, int maxIterations, Duration timeLimit,
                             double divergenceFactor, boolean recordHistory) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] tolerance must be finite and >= 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] maxIterations must be >= 1, got " + maxIterations);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] timeLimit must be positive, got " + timeLimit);
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] divergenceFactor must be > 1, got " + divergenceFactor);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.timeLimit = timeLimit;
        this.divergenceFactor = divergenceFactor;
        this.recordHistory = recordHistory;
    }

    /** @return tolerance 1e-8, 1,000 iterations, no time limit, divergence factor 1e10, history on */
    public static StoppingCriteria defaults() {
        return new StoppingCriteria(1e-8, 1000, null, 1e10, true);
    }

    /** @return {@link #defaults()} with the given tolerance and iteration limit */
    public static StoppingCriteria of(double tolerance, int maxIterations) {
        return defaults().withTolerance(tolerance).withMaxIterations(maxIterations);
    }

    /** @return exactly {@code iterations} iterations (tolerance 0): the setting of unrolled comparisons */
    public static StoppingCriteria fixedIterations(int iterations) {
        return of(0, iterations);
    }

    public StoppingCriteria withTolerance(double value) {
        return new StoppingCriteria(value, maxIterations, timeLimit, divergenceFactor, recordHistory);
    }

    public StoppingCriteria withMaxIterations(int value) {
        return new StoppingCriteria(tolerance, value, timeLimit, divergenceFactor, recordHistory);
    }

    public StoppingCriteria withTimeLimit(Duration value) {
        return new StoppingCriteria(tolerance, maxIterations, value, divergenceFactor, recordHistory);
    }

    public StoppingCriteria withDivergenceFactor(double value) {
        return new StoppingCriteria(tolerance, maxIterations, timeLimit, value, recordHistory);
    }

    public StoppingCriteria withHistory(boolean value) {
        return new StoppingCriteria(tolerance, maxIterations, timeLimit, divergenceFactor, value);
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** @return the time limit, or {@code null} for none */
    public Duration timeLimit() {
        return timeLimit;
    }

    public double divergenceFactor() {
        return divergenceFactor;
    }

    public boolean recordHistory() {
        return recordHistory;
    }

    @Override
    public String toString() {
        return "StoppingCriteria[tol=" + tolerance + ", maxIterations=" + maxIterations
                + (timeLimit == null ? "" : ", timeLimit=" + timeLimit) + ", divergenceFactor=" + divergenceFactor + "]";
    }
}
