package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.Tensor;
import java.util.Random;

/** A synthetic regression split: Gaussian design, sparse truth, noise; fixed seeds. */
final class LassoData {
    final Tensor xTrain;
    final Tensor yTrain;
    final Tensor xValidation;
    final Tensor yValidation;

    private LassoData(int m, int mValidation, int n, int nonzeros, double noise, long seed) {
        Random rng = new Random(seed);
        Tensor truth = Tensor.zeros(n);
        for (int k = 0; k < nonzeros; k++) {
            truth.set(rng.nextGaussian() + Math.signum(rng.nextGaussian()), rng.nextInt(n));
        }
        xTrain = Tensor.randn(seed + 1, m, n);
        xValidation = Tensor.randn(seed + 2, mValidation, n);
        yTrain = xTrain.matvec(truth).add(Tensor.randn(seed + 3, m).mul(noise));
        yValidation = xValidation.matvec(truth).add(Tensor.randn(seed + 4, mValidation).mul(noise));
    }

    static LassoData create(int m, int mValidation, int n, int nonzeros, double noise, long seed) {
        return new LassoData(m, mValidation, n, nonzeros, noise, seed);
    }

    /** @return {@code ‖Xᵀy‖∞/m}: the smallest λ with β(λ) = 0 */
    double lambdaMax() {
        return Tensor.matvecInto(1.0 / xTrain.dim(0), xTrain, true, yTrain, 0, null).normInf();
    }
}
