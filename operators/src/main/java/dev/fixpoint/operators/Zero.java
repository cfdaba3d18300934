package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/** The zero map from one shape to another: {@code A x = 0} and {@code Aᵀ y = 0}; norm 0. */
final class Zero extends LinearOperator {

    Zero(int[] domain, int[] range) {
        super(OperatorShapes.valid("Zero (domain)", domain), OperatorShapes.valid("Zero (range)", range));
    }

    @Override
    public String name() {
        return "Zero" + Arrays.toString(domainShape()) + "→" + Arrays.toString(rangeShape());
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        out.fill(0.0);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        out.fill(0.0);
    }
}
