package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link UnrolledNetwork} that can record only some of its parameters: the others enter the
 * forward pass as constants, so the layers that use nothing but them are not recorded on the tape
 * and backward does not run through them. Stage-wise training uses it when it trains only the new
 * parameters of layer k: layers 0 … k−1 then run as plain inference.
 */
public interface SelectiveRecording extends UnrolledNetwork {

    /**
     * As {@link UnrolledNetwork#forward(Tape, Var, int)}, watching only the parameters accepted by
     * {@code recorded}; the others are bound as constants (their gradients stay untouched).
     *
     * @param recorded which parameters to watch on {@code tape} (ignored when {@code tape} is null)
     */
    List<Var> forward(Tape tape, Var y, int layers, Predicate<Parameter> recorded);
}
