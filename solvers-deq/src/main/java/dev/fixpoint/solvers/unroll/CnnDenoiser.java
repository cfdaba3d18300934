package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Padding;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small residual convolutional denoiser for single-channel images:
 * {@code D(x) = x + f(x)}, where {@code f} is {@code convLayers} 2-D convolutions
 * ({@link Ops#conv2d}, stride 1, "same" zero padding, each with a per-channel bias) with ReLU between
 * them: 1 → F → … → F → 1 channels. Images are batches {@code [B, 1, H, W]} (samples first, the
 * layout of {@link Ops#conv2d}); the output has the input's shape.
 *
 * <p>Kernels are He-initialised ({@code N(0, 2/fan_in)}, {@code fan_in = C_in·k²}) from the seed,
 * except the last, which starts at zero (as do all biases): the residual branch starts at 0, so an
 * untrained denoiser is the identity and an untrained plug-and-play network is the classical
 * iteration without a prior. (He-initialising the last kernel as well made the untrained 16×16
 * deblurring network of the tests 40–160 times worse than that, and 150 Adam steps then stayed above
 * the PGD-TV baseline.) Parameters are named {@code <prefix>conv<i>.kernel} ({@code [C_out, C_in, k, k]})
 * and {@code <prefix>conv<i>.bias} ({@code [C_out, 1, 1]}). The parameters are modified only by
 * optimisers.
 */
public final class CnnDenoiser {
    private final int channels;
    private final int convLayers;
    private final int kernelSize;
    private final Parameter[] kernels;
    private final Parameter[] biases;
    private final ParameterSet parameters = new ParameterSet();

    /**
     * @param prefix     prefix of the parameter names (e.g. {@code "layer2.denoiser."}; may be empty)
     * @param channels   hidden channels F ≥ 1
     * @param convLayers number of convolutions ≥ 2
     * @param kernelSize odd kernel size k ≥ 1
     * @param seed       seed of the He initialisation
     */
    public CnnDenoiser(String prefix, int channels, int convLayers, int kernelSize, long seed) {
        if (channels < 1 || convLayers < 2 || kernelSize < 1 || kernelSize % 2 == 0) {
            throw new FixpointException("InvalidParameter", "CNN denoiser: need channels ≥ 1, convLayers ≥ 2 and an odd "
                    + "kernelSize ≥ 1; got channels = " + channels + ", convLayers = " + convLayers + ", kernelSize = " + kernelSize);
        }
        this.channels = channels;
        this.convLayers = convLayers;
        this.kernelSize = kernelSize;
        this.kernels = new Parameter[convLayers];
        this.biases = new Parameter[convLayers];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < convLayers; i++) {
            int in = i == 0 ? 1 : channels;
            int out = i == convLayers - 1 ? 1 : channels;
            Tensor k = i == convLayers - 1
                    ? Tensor.zeros(out, in, kernelSize, kernelSize)
                    : Tensor.randn(rng, out, in, kernelSize, kernelSize).scaleInPlace(Math.sqrt(2.0 / (in * kernelSize * kernelSize)));
            kernels[i] = parameters.add(prefix + "conv" + i + ".kernel", k);
            biases[i] = parameters.add(prefix + "conv" + i + ".bias", Tensor.zeros(out, 1, 1));
        }
    }

    /** @return the kernels and biases, layer by layer */
    public ParameterSet parameters() {
        return parameters;
    }

    /**
     * @param tape the tape to record on, or null for inference
     * @param x    images [B, 1, H, W]
     * @return {@code D(x)}, [B, 1, H, W]
     */
    public Var apply(Tape tape, Var x) {
        return apply(x, p -> UnrolledNetwork.bind(tape, p));
    }

    /**
     * @param x       images [B, 1, H, W]
     * @param weights one variable per parameter, in the order of {@link #parameters()}, with their shapes
     * @return {@code D(x)} computed with {@code weights} in place of the parameters
     */
    public Var apply(Var x, Var... weights) {
        return apply(x, ParameterBinding.of("CNN denoiser", parameters, weights));
    }

    Var apply(Var x, Function<Parameter, Var> bind) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != 1 || s[0] < 1) {
            throw new ShapeMismatchException("CNN denoiser input", s, new int[]{-1, 1, -1, -1},
                    "images must be [B, 1, H, W] with B ≥ 1");
        }
        Var h = x;
        for (int i = 0; i < convLayers; i++) {
            h = Ops.add(Ops.conv2d(h, bind.apply(kernels[i]), 1, Padding.SAME), bind.apply(biases[i]));
            if (i < convLayers - 1) {
                h = Ops.relu(h);
            }
        }
        return Ops.add(x, h);
    }

    /** @return {@code channels}, {@code convLayers} and {@code kernel}, for configurations */
    String describe() {
        return "channels=" + channels + ",convLayers=" + convLayers + ",kernel=" + kernelSize;
    }

    @Override
    public String toString() {
        return "CnnDenoiser[" + describe() + ", " + parameters.size() + " weights, kernels "
                + Arrays.toString(kernels[0].value().shape()) + " …]";
    }
}
