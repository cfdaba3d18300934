package dev.fixpoint.solvers.iterative;

/**
 * Adaptive restart of accelerated methods (O'Donoghue &amp; Candès, "Adaptive restart for
 * accelerated gradient schemes", 2015): when the test fires, the momentum is reset
 * ({@code t_k ← 1}, {@code y ← x_k}). With {@code x_k} the new iterate and {@code y_{k−1}} the point
 * where the gradient step was taken:
 */
public enum Restart {
    /** Never restart (plain FISTA / Nesterov). */
    NONE,
    /** Function scheme: restart when the objective increases, {@code F(x_k) > F(x_{k−1})}. */
    FUNCTION,
    /** Gradient scheme: restart when {@code ⟨y_{k−1} − x_k, x_k − x_{k−1}⟩ > 0} (the momentum points uphill). */
    GRADIENT
}
