package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A define-by-run tape for reverse-mode differentiation. Operations on variables of this tape are
 * recorded in execution order (which is a topological order); {@link #backward} walks them in
 * reverse, calling each operation's VJP and accumulating cotangents.
 *
 * <p><b>Memory.</b> Backward releases the tape: recorded nodes and the tensors they saved are
 * dropped as soon as they have been processed, and the tape refuses further use
 * ({@code [fixpoint/ReleasedTape]}). Use one tape per step (try-with-resources); a training loop
 * then keeps no memory from step to step. Pass {@code retainGraph} to backward more than once.
 *
 * <p><b>Higher order.</b> {@link #gradients(Var, Tensor, Var[], boolean)} with
 * {@code createGraph = true} records the backward pass itself on this tape, so its results can be
 * differentiated again (Hessian-vector products).
 *
 * <p>Not thread-safe: a tape and its variables belong to one thread at a time.
 *
 * <pre>{@code
 * try (Tape tape = new Tape()) {
 *     Var x = tape.variable(Tensor.vector(1, 2, 3));
 *     Var loss = Ops.sum(Ops.mul(x, x));
 *     loss.backward();
 *     Tensor g = x.grad();            // 2x = [2, 4, 6]
 * }
 * }</pre>
 */
public final class Tape implements AutoCloseable {
    private final List<OpContext> nodes = new ArrayList<>();
    private final List<Var> leaves = new ArrayList<>();
    private int slots;
    private String releasedBy;

    /** Creates an empty, live tape. */
    public Tape() {
    }

    // ------------------------------------------------------------------ leaves

    /** @return a leaf variable that requires a gradient; its value is shared, not copied */
    public Var variable(Tensor value) {
        checkLive("variable");
        Var v = new Var(value, this, slots++, true, null);
        leaves.add(v);
        return v;
    }

    /** @return a leaf bound to a parameter: backward accumulates into {@link Parameter#grad()} */
    public Var watch(Parameter parameter) {
        checkLive("watch");
        Var v = new Var(parameter.value(), this, slots++, true, parameter);
        leaves.add(v);
        return v;
    }

    /** @return a constant; same as {@link Var#constant(Tensor)} */
    public Var constant(Tensor value) {
        return Var.constant(value);
    }

    /** @return the number of recorded operations (0 after release) */
    public int size() {
        return nodes.size();
    }

    /** The recorded nodes in execution order (for the forward-mode sweep). */
    List<OpContext> recorded() {
        checkLive("forward-mode sweep");
        return nodes;
    }

    /** @return the number of slots handed out (leaves and outputs) */
    int slotCount() {
        return slots;
    }

    /** @return true once backward (without retainGraph) or {@link #close()} released the tape */
    public boolean isReleased() {
        return releasedBy != null;
    }

    // ------------------------------------------------------------------ recording

    static Var apply(Op op, Var[] inputs) {
        Tape tape = null;
        Tensor[] values = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Var in = inputs[i];
            if (in == null) {
                throw new NullPointerException("input " + i + " of operation '" + op.name() + "' is null");
            }
            values[i] = in.value;
            if (in.tape != null) {
                in.tape.checkLive(op.name());
                if (in.requiresGrad) {
                    if (tape != null && tape != in.tape) {
                        throw new FixpointException("MixedTapes", "operation '" + op.name()
                                + "' got variables from two different tapes (inputs " + i + " and an earlier one)");
                    }
                    tape = in.tape;
                }
            }
        }
        OpContext ctx = new OpContext(op, inputs);
        Tensor out = op.forward(ctx, values);
        if (out == null) {
            throw new IllegalStateException("operation '" + op.name() + "' returned no output");
        }
        Var result;
        if (tape == null || !NoGrad.recording()) {
            result = Var.constant(out);
        } else {
            result = new Var(out, tape, tape.slots++, true, null);
            tape.nodes.add(ctx);
        }
        ctx.output = result;
        return result;
    }

    void checkLive(String what) {
        if (releasedBy != null) {
            throw new FixpointException("ReleasedTape", what + ": a variable comes from a tape that was released by "
                    + releasedBy + "; record each step on a new Tape, or pass retainGraph = true to backward "
                    + "if the same graph must be differentiated again");
        }
    }

    // ------------------------------------------------------------------ backward

    /**
     * Backward from a one-element output with seed 1: accumulates gradients into the leaves
     * ({@link Var#grad()}, {@link Parameter#grad()}) and releases the tape.
     *
     * @throws FixpointException {@code [fixpoint/NonScalarOutput]} if {@code output} has more than
     *         one element (use {@link #backward(Var, Tensor)} with a seed)
     */
    public void backward(Var output) {
        if (output.size() != 1) {
            throw new FixpointException("NonScalarOutput", "backward from an output of shape "
                    + Arrays.toString(output.shape()) + " needs a seed (a cotangent of that shape): call "
                    + "backward(output, seed), or reduce the output to a scalar first (e.g. Ops.sum)");
        }
        backward(output, Tensor.ones(output.shape()), false);
    }

    /** Backward with an explicit seed (the output's cotangent, of the output's shape); releases the tape. */
    public void backward(Var output, Tensor seed) {
        backward(output, seed, false);
    }

    /**
     * Backward with an explicit seed.
     *
     * @param retainGraph keep the recorded graph so that backward can run again
     */
    public void backward(Var output, Tensor seed, boolean retainGraph) {
        Object[] g = sweep(output, seed, false, null, !retainGraph);
        for (Var leaf : leaves) {
            Tensor t = (Tensor) g[leaf.slot];
            if (t == null) {
                continue;
            }
            if (leaf.parameter != null) {
                leaf.parameter.accumulateGrad(t);
            } else {
                leaf.grad = leaf.grad == null ? t.copy() : leaf.grad.add(t); // never alias a seed or saved tensor
            }
        }
        if (!retainGraph) {
            release("backward()");
        }
    }

    /**
     * Cotangents of {@code output} with respect to {@code wrt} (any variables of this tape, not only
     * leaves), without touching leaf gradients. With {@code createGraph}, the backward pass is recorded
     * on this tape and the returned variables can be differentiated again; the tape stays live.
     * Without it, the results are constants and the tape stays live as well (release it with
     * {@link #close()}).
     *
     * @param seed cotangent of the output; null means 1 for a one-element output
     * @return one variable per {@code wrt} (zeros where the output does not depend on it)
     */
    public Var[] gradients(Var output, Tensor seed, Var[] wrt, boolean createGraph) {
        if (seed == null) {
            if (output.size() != 1) {
                throw new FixpointException("NonScalarOutput", "gradients of an output of shape "
                        + Arrays.toString(output.shape()) + " need a seed of that shape");
            }
            seed = Tensor.ones(output.shape());
        }
        boolean[] keep = new boolean[slots];
        for (Var w : wrt) {
            if (w.tape != this) {
                throw new FixpointException("NotOnTape", "gradients: a variable of shape "
                        + Arrays.toString(w.shape()) + " is not on this tape");
            }
            keep[w.slot] = true;
        }
        Object[] g = sweep(output, seed, createGraph, keep, false);
        Var[] out = new Var[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            Object gi = g[wrt[i].slot];
            if (gi == null) {
                out[i] = Var.constant(Tensor.zeros(wrt[i].shape()));
            } else {
                out[i] = gi instanceof Var v ? v : Var.constant((Tensor) gi);
            }
        }
        return out;
    }

    /**
     * The reverse sweep; returns cotangents by slot (Tensor, or Var when createGraph). With
     * {@code releaseAsWeGo}, each node drops its saved tensors and its references to its inputs as
     * soon as its VJP has run, so intermediate values can be collected during the sweep.
     */
    private Object[] sweep(Var output, Tensor seed, boolean createGraph, boolean[] keep, boolean releaseAsWeGo) {
        checkLive("backward");
        if (output.tape != this || !output.requiresGrad) {
            throw new FixpointException("NotOnTape", "backward: the output of shape " + Arrays.toString(output.shape())
                    + " was not recorded on this tape (does it depend on a variable of this tape?)");
        }
        if (!Arrays.equals(seed.shape(), output.shape())) {
            throw new ShapeMismatchException("backward seed", seed.shape(), output.shape(),
                    "the seed must have the output's shape");
        }
        int n = nodes.size();
        Object[] g = new Object[slots];
        g[output.slot] = createGraph ? Var.constant(seed) : seed;
        NoGrad scope = createGraph ? null : NoGrad.enter();
        try {
            for (int i = n - 1; i >= 0; i--) {
                OpContext node = nodes.get(i);
                int os = node.output.slot;
                Object up = g[os];
                if (up == null) {
                    continue;
                }
                if (keep == null || !keep[os]) {
                    g[os] = null;
                }
                Var upVar = createGraph ? (Var) up : Var.constant((Tensor) up);
                Var[] in = node.op.vjp(node, upVar);
                Var[] inputs = releaseAsWeGo ? node.inputs.clone() : node.inputs;
                if (releaseAsWeGo) {
                    node.release();
                    java.util.Arrays.fill(node.inputs, null);
                    nodes.set(i, null);
                }
                if (in == null || in.length != inputs.length) {
                    throw new IllegalStateException("operation '" + node.op.name() + "' returned "
                            + (in == null ? "no" : in.length) + " cotangents for " + inputs.length + " inputs");
                }
                for (int j = 0; j < in.length; j++) {
                    Var x = inputs[j];
                    if (!x.requiresGrad || x.tape != this || in[j] == null) {
                        continue;
                    }
                    if (!Arrays.equals(in[j].value.shape(), x.value.shape())) {
                        throw new ShapeMismatchException("VJP of '" + node.op.name() + "' for input " + j,
                                in[j].value.shape(), x.value.shape(), "a cotangent must have its input's shape");
                    }
                    Object prev = g[x.slot];
                    if (createGraph) {
                        g[x.slot] = prev == null ? in[j] : Ops.add((Var) prev, in[j]);
                    } else {
                        Tensor t = in[j].value;
                        g[x.slot] = prev == null ? t : ((Tensor) prev).add(t);
                    }
                }
            }
        } finally {
            if (scope != null) {
                scope.close();
            }
        }
        return g;
    }

    private void release(String by) {
        for (OpContext node : nodes) {
            if (node != null) {
                node.release();
            }
        }
        nodes.clear();
        leaves.clear();
        releasedBy = by;
    }

    /** Releases the tape (idempotent); variables recorded on it can no longer be used in operations. */
    @Override
    public void close() {
        if (releasedBy == null) {
            release("close()");
        }
    }
}
