package dev.fixpoint.solvers.suites;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ConvolutionBoundary;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.prox.TotalVariation2d;
import dev.fixpoint.solvers.unroll.LearningSpec;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import dev.fixpoint.solvers.unroll.PlugAndPlayImages;
import dev.fixpoint.solvers.unroll.PlugAndPlayNetwork;
import dev.fixpoint.solvers.unroll.Tying;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The plug-and-play deblurring experiment: synthetic images ({@link PlugAndPlayImages}) blurred by a
 * normalised 5×5 Gaussian kernel (periodic boundary) plus white noise; PnP-PGD and PnP-ADMM networks
 * (one tied {@link dev.fixpoint.solvers.unroll.CnnDenoiser}, untied steps or penalties) trained with
 * full-batch Adam on the MSE of their last layer; compared on the validation set with the untrained
 * network and with K iterations of PGD with isotropic total variation, whose weight is the best of
 * {@link #TV_WEIGHTS} on the validation set.
 */
final class PlugAndPlayDeblurring {
    /** The TV weights tried for the baseline (0: plain Landweber). */
    static final double[] TV_WEIGHTS = {0, 0.003, 0.01, 0.03, 0.1};

    /**
     * @param size          image side (square images)
     * @param layers        K
     * @param steps         Adam steps
     * @param channels      hidden channels of the denoiser
     * @param trainCount    training images
     * @param validationCount validation images
     * @param learningRate  Adam's rate
     * @param noise         noise standard deviation
     * @param blurSigma     standard deviation of the Gaussian kernel, pixels
     * @param seed          seed of the data and of the denoiser
     * @param evalEvery     steps between validation evaluations of the training curve
     */
    record Settings(int size, int layers, int steps, int channels, int trainCount, int validationCount,
                    double learningRate, double noise, double blurSigma, long seed, int evalEvery) {
    }

    /**
     * @param untrained validation MSE before training
     * @param trained   validation MSE after training
     * @param curveStep steps at which the curve was evaluated
     * @param curve     validation MSE at those steps
     * @param seconds   training time
     */
    record Training(double untrained, double trained, double[] curveStep, double[] curve, double seconds) {
    }

    /** @param mse validation MSE of PGD-TV for each of {@link #TV_WEIGHTS} */
    record Baseline(double[] mse) {
        double best() {
            double b = Double.POSITIVE_INFINITY;
            for (double m : mse) {
                b = Math.min(b, m);
            }
            return b;
        }

        double bestWeight() {
            int arg = 0;
            for (int i = 1; i < mse.length; i++) {
                arg = mse[i] < mse[arg] ? i : arg;
            }
            return TV_WEIGHTS[arg];
        }
    }

    private final Settings s;
    private final LinearOperator blur;
    private final Tensor trainX;
    private final Tensor trainY;
    private final Tensor validationX;
    private final Tensor validationY;

    PlugAndPlayDeblurring(Settings settings) {
        this.s = settings;
        this.blur = gaussianBlur(settings.size(), settings.blurSigma());
        SplittableRandom rng = new SplittableRandom(settings.seed());
        this.trainX = PlugAndPlayImages.batch(settings.trainCount(), settings.size(), settings.size(), rng);
        this.trainY = measure(trainX, rng);
        this.validationX = PlugAndPlayImages.batch(settings.validationCount(), settings.size(), settings.size(), rng);
        this.validationY = measure(validationX, rng);
    }

    static LinearOperator gaussianBlur(int size, double sigma) {
        Tensor kernel = Tensor.zeros(5, 5);
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double v = Math.exp(-((i - 2) * (i - 2) + (j - 2) * (j - 2)) / (2 * sigma * sigma));
                kernel.set(v, i, j);
                sum += v;
            }
        }
        return FourierOperators.convolution2d(kernel.mul(1 / sum), size, size, ConvolutionBoundary.PERIODIC);
    }

    /** y = A x + noise, [B, H, W]. */
    private Tensor measure(Tensor images, SplittableRandom rng) {
        int b = images.dim(0);
        int n = s.size() * s.size();
        Tensor y = Tensor.zeros(b, s.size(), s.size());
        for (int k = 0; k < b; k++) {
            Tensor ax = blur.apply(images.slice(0, k, k + 1).reshape(s.size(), s.size()));
            for (int i = 0; i < n; i++) {
                y.data()[k * n + i] = ax.data()[ax.offset() + i] + s.noise() * rng.nextGaussian();
            }
        }
        return y;
    }

    private static double mse(Tensor a, Tensor b) {
        return a.sub(b).square().mean();
    }

    /**
     * Trains one network.
     *
     * @param progress called after every step with the step count
     */
    Training train(PlugAndPlayNetwork.Scheme scheme, IntConsumer progress) {
        Quantity scalar = scheme == PlugAndPlayNetwork.Scheme.PGD ? Quantity.STEP : Quantity.PENALTY;
        PlugAndPlayNetwork net = PlugAndPlayNetwork.builder(scheme, blur, s.size(), s.size()).layers(s.layers())
                .denoiser(s.channels(), 3, 3).seed(s.seed())
                .learn(LearningSpec.of(Quantity.DENOISER, Tying.TIED).learn(scalar, Tying.UNTIED)).build();
        int points = s.steps() / s.evalEvery() + 1;
        double[] at = new double[points];
        double[] curve = new double[points];
        double untrained = mse(net.reconstruct(validationY), validationX);
        at[0] = 0;
        curve[0] = untrained;
        Adam adam = Adam.builder(net.parameters()).learningRate(s.learningRate()).build();
        long start = System.nanoTime();
        int next = 1;
        for (int step = 1; step <= s.steps(); step++) {
            adam.zeroGrad();
            try (Tape tape = new Tape()) {
                Var out = net.forward(tape, Var.constant(trainY)).get(s.layers() - 1);
                tape.backward(Ops.mse(out, Var.constant(trainX)));
            }
            adam.step();
            if (step % s.evalEvery() == 0 && next < points) {
                at[next] = step;
                curve[next++] = mse(net.reconstruct(validationY), validationX);
            }
            progress.accept(step);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Training(untrained, mse(net.reconstruct(validationY), validationX), at, curve, seconds);
    }

    /** K iterations of PGD-TV from x₀ = Aᵀy with τ = 1/‖A‖², for every weight of {@link #TV_WEIGHTS}. */
    Baseline baseline() {
        double tau = 1 / Math.pow(blur.normEstimate(1e-10, 100_000), 2);
        int b = validationY.dim(0);
        int n = s.size() * s.size();
        double[] out = new double[TV_WEIGHTS.length];
        for (int w = 0; w < TV_WEIGHTS.length; w++) {
            TotalVariation2d tv = TotalVariation2d.isotropic(TV_WEIGHTS[w]).withTolerance(1e-8, 100_000);
            Tensor rec = Tensor.zeros(b, 1, s.size(), s.size());
            for (int k = 0; k < b; k++) {
                Tensor y = validationY.slice(0, k, k + 1).reshape(s.size(), s.size());
                Tensor x = blur.adjoint(y);
                for (int it = 0; it < s.layers(); it++) {
                    Tensor v = x.sub(blur.adjoint(blur.apply(x).sub(y)).mul(tau));
                    x = TV_WEIGHTS[w] == 0 ? v : tv.prox(v, tau);
                }
                System.arraycopy(x.data(), x.offset(), rec.data(), k * n, n);
            }
            out[w] = mse(rec, validationX);
        }
        return new Baseline(out);
    }
}
