package dev.fixpoint.solvers.deq;

/**
 * What the last backward pass of a {@link DeqLayer} did.
 *
 * @param mode       the backward mode
 * @param products   products with {@code Jᵀ} (or recorded phantom steps)
 * @param residual   the adjoint solver's final residual (NaN for the other modes)
 * @param tapeNodes  operations held on the backward's tape at its peak (the recorded {@code f}, or the
 *                   phantom steps): the memory of the backward pass, independent of the forward iterations
 * @param fellBack   whether a failed exact solve fell back to the Jacobian-free gradient
 * @param seconds    wall-clock time of the backward pass
 */
public record BackwardStatistics(BackwardMode mode, int products, double residual, int tapeNodes, boolean fellBack,
                                 double seconds) {
}
