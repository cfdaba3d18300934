package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Element-wise multiplication by a fixed weight tensor {@code w}: {@code (A x)_i = w_i x_i}. Domain
 * and range are the shape of {@code w} (any rank); the operator is self-adjoint and its norm is
 * {@code max |w_i|}. The weights are copied at construction and must be finite.
 */
final class Diagonal extends LinearOperator {
    private final double[] w;

    Diagonal(Tensor weights) {
        super(weights.shape(), weights.shape());
        this.w = weights.toArray();
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new FixpointException("NonFinite", "Diagonal: weight " + i + " (flat index) is " + w[i]
                        + "; weights must be finite");
            }
        }
    }

    @Override
    public String name() {
        return "Diagonal" + Arrays.toString(domainShape());
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        multiply(x, out);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        multiply(y, out);
    }

    private void multiply(Tensor x, Tensor out) {
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int oo = out.offset();
        for (int i = 0; i < w.length; i++) {
            od[oo + i] = w[i] * xd[xo + i];
        }
    }
}
