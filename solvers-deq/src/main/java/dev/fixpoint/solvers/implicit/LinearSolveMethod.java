package dev.fixpoint.solvers.implicit;

/**
 * How the linear systems of implicit differentiation, {@code (∂F/∂z)ᵀ u = g} (VJP) and
 * {@code (∂F/∂z) t = −(∂F/∂θ) v} (JVP), are solved. All are matrix-free.
 */
public enum LinearSolveMethod {
    /** Conjugate gradients; only when ∂F/∂z is symmetric positive definite (e.g. F = ∇_z g, g strongly convex). */
    CG,
    /** Restarted GMRES; any nonsingular ∂F/∂z. */
    GMRES,
    /** BiCGSTAB; any nonsingular ∂F/∂z, short recurrences. */
    BICGSTAB,
    /**
     * The Neumann series {@code u = Σₖ (I − Aᵀ)ᵏ g} (Richardson iteration with step 1); for a fixed
     * point {@code F = z − T} this is {@code u = Σₖ (∂T/∂zᵀ)ᵏ g}, which converges when T is a contraction.
     */
    NEUMANN
}
