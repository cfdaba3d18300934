package dev.fixpoint.autodiff;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Objects;

/**
 * A named trainable tensor with a gradient buffer. Recorded on a tape through
 * {@link Tape#watch(Parameter)}; backward adds into {@link #grad()}; optimisers update
 * {@link #value()} <em>in place</em> (so variables watching it see the new value on the next step).
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private Tensor grad;

    /**
     * @param name  identifier, unique within a {@link ParameterSet} (e.g. {@code "layer3.W1"})
     * @param value initial value; the parameter keeps and updates this tensor
     */
    public Parameter(String name, Tensor value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the value (modified in place by optimisers and {@link ParameterSet#load}) */
    public Tensor value() {
        return value;
    }

    /** @return the accumulated gradient, zeros if none was accumulated since {@link #zeroGrad()} */
    public Tensor grad() {
        if (grad == null) {
            grad = Tensor.zeros(value.shape());
        }
        return grad;
    }

    /** @return the number of elements */
    public int size() {
        return value.size();
    }

    /** Sets the gradient to zero (keeps the buffer). */
    public void zeroGrad() {
        if (grad != null) {
            grad.fill(0.0);
        }
    }

    /** Adds {@code g} (the value's shape) into the gradient buffer. */
    public void accumulateGrad(Tensor g) {
        if (!g.sameShape(value)) {
            throw new ShapeMismatchException("gradient of parameter '" + name + "'", g.shape(), value.shape(),
                    "a gradient must have the parameter's shape");
        }
        grad().addInto(g, grad);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + java.util.Arrays.toString(value.shape()) + "]";
    }
}
