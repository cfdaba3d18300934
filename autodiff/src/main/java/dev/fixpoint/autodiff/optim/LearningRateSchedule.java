package dev.fixpoint.autodiff.optim;

/**
 * A learning rate as a function of the optimiser step: {@link #rate(long)} is asked once per
 * {@link Optimizer#step()} with the number of steps already taken ({@code 0} for the first step).
 * Schedules are stateless (a pure function of the step), so a run resumed from
 * {@link Optimizer#saveState saved state} — which restores the step count — continues on the same curve.
 *
 * <pre>{@code
 * optimizer.setSchedule(LearningRateSchedule.linearWarmup(100,
 *         LearningRateSchedule.cosineAnnealing(1e-3, 1e-5, 10_000)));
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param step number of optimiser steps already taken, {@code ≥ 0}
     * @return the learning rate for the next step (finite, {@code ≥ 0})
     */
    double rate(long step);

    /** @return {@code lr} at every step */
    static LearningRateSchedule constant(double lr) {
        Hyperparameters.nonNegative("learning rate", lr);
        return step -> lr;
    }

    /**
     * Step decay: {@code lr · gamma^⌊step / period⌋}.
     *
     * @param period number of steps between decays, {@code ≥ 1}
     * @param gamma  factor per decay, in {@code (0, 1]} usually
     */
    static LearningRateSchedule stepDecay(double lr, long period, double gamma) {
        Hyperparameters.nonNegative("learning rate", lr);
        Hyperparameters.atLeast("step-decay period", period, 1);
        Hyperparameters.positive("step-decay gamma", gamma);
        return step -> lr * Math.pow(gamma, (double) (step / period));
    }

    /** Exponential decay: {@code lr · gamma^step}. */
    static LearningRateSchedule exponential(double lr, double gamma) {
        Hyperparameters.nonNegative("learning rate", lr);
        Hyperparameters.positive("exponential-decay gamma", gamma);
        return step -> lr * Math.pow(gamma, (double) step);
    }

    /**
     * Cosine annealing (SGDR without restarts):
     * {@code lrMin + (lr − lrMin)·(1 + cos(π·step/period))/2} for {@code step ≤ period}, then {@code lrMin}.
     *
     * @param period number of steps from {@code lr} down to {@code lrMin}, {@code ≥ 1}
     */
    static LearningRateSchedule cosineAnnealing(double lr, double lrMin, long period) {
        Hyperparameters.nonNegative("learning rate", lr);
        Hyperparameters.nonNegative("minimum learning rate", lrMin);
        Hyperparameters.atLeast("cosine period", period, 1);
        return step -> step >= period ? lrMin
                : lrMin + 0.5 * (lr - lrMin) * (1 + Math.cos(Math.PI * step / period));
    }

    /**
     * Linear warm-up in front of another schedule: for {@code step < warmupSteps} the rate is
     * {@code then.rate(0) · (step + 1) / warmupSteps}; afterwards {@code then.rate(step − warmupSteps)}
     * (the wrapped schedule starts its own count when the warm-up ends).
     *
     * @param warmupSteps length of the ramp, {@code ≥ 1}
     */
    static LearningRateSchedule linearWarmup(long warmupSteps, LearningRateSchedule then) {
        Hyperparameters.atLeast("warm-up steps", warmupSteps, 1);
        java.util.Objects.requireNonNull(then, "then");
        return step -> step < warmupSteps ? then.rate(0) * (step + 1) / warmupSteps : then.rate(step - warmupSteps);
    }
}
