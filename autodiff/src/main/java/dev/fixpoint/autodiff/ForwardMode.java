package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Forward mode: Jacobian-vector products. The function is recorded once on a tape (the primal
 * pass), then tangents are pushed through the recorded operations in execution order with each
 * operation's {@link Op#jvp} rule — one sweep per tangent direction, no finite differences.
 */
public final class ForwardMode {
    private ForwardMode() {
    }

    /**
     * The output of a function and its Jacobian-vector product.
     *
     * @param output  {@code f(x)}
     * @param tangent {@code J_f(x) · v}, of the output's shape
     */
    public record OutputAndJvp(Tensor output, Tensor tangent) {
    }

    /** @return {@code f(x)} and {@code J_f(x)·v} ({@code v} of {@code x}'s shape) */
    public static OutputAndJvp jvp(Function<Var, Var> f, Tensor x, Tensor v) {
        return jvp(xs -> f.apply(xs[0]), new Tensor[]{x}, new Tensor[]{v});
    }

    /**
     * Multi-input form: {@code f(x₁, …, xₖ)} and {@code Σᵢ ∂f/∂xᵢ · vᵢ}; a {@code null} tangent
     * means zero for that input.
     */
    public static OutputAndJvp jvp(Function<Var[], Var> f, Tensor[] xs, Tensor[] vs) {
        if (xs.length != vs.length) {
            throw new IllegalArgumentException("jvp: " + xs.length + " inputs but " + vs.length + " tangents");
        }
        try (Tape tape = new Tape()) {
            Var[] in = new Var[xs.length];
            for (int i = 0; i < xs.length; i++) {
                if (vs[i] != null && !Arrays.equals(vs[i].shape(), xs[i].shape())) {
                    throw new ShapeMismatchException("jvp tangent " + i, vs[i].shape(), xs[i].shape(),
                            "a tangent must have its input's shape");
                }
                in[i] = tape.variable(xs[i]);
            }
            Var y = f.apply(in);
            return new OutputAndJvp(y.value(), push(tape, in, vs, y));
        }
    }

    /**
     * The forward sweep over an already recorded tape: pushes tangents {@code vs} (one per input
     * variable in {@code in}, {@code null} for zero; shapes already checked) through the recorded
     * operations and returns the tangent of {@code y} (zeros if {@code y} does not depend on the
     * inputs). Does not modify the tape, so it can run once per direction (dense Jacobians).
     */
    static Tensor push(Tape tape, Var[] in, Tensor[] vs, Var y) {
        if (!y.requiresGrad()) {
            return Tensor.zeros(y.shape());
        }
        if (y.tape != tape) {
            throw new FixpointException("NotOnTape", "jvp: the output of shape " + Arrays.toString(y.shape())
                    + " was recorded on another tape than the inputs (does the function capture a variable of an "
                    + "outer tape?)");
        }
        Tensor[] t = new Tensor[tape.slotCount()];
        for (int i = 0; i < in.length; i++) {
            t[in[i].slot] = vs[i];
        }
        List<OpContext> nodes = tape.recorded();
        try (NoGrad scope = NoGrad.enter()) {
            for (OpContext node : nodes) {
                if (node.output.slot > y.slot) {
                    break; // recorded after the output: cannot contribute to it
                }
                Tensor[] tin = new Tensor[node.inputs.length];
                boolean any = false;
                for (int j = 0; j < tin.length; j++) {
                    Var x = node.inputs[j];
                    if (x.tape == tape && x.slot >= 0) {
                        tin[j] = t[x.slot];
                        any |= tin[j] != null;
                    }
                }
                if (!any) {
                    continue;
                }
                Tensor out = node.op.jvp(node, tin);
                if (out == null || !Arrays.equals(out.shape(), node.output.value.shape())) {
                    throw new FixpointException("BadJvp", "JVP of operation '" + node.op.name() + "' returned "
                            + (out == null ? "null" : "shape " + Arrays.toString(out.shape())) + " for an output of shape "
                            + Arrays.toString(node.output.value.shape()));
                }
                t[node.output.slot] = out;
            }
        }
        Tensor ty = t[y.slot];
        return ty == null ? Tensor.zeros(y.shape()) : ty;
    }
}
