package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.Tensor;

/**
 * What a {@link HyperparameterOptimizer} run produced.
 *
 * @param method   the hypergradient method's name
 * @param theta    the final hyperparameters
 * @param loss     the outer (validation) loss before each update, index k for outer iteration k (k = 0 is the start)
 * @param history  the hyperparameters flattened, {@code history[k]} at outer iteration k
 * @param gradient the hypergradient flattened, {@code gradient[k]} at outer iteration k
 * @param seconds  wall-clock time of the whole run
 */
public record HyperparameterTrace(String method, Tensor[] theta, double[] loss, double[][] history, double[][] gradient,
                                  double seconds) {

    /** @return the outer loss at the start */
    public double initialLoss() {
        return loss[0];
    }

    /** @return the outer loss at the last evaluated iterate */
    public double finalLoss() {
        return loss[loss.length - 1];
    }
}
