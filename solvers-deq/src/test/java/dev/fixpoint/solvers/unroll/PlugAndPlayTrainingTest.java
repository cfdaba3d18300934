package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ConvolutionBoundary;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.prox.TotalVariation2d;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains plug-and-play networks (K = 4 layers, one tied 3-convolution, 16-channel denoiser, untied
 * steps or penalties) on 16×16 deblurring (5×5 Gaussian blur σ = 1, periodic; noise σ = 0.03; 32
 * training and 16 validation images from {@link SyntheticImages}) with 60 full-batch Adam steps
 * (rate 3e-3). The trained network must cut the validation MSE of the untrained one (which, with its
 * identity denoiser, is the classical iteration without a prior) by at least a quarter, and beat K
 * iterations of PGD with isotropic TV, whose weight is the best of five on the validation set, by at
 * least 10%. Measured (jblas, 2 cores): PGD untrained 4.33e-3 → trained 2.83e-3, ADMM 4.43e-3 →
 * 2.86e-3, PGD-TV 3.72e-3 (λ = 0.01); about 10–15 s each.
 */
class PlugAndPlayTrainingTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int H = 16;
    private static final int W = 16;
    private static final int K = 4;
    private static final double NOISE = 0.03;
    private static final int STEPS = 60;
    private static final double LEARNING_RATE = 3e-3;

    static LinearOperator blur() {
        double sigma = 1.0;
        Tensor kernel = Tensor.zeros(5, 5);
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double v = Math.exp(-((i - 2) * (i - 2) + (j - 2) * (j - 2)) / (2 * sigma * sigma));
                kernel.set(v, i, j);
                sum += v;
            }
        }
        return FourierOperators.convolution2d(kernel.mul(1 / sum), H, W, ConvolutionBoundary.PERIODIC);
    }

    /** y = A x + noise, [B, H, W]. */
    static Tensor measure(LinearOperator a, Tensor images, SplittableRandom rng) {
        int b = images.dim(0);
        Tensor y = Tensor.zeros(b, H, W);
        for (int s = 0; s < b; s++) {
            Tensor x = images.slice(0, s, s + 1).reshape(H, W);
            Tensor ax = a.apply(x);
            for (int i = 0; i < H * W; i++) {
                y.data()[s * H * W + i] = ax.data()[ax.offset() + i] + NOISE * rng.nextGaussian();
            }
        }
        return y;
    }

    static double mse(Tensor a, Tensor b) {
        return a.sub(b).square().mean();
    }

    /** K iterations of PGD with isotropic TV from x₀ = Aᵀy, τ = 1/‖A‖². */
    static Tensor pgdTv(LinearOperator a, Tensor y, double lambda, int iterations) {
        int b = y.dim(0);
        double tau = 1 / Math.pow(a.normEstimate(1e-10, 100_000), 2);
        TotalVariation2d tv = TotalVariation2d.isotropic(lambda).withTolerance(1e-8, 100_000);
        Tensor out = Tensor.zeros(b, 1, H, W);
        for (int s = 0; s < b; s++) {
            Tensor ys = y.slice(0, s, s + 1).reshape(H, W);
            Tensor x = a.adjoint(ys);
            for (int k = 0; k < iterations; k++) {
                Tensor v = x.sub(a.adjoint(a.apply(x).sub(ys)).mul(tau));
                x = lambda == 0 ? v : tv.prox(v, tau);
            }
            System.arraycopy(x.data(), x.offset(), out.data(), s * H * W, H * W);
        }
        return out;
    }

    private static double validationLoss(PlugAndPlayNetwork net, Tensor y, Tensor truth) {
        return mse(net.reconstruct(y), truth);
    }

    private record Outcome(double untrained, double trained, double baseline, double bestLambda) {
    }

    private Outcome train(PlugAndPlayNetwork.Scheme scheme) {
        LinearOperator a = blur();
        SplittableRandom rng = new SplittableRandom(2024);
        Tensor trainX = SyntheticImages.batch(32, H, W, rng);
        Tensor trainY = measure(a, trainX, rng);
        Tensor valX = SyntheticImages.batch(16, H, W, rng);
        Tensor valY = measure(a, valX, rng);
        PlugAndPlayNetwork.Builder builder = PlugAndPlayNetwork.builder(scheme, a, H, W).layers(K).denoiser(16, 3, 3).seed(5);
        builder.learn(LearningSpec.of(Quantity.DENOISER, Tying.TIED)
                .learn(scheme == PlugAndPlayNetwork.Scheme.PGD ? Quantity.STEP : Quantity.PENALTY, Tying.UNTIED));
        PlugAndPlayNetwork net = builder.build();
        double untrained = validationLoss(net, valY, valX);
        Adam adam = Adam.builder(net.parameters()).learningRate(LEARNING_RATE).build();
        for (int step = 0; step < STEPS; step++) {
            adam.zeroGrad();
            try (Tape tape = new Tape()) {
                Var out = net.forward(tape, Var.constant(trainY)).get(K - 1);
                tape.backward(Ops.mse(out, Var.constant(trainX)));
            }
            adam.step();
            if (step % 25 == 0) {
                RESULTS.info("{} step {}: validation MSE {}", net.architecture(), step, validationLoss(net, valY, valX));
            }
        }
        double trained = validationLoss(net, valY, valX);
        double baseline = Double.POSITIVE_INFINITY;
        double best = Double.NaN;
        for (double lambda : new double[]{0, 0.003, 0.01, 0.03, 0.1}) {
            double loss = mse(pgdTv(a, valY, lambda, K), valX);
            if (loss < baseline) {
                baseline = loss;
                best = lambda;
            }
        }
        return new Outcome(untrained, trained, baseline, best);
    }

    @Test
    void trainedPnpPgdBeatsUntrainedAndPgdTv() {
        long start = System.nanoTime();
        Outcome o = train(PlugAndPlayNetwork.Scheme.PGD);
        RESULTS.info("pnp-pgd 16x16 deblurring, K = {}: validation MSE untrained {}, trained {}, PGD-TV {} (λ = {}); {} s",
                K, o.untrained, o.trained, o.baseline, o.bestLambda, (System.nanoTime() - start) / 1e9);
        assertOutcome(o);
    }

    @Test
    void trainedPnpAdmmBeatsUntrainedAndPgdTv() {
        long start = System.nanoTime();
        Outcome o = train(PlugAndPlayNetwork.Scheme.ADMM);
        RESULTS.info("pnp-admm 16x16 deblurring, K = {}: validation MSE untrained {}, trained {}, PGD-TV {} (λ = {}); {} s",
                K, o.untrained, o.trained, o.baseline, o.bestLambda, (System.nanoTime() - start) / 1e9);
        assertOutcome(o);
    }

    private static void assertOutcome(Outcome o) {
        assertTrue(o.trained <= 0.75 * o.untrained, "training did not cut the validation MSE by a quarter: " + o);
        assertTrue(o.trained <= 0.9 * o.baseline, "the trained network does not beat PGD-TV by 10%: " + o);
    }
}
