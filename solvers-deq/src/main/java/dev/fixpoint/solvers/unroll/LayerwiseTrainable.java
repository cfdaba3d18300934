package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link UnrolledNetwork} with two hooks that make stage-wise (layer-by-layer) training cheaper:
 * recording only some parameters, and initialising a new layer from a trained one.
 */
public interface LayerwiseTrainable extends UnrolledNetwork {

    /**
     * As {@link UnrolledNetwork#forward(Tape, Var, int)}, watching only the parameters accepted by
     * {@code recorded}; the others are bound as constants, so the layers that use nothing but them
     * are not recorded and backward does not run through them (their gradients stay untouched).
     * Stage-wise training uses it when it trains only the new parameters of layer k: layers
     * 0 … k−1 then run as plain inference.
     *
     * @param recorded which parameters to watch on {@code tape} (ignored when {@code tape} is null)
     */
    List<Var> forward(Tape tape, Var y, int layers, Predicate<Parameter> recorded);

    /**
     * Copies the values of layer {@code source}'s own parameters into the corresponding parameters
     * of layer {@code layer} (same role and shape, e.g. {@code theta.4 ← theta.3}); parameters without
     * a counterpart keep their values. <b>Modifies</b> layer {@code layer}'s parameters.
     *
     * @param layer  the layer to initialise, 0 ≤ layer &lt; depth
     * @param source the layer to copy from, 0 ≤ source &lt; depth
     */
    void initialiseLayer(int layer, int source);
}
