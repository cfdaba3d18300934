package dev.fixpoint.autodiff;

import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One application of an {@link Op}: its inputs, its output, and what the forward pass saved for
 * the derivative rules. On a tape it is the recorded node; the tape drops it after backward.
 */
public final class OpContext {
    final Op op;
    final Var[] inputs;
    Var output;
    private List<Tensor> saved;
    private Object state;

    OpContext(Op op, Var[] inputs) {
        this.op = op;
        this.inputs = inputs;
    }

    /** Saves tensors for the VJP/JVP (in order); they are released with the tape. */
    public void save(Tensor... tensors) {
        if (saved == null) {
            saved = new ArrayList<>(tensors.length);
        }
        for (Tensor t : tensors) {
            saved.add(t);
        }
    }

    /** @return the {@code i}-th saved tensor */
    public Tensor saved(int i) {
        if (saved == null || i >= saved.size()) {
            throw new IllegalStateException("operation '" + op.name() + "' asked for saved tensor " + i
                    + " but saved " + (saved == null ? 0 : saved.size()));
        }
        return saved.get(i);
    }

    /** Saves one non-tensor value (e.g. a mask, an axis, shapes) for the derivative rules. */
    public void saveState(Object value) {
        this.state = value;
    }

    /** @return the value given to {@link #saveState} */
    @SuppressWarnings("unchecked")
    public <T> T state() {
        return (T) state;
    }

    /** @return the number of inputs */
    public int inputCount() {
        return inputs.length;
    }

    /** @return the {@code i}-th input variable (for VJPs written with differentiable operations) */
    public Var input(int i) {
        return inputs[i];
    }

    /** @return the output variable (available in the VJP, e.g. for {@code exp} whose derivative is its output) */
    public Var output() {
        return output;
    }

    /** @return whether a cotangent for input {@code i} is needed (the input requires a gradient) */
    public boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }

    /** @return the operation */
    public Op op() {
        return op;
    }

    void release() {
        saved = null;
        state = null;
    }
}
