package dev.fixpoint.solvers.train;

import dev.fixpoint.core.ShapeMismatchException;
import java.util.Objects;
import dev.fixpoint.core.Tensor;

/**
 * A batch of training examples: the network input and the target of its last layer. The layout
 * of samples is the network's (for sparse recovery, samples are columns: input y [m, B], target
 * x [n, B]; an image network may use [B, C, H, W]). The tensors are owned by the batch; callers
 * must not modify them.
 *
 * @param input  what the network reads
 * @param target what its output should equal; must not be all zeros (it is the NMSE reference)
 */
public record TrainingBatch(Tensor input, Tensor target) {
    /** Validates the fields. */
    public TrainingBatch {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(target, "target");
        if (input.rank() == 0 || target.rank() == 0) {
            throw new ShapeMismatchException("TrainingBatch", input.shape(), target.shape(), "input and target hold a batch (rank >= 1)");
        }
    }
}
