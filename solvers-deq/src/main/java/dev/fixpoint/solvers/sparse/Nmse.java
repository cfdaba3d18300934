package dev.fixpoint.solvers.sparse;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * Normalised mean squared error over a set of samples, in decibels:
 * {@code NMSE(dB) = 10·log10(Σ‖x̂ − x‖² / Σ‖x‖²)}, the sums running over all samples (columns) —
 * the convention of the LISTA / ALISTA papers (a ratio of totals, not a mean of per-sample ratios).
 */
public final class Nmse {
    private Nmse() {
    }

    /** @return Σ‖estimate − truth‖² / Σ‖truth‖² (linear scale) */
    public static double ratio(Tensor estimate, Tensor truth) {
        if (!estimate.sameShape(truth)) {
            throw new ShapeMismatchException("Nmse", estimate.shape(), truth.shape(), "estimate and truth have the same shape");
        }
        double[] e = estimate.data();
        double[] t = truth.data();
        int eo = estimate.offset();
        int to = truth.offset();
        double err = 0;
        double ref = 0;
        for (int i = 0; i < truth.size(); i++) {
            double d = e[eo + i] - t[to + i];
            err += d * d;
            ref += t[to + i] * t[to + i];
        }
        if (!(ref > 0)) {
            throw new FixpointException("InvalidInput", "NMSE undefined: the reference signal is zero");
        }
        if (!Double.isFinite(err)) {
            throw new FixpointException("NonFinite", "NMSE: the estimate contains NaN or Inf");
        }
        return err / ref;
    }

    /** @return {@code 10·log10(ratio(estimate, truth))} in dB */
    public static double decibels(Tensor estimate, Tensor truth) {
        return toDecibels(ratio(estimate, truth));
    }

    /** @return {@code 10·log10(ratio)} */
    public static double toDecibels(double ratio) {
        return 10 * Math.log10(ratio);
    }
}
