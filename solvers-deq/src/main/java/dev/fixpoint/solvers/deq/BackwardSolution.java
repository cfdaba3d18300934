package dev.fixpoint.solvers.deq;

import dev.fixpoint.core.Tensor;

/**
 * What a {@link BackwardSolver} returns.
 *
 * @param u           the solution {@code [d, B]} of {@code (I − Jᵀ)u = g} (the best one found when not converged)
 * @param converged   whether the solver met its tolerance
 * @param residual    its final residual (the solver's own measure, stated in {@code detail})
 * @param products    number of products with {@code Jᵀ} on the whole batch
 * @param detail      one line: solver, status, residual measure
 */
public record BackwardSolution(Tensor u, boolean converged, double residual, int products, String detail) {
}
