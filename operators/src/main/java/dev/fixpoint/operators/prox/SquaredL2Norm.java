package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;

/**
 * The squared Euclidean norm {@code f(x) = (λ/2)‖x‖₂²} ({@code λ > 0}) for tensors of any shape.
 * Prox: {@code v / (1 + τλ)}. Conjugate: {@code ‖y‖²/(2λ)}, returned by {@link #conjugate()} as a
 * {@code SquaredL2Norm} with parameter {@code 1/λ}.
 */
public final class SquaredL2Norm extends ProximalFunction {
    private final double lambda;

    SquaredL2Norm(double lambda) {
        this.lambda = Parameters.positive("squaredL2", "λ", lambda);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "squaredL2(λ=" + lambda + ")";
    }

    @Override
    public double value(Tensor x) {
        return 0.5 * lambda * x.dot(x);
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        L2Norm.scaleInto(v, 1 / (1 + tau * lambda), out);
    }

    @Override
    public double conjugateValue(Tensor y) {
        return y.dot(y) / (2 * lambda);
    }

    @Override
    public ProximalFunction conjugate() {
        return new SquaredL2Norm(1 / lambda);
    }
}
