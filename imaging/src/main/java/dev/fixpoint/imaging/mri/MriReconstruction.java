package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.ComplexPairs;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverStatus;

/**
 * A reconstruction and how it was obtained.
 *
 * @param method     method name ({@code zero-filled}, {@code sense}, {@code cs-wavelet}, {@code cs-tv}, {@code unrolled})
 * @param image      complex image {@code [h, w, 2]}
 * @param iterations iterations run (0 for direct methods)
 * @param status     solver status ({@link SolverStatus#CONVERGED} for direct methods)
 * @param residual   the solver's final relative residual (0 for direct methods)
 * @param seconds    wall-clock time
 */
public record MriReconstruction(String method, Tensor image, int iterations, SolverStatus status, double residual,
                                double seconds) {
    /** @return the magnitude image {@code |x|}, {@code [h, w]} */
    public Tensor magnitude() {
        return ComplexPairs.abs(image);
    }
}
