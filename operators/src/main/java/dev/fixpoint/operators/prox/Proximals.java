package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * Factories for the library of proximal functions. Each returns an immutable, thread-safe
 * {@link ProximalFunction}; parameters are validated at once ({@code [fixpoint/BadParameter]} naming
 * the value and the accepted range). Tensor arguments are copied.
 */
public final class Proximals {
    private Proximals() {
    }

    /** @return {@code f(x) = 0} */
    public static ZeroFunction zero() {
        return new ZeroFunction();
    }

    /** @return {@code λ‖x‖₁} ({@code λ ≥ 0}) */
    public static L1Norm l1(double lambda) {
        return new L1Norm(lambda, null);
    }

    /** @return {@code λ Σᵢ wᵢ|xᵢ|} ({@code λ ≥ 0}, {@code wᵢ ≥ 0} finite; inputs must have the weights' shape) */
    public static L1Norm weightedL1(double lambda, Tensor weights) {
        return new L1Norm(lambda, weights);
    }

    /** @return {@code λ‖x‖₂} ({@code λ > 0}) */
    public static L2Norm l2Norm(double lambda) {
        return new L2Norm(lambda);
    }

    /** @return {@code λ‖x‖∞} ({@code λ > 0}) */
    public static LInfNorm linfNorm(double lambda) {
        return new LInfNorm(lambda);
    }

    /** @return {@code (λ/2)‖x‖₂²} ({@code λ > 0}) */
    public static SquaredL2Norm squaredL2(double lambda) {
        return new SquaredL2Norm(lambda);
    }

    /** @return {@code λ₁‖x‖₁ + (λ₂/2)‖x‖₂²} ({@code λ₁, λ₂ ≥ 0}) */
    public static ElasticNet elasticNet(double lambda1, double lambda2) {
        return new ElasticNet(lambda1, lambda2);
    }

    /** @return the Huber loss with threshold {@code δ > 0} */
    public static HuberLoss huber(double delta) {
        return new HuberLoss(delta);
    }

    /** @return the indicator of {@code [lo, hi]} elementwise ({@code lo ≤ hi}; infinite bounds allowed) */
    public static BoxIndicator box(double lo, double hi) {
        return new BoxIndicator(lo, hi);
    }

    /** @return the indicator of {@code {loᵢ ≤ xᵢ ≤ hiᵢ}} (bounds of equal shape, {@code lo ≤ hi} elementwise) */
    public static BoxIndicator box(Tensor lo, Tensor hi) {
        return new BoxIndicator(lo, hi);
    }

    /** @return the indicator of {@code {x ≥ 0}} */
    public static NonNegativeIndicator nonNegative() {
        return new NonNegativeIndicator();
    }

    /** @return the indicator of the simplex {@code {x ≥ 0, Σx = r}} ({@code r > 0}) */
    public static SimplexIndicator simplex(double r) {
        return new SimplexIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖₁ ≤ r}} ({@code r > 0}) */
    public static L1BallIndicator l1Ball(double r) {
        return new L1BallIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖₂ ≤ r}} ({@code r > 0}) */
    public static L2BallIndicator l2Ball(double r) {
        return new L2BallIndicator(r);
    }

    /** @return the indicator of {@code {‖x‖∞ ≤ r}} ({@code r > 0}) */
    public static LInfBallIndicator linfBall(double r) {
        return new LInfBallIndicator(r);
    }
}
