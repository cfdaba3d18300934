package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;

/**
 * A matrix-free solver of {@code A x = b}: {@link Cg} (A symmetric positive definite),
 * {@link Gmres} and {@link BiCgStab} (general A). The residual compared to the tolerance is always
 * the relative residual {@code ‖b − A x_k‖₂ / ‖b‖₂} (each solver documents whether it is the true or
 * the recursively updated one). Instances are immutable and can solve for many right-hand sides.
 */
public interface KrylovSolver {

    /** @return the method's name, e.g. {@code "gmres(30)"} */
    String name();

    /**
     * Solves {@code A x = b}.
     *
     * @param b  right-hand side, any shape (finite; not modified)
     * @param x0 starting point of {@code b}'s shape (not modified), or null for zeros
     * @return the result: solution of {@code b}'s shape, status ({@code BREAKDOWN} with the reason
     *         when the method cannot continue), iterations (applications of A), relative-residual history
     */
    SolverResult solve(Tensor b, Tensor x0);
}
