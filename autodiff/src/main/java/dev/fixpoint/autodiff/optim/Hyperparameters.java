package dev.fixpoint.autodiff.optim;

import dev.fixpoint.core.FixpointException;

/** Range checks for optimiser and schedule settings; errors name the setting, the value and the accepted range. */
final class Hyperparameters {
    private Hyperparameters() {
    }

    /** @return {@code value} if finite and {@code ≥ 0}; else {@code [fixpoint/BadHyperparameter]} */
    static double nonNegative(String what, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw bad(what, value, "a finite number ≥ 0");
        }
        return value;
    }

    /** @return {@code value} if finite and {@code > 0} */
    static double positive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw bad(what, value, "a finite number > 0");
        }
        return value;
    }

    /** @return {@code value} if in {@code [0, 1)} */
    static double unitInterval(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw bad(what, value, "[0, 1)");
        }
        return value;
    }

    /** @return {@code value} if {@code ≥ min} */
    static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new FixpointException("BadHyperparameter", what + " = " + value + " is out of range; accepted: ≥ " + min);
        }
        return value;
    }

    /** @return {@code value} if {@code ≥ min} */
    static long atLeast(String what, long value, long min) {
        if (value < min) {
            throw new FixpointException("BadHyperparameter", what + " = " + value + " is out of range; accepted: ≥ " + min);
        }
        return value;
    }

    static FixpointException bad(String what, double value, String range) {
        return new FixpointException("BadHyperparameter", what + " = " + value + " is out of range; accepted: " + range);
    }
}
