package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;

/** A solver of {@code (AᵀA + μI + ρKᵀK) x = r}, the x-subproblem of ADMM and split Bregman. */
interface NormalSystem {

    /**
     * Solves for x.
     *
     * @param rhs r, of A's domain shape (not modified)
     * @param x   on entry the warm start (used by iterative solvers), on exit the solution; <b>modified</b>
     * @return the number of inner iterations (0 for a direct solve)
     */
    int solve(Tensor rhs, Tensor x);

    /** Changes ρ (refactoring where needed). */
    void updateRho(double rho);
}
