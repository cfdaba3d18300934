package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;

/**
 * The differentiable proximal map of an unrolled algorithm's regulariser {@code g}: given the point
 * {@code v} and the threshold {@code θ = s·λ} (the algorithm's step {@code s} times the weight λ),
 * returns {@code prox_{θ g}(v)}. Gradients flow to {@code v} and to {@code θ} (so a step or a weight
 * can be learned); maps that do not depend on θ (projections) ignore it and report
 * {@link #weighted()} {@code = false}.
 *
 * <p>Shapes: {@code v} any shape (a batch [n, B] in the unrolled solvers), {@code θ} a scalar []; the
 * output has {@code v}'s shape. The factories below delegate to
 * {@link dev.fixpoint.operators.prox.diff.DifferentiableProx} and {@link dev.fixpoint.autodiff.Ops}.
 */
public interface UnrolledProx {

    /** @return a stable name for configurations, e.g. {@code "l1"} */
    String name();

    /** @return whether the map depends on the threshold θ (false for projections) */
    boolean weighted();

    /**
     * @param v     the point, any shape
     * @param theta the threshold {@code s·λ}, a scalar (ignored when not {@link #weighted()})
     * @return {@code prox_{θ g}(v)}, of {@code v}'s shape
     */
    Var apply(Var v, Var theta);

    /** @return soft thresholding, the prox of {@code ‖·‖₁}: {@code sign(v)·max(|v| − θ, 0)} */
    static UnrolledProx softThreshold() {
        return StandardProx.L1;
    }

    /** @return the prox of {@code ‖·‖₁} plus the indicator of {@code x ≥ 0}: {@code max(v − θ, 0)} */
    static UnrolledProx nonNegativeSoftThreshold() {
        return StandardProx.L1_NONNEGATIVE;
    }

    /** @return the projection onto {@code x ≥ 0} (derivative 0 where {@code v ≤ 0}); ignores θ */
    static UnrolledProx nonNegative() {
        return StandardProx.NONNEGATIVE;
    }

    /**
     * @param lo lower bound, finite
     * @param hi upper bound, finite and {@code ≥ lo}
     * @return the projection onto the box {@code [lo, hi]}; ignores θ
     */
    static UnrolledProx box(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new FixpointException("InvalidParameter", "box prox: need finite bounds lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
        return new StandardProx.Box(lo, hi);
    }
}
