package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.Tensor;

/**
 * A hypergradient: the outer loss and its gradient with respect to the hyperparameters, as computed
 * by one {@link HypergradientMethod}.
 *
 * @param method        the method's name, e.g. {@code "implicit-cg"}
 * @param loss          the outer loss {@code L(z(θ), θ)} at the inner solution the method used
 * @param gradient      {@code dL/dθᵢ}, one tensor per hyperparameter tensor, of its shape
 * @param innerSolution the inner state z(θ) the gradient refers to
 * @param seconds       wall-clock time of the computation (inner solve included)
 */
public record Hypergradient(String method, double loss, Tensor[] gradient, Tensor innerSolution, double seconds) {

    /** @return the gradient flattened into one array (hyperparameter tensors in order) */
    public double[] flat() {
        int n = 0;
        for (Tensor g : gradient) {
            n += g.size();
        }
        double[] out = new double[n];
        int k = 0;
        for (Tensor g : gradient) {
            for (double v : g.toArray()) {
                out[k++] = v;
            }
        }
        return out;
    }
}
