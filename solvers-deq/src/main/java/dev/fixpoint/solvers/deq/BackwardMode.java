package dev.fixpoint.solvers.deq;

import java.util.Objects;

/**
 * How a {@link DeqLayer} differentiates its equilibrium {@code z* = f(z*, x; θ)}. With upstream
 * cotangent {@code g} and {@code J = ∂f/∂z} at {@code z*}, the parameter and input cotangents are
 * {@code (∂f/∂(x, θ))ᵀ u} for:
 * <ul>
 *   <li>{@link #exact}: {@code u} solves {@code (I − Jᵀ)u = g} (implicit function theorem), by a
 *       {@link BackwardSolver}; a solve that does not converge raises
 *       {@code [fixpoint/BackwardSolveFailed]} with its residual, or falls back to the Jacobian-free
 *       gradient when {@link #withFallback(boolean) fallback} is on (logged as a warning);</li>
 *   <li>{@link #neumann}: {@code u = Σ_{i<k} (Jᵀ)ⁱ g}, k terms; {@code ‖u − u*‖ ≤ ‖J‖ᵏ/(1 − ‖J‖)·‖g‖} for
 *       ‖J‖ < 1 (spectral norm);</li>
 *   <li>{@link #jacobianFree}: {@code u = g} (JFB, Fung et al. 2022);</li>
 *   <li>{@link #phantom}: backpropagation through k damped steps {@code z ← (1 − λ)z + λ f(z)} recorded from
 *       {@code z*} (phantom gradients, Geng et al. 2021).</li>
 * </ul>
 * Immutable.
 */
public final class BackwardMode {

    /** The kinds of backward pass. */
    public enum Kind {
        /** Implicit function theorem, solved to a tolerance. */
        EXACT,
        /** Truncated Neumann series. */
        NEUMANN,
        /** Jacobian-free: the identity in place of {@code (I − Jᵀ)⁻¹}. */
        JACOBIAN_FREE,
        /** Differentiate k damped steps from the equilibrium. */
        PHANTOM
    }

    private final Kind kind;
    private final int steps;
    private final double damping;
    private final BackwardSolver solver;
    private final boolean fallback;

    private BackwardMode(Kind kind, int steps, double damping, BackwardSolver solver, boolean fallback) {
        this.kind = kind;
        this.steps = steps;
        this.damping = damping;
        this.solver = solver;
        this.fallback = fallback;
    }

    /** @return the exact implicit gradient with {@link BackwardSolver#defaultSolver()}, no fallback */
    public static BackwardMode exact() {
        return exact(BackwardSolver.defaultSolver());
    }

    /** @return the exact implicit gradient with the given solver of the adjoint equation, no fallback */
    public static BackwardMode exact(BackwardSolver solver) {
        return new BackwardMode(Kind.EXACT, 0, 1, Objects.requireNonNull(solver, "solver"), false);
    }

    /**
     * @param terms k ∈ [1, 100000]: the number of terms {@code (Jᵀ)⁰g … (Jᵀ)^{k−1}g}
     * @return the truncated Neumann series
     */
    public static BackwardMode neumann(int terms) {
        if (terms < 1 || terms > 100_000) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] Neumann terms must be in [1, 100000], got " + terms);
        }
        return new BackwardMode(Kind.NEUMANN, terms, 1, null, false);
    }

    /** @return the Jacobian-free gradient (u = g) */
    public static BackwardMode jacobianFree() {
        return new BackwardMode(Kind.JACOBIAN_FREE, 0, 1, null, false);
    }

    /**
     * @param steps   k ∈ [1, 10000] recorded steps
     * @param damping λ ∈ (0, 1]
     * @return phantom gradients through k damped steps from z*
     */
    public static BackwardMode phantom(int steps, double damping) {
        if (steps < 1 || steps > 10_000) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] phantom steps must be in [1, 10000], got " + steps);
        }
        if (!(damping > 0 && damping <= 1)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] phantom damping must be in (0, 1], got " + damping);
        }
        return new BackwardMode(Kind.PHANTOM, steps, damping, null, false);
    }

    /**
     * @param value for {@link Kind#EXACT}: whether a failed adjoint solve falls back to the Jacobian-free
     *              gradient (with a warning) instead of raising {@code [fixpoint/BackwardSolveFailed]}
     * @return a copy with the fallback set
     */
    public BackwardMode withFallback(boolean value) {
        return new BackwardMode(kind, steps, damping, solver, value);
    }

    /** @return the kind of backward pass */
    public Kind kind() {
        return kind;
    }

    /** @return Neumann terms or phantom steps (0 otherwise) */
    public int steps() {
        return steps;
    }

    /** @return the phantom damping λ (1 otherwise) */
    public double damping() {
        return damping;
    }

    /** @return the adjoint solver of {@link Kind#EXACT}, or null */
    public BackwardSolver solver() {
        return solver;
    }

    /** @return whether a failed exact solve falls back to the Jacobian-free gradient */
    public boolean fallback() {
        return fallback;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> "exact" + (fallback ? " (fallback JFB)" : "");
            case NEUMANN -> "neumann(" + steps + ")";
            case JACOBIAN_FREE -> "jfb";
            case PHANTOM -> "phantom(" + steps + ", λ=" + damping + ")";
        };
    }
}
