package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The zero function {@code f(x) = 0} on tensors of any shape: {@code prox_{τf}(v) = v}; its conjugate
 * is the indicator of {@code {0}} ({@code f*(y) = 0} if {@code y = 0}, else {@code +∞}).
 */
public final class ZeroFunction extends ProximalFunction {
    ZeroFunction() {
    }

    @Override
    public String name() {
        return "zero";
    }

    @Override
    public double value(Tensor x) {
        return 0;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        out.assign(v);
    }

    @Override
    public double conjugateValue(Tensor y) {
        return y.normInf() <= Double.MIN_NORMAL ? 0 : Double.POSITIVE_INFINITY;
    }
}
