package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import java.util.List;
import java.util.Map;

/**
 * An iterative algorithm unrolled into {@link #depth()} layers: a differentiable map from
 * measurements to a sequence of estimates, one per layer.
 *
 * <p>Shapes are documented by each implementation; for sparse recovery, the input y is [m, B]
 * (samples are columns) and each output x_k is [n, B]. {@link #forward} records on {@code tape},
 * watching the network's parameters so that {@code tape.backward(loss)} accumulates their
 * gradients; with a {@code null} tape the parameters enter as constants (inference, nothing
 * recorded). The network's parameters are modified only by optimisers, never by forward.
 *
 * <p>{@link #layerParameters(int)} partitions {@link #parameters()}: a parameter belongs to the
 * first layer that uses it (tied parameters belong to layer 0). Stage-wise training uses it to
 * train layer k's new parameters before fine-tuning layers 0..k.
 *
 * <p>{@link #configuration()} identifies the architecture and its sizes (for example
 * {@code architecture=lista-cpss, m=250, n=500, layers=16}); checkpoints store it and refuse to
 * load into a network whose configuration differs.
 */
public interface UnrolledNetwork {

    /** @return the stable architecture name, e.g. {@code "lista"}, {@code "alista"} */
    String architecture();

    /** @return the number of layers K */
    int depth();

    /** @return every trainable parameter, in a fixed order */
    ParameterSet parameters();

    /**
     * @param layer 0-based layer index
     * @return the parameters first used by that layer
     */
    ParameterSet layerParameters(int layer);

    /**
     * Runs the first {@code layers} layers.
     *
     * @param tape   the tape to record on, or {@code null} for inference
     * @param y      the input (constant or recorded)
     * @param layers 1 ≤ layers ≤ depth()
     * @return the outputs of layers 1..layers, in order
     */
    List<Var> forward(Tape tape, Var y, int layers);

    /** @return the outputs of all layers */
    default List<Var> forward(Tape tape, Var y) {
        return forward(tape, y, depth());
    }

    /** @return architecture-defining settings; equal configurations accept each other's checkpoints */
    Map<String, String> configuration();

    /**
     * @return {@code tape.watch(p)} when recording, else a constant holding the parameter's value
     */
    static Var bind(Tape tape, Parameter p) {
        return tape == null ? Var.constant(p.value()) : tape.watch(p);
    }
}
