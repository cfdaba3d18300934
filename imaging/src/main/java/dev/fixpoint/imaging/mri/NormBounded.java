package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;

/**
 * A view of an operator together with a proven upper bound of its norm, which {@link #normEstimate}
 * returns instead of running power iterations (used where the bound is known analytically, e.g.
 * {@code ‖[A; ∇]‖² ≤ ‖A‖² + 8} with {@code ‖A‖ ≤ 1}).
 */
final class NormBounded extends LinearOperator {
    private final LinearOperator inner;
    private final double bound;

    NormBounded(LinearOperator inner, double bound) {
        super(inner.domainShape(), inner.rangeShape());
        this.inner = inner;
        this.bound = bound;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        inner.applyInto(x, out);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        inner.adjointInto(y, out);
    }

    /** @return the bound given at construction (an upper bound of {@code ‖A‖₂}) */
    @Override
    public double normEstimate(double tolerance, int maxIterations) {
        return bound;
    }
}
