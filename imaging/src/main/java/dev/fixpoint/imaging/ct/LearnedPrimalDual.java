package dev.fixpoint.imaging.ct;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Padding;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The learned primal-dual reconstruction of Adler &amp; Öktem (2018), small: {@code I} unrolled iterations, each a
 * dual update {@code h ← h + Γᵢ([h, Â f⁽¹⁾, ĝ])} in sinogram space and a primal update
 * {@code f ← f + Λᵢ([f, Âᵀ h⁽¹⁾])} in image space, where {@code h} has {@code Nd} and {@code f} {@code Np} channels,
 * {@code Γᵢ, Λᵢ} are untied 3-layer CNNs (3×3 convolutions, {@code C} hidden channels, ReLU, biases) and the output
 * is {@code f⁽¹⁾}. As in the authors' code the operator is normalised, {@code Â = A/‖A‖} and {@code ĝ = g/‖A‖}.
 *
 * <p>Difference from the paper (to train in minutes on a CPU): the primal channels start from a given image
 * (FBP) instead of 0, and the last convolution of every block starts at zero, so that the untrained network returns
 * its start unchanged. Parameters are named {@code iter<i>.dual.conv<j>.kernel/bias} and
 * {@code iter<i>.primal.conv<j>.kernel/bias}; they are changed only by optimisers. Images {@code [rows, cols]},
 * sinograms {@code [views, bins]} of the transform.
 */
public final class LearnedPrimalDual {
    private final RayTransform transform;
    private final LinearOperator normalised;
    private final double norm;
    private final int iterations;
    private final int primalChannels;
    private final int dualChannels;
    private final int hidden;
    private final ParameterSet parameters = new ParameterSet();
    private final Parameter[][] primal;
    private final Parameter[][] dual;

    /**
     * @param transform      the ray transform A
     * @param iterations     unrolled iterations I ≥ 1
     * @param primalChannels Np ≥ 1
     * @param dualChannels   Nd ≥ 1
     * @param hidden         hidden channels C ≥ 1 of the CNNs
     * @param seed           seed of the He initialisation
     */
    public LearnedPrimalDual(RayTransform transform, int iterations, int primalChannels, int dualChannels, int hidden,
                             long seed) {
        if (iterations < 1 || primalChannels < 1 || dualChannels < 1 || hidden < 1) {
            throw new FixpointException("InvalidParameter", "learned primal-dual: need iterations, primal/dual and hidden "
                    + "channels ≥ 1; got " + iterations + ", " + primalChannels + ", " + dualChannels + ", " + hidden);
        }
        this.transform = transform;
        this.norm = transform.normEstimate(1e-6, 10_000);
        this.normalised = transform.times(1.0 / norm);
        this.iterations = iterations;
        this.primalChannels = primalChannels;
        this.dualChannels = dualChannels;
        this.hidden = hidden;
        SplittableRandom rng = new SplittableRandom(seed);
        primal = new Parameter[iterations][];
        dual = new Parameter[iterations][];
        for (int i = 0; i < iterations; i++) {
            dual[i] = block(rng, "iter" + i + ".dual.", dualChannels + 2, dualChannels);
            primal[i] = block(rng, "iter" + i + ".primal.", primalChannels + 1, primalChannels);
        }
    }

    private Parameter[] block(SplittableRandom rng, String prefix, int in, int out) {
        int[] channels = {in, hidden, hidden, out};
        Parameter[] p = new Parameter[6];
        for (int j = 0; j < 3; j++) {
            int ci = channels[j];
            int co = channels[j + 1];
            Tensor k = j == 2 ? Tensor.zeros(co, ci, 3, 3)
                    : Tensor.randn(rng, co, ci, 3, 3).scaleInPlace(Math.sqrt(2.0 / (ci * 9)));
            p[2 * j] = parameters.add(prefix + "conv" + j + ".kernel", k);
            p[2 * j + 1] = parameters.add(prefix + "conv" + j + ".bias", Tensor.zeros(co, 1, 1));
        }
        return p;
    }

    /** @return the trainable parameters */
    public ParameterSet parameters() {
        return parameters;
    }

    /** @return the ray transform */
    public RayTransform transform() {
        return transform;
    }

    /**
     * Runs the network on the tape (for training).
     *
     * @param tape     the tape to record on
     * @param sinogram the data g {@code [views, bins]}
     * @param start    the start image {@code [rows, cols]} (e.g. FBP of g)
     * @return the reconstruction {@code [rows, cols]}
     */
    public Var reconstruct(Tape tape, Tensor sinogram, Tensor start) {
        int[] img = transform.domainShape();
        int[] sino = transform.rangeShape();
        if (!Arrays.equals(sinogram.shape(), sino)) {
            throw new ShapeMismatchException("LearnedPrimalDual data", sinogram.shape(), sino, "the sinogram shape");
        }
        if (!Arrays.equals(start.shape(), img)) {
            throw new ShapeMismatchException("LearnedPrimalDual start", start.shape(), img, "the image shape");
        }
        sinogram.requireFinite("LearnedPrimalDual data");
        int h = img[0];
        int w = img[1];
        int v = sino[0];
        int b = sino[1];
        Var g = Var.constant(sinogram.mul(1.0 / norm).reshape(1, 1, v, b));
        Tensor f0 = Tensor.zeros(1, primalChannels, h, w);
        for (int c = 0; c < primalChannels; c++) {
            System.arraycopy(start.toArray(), 0, f0.data(), c * h * w, h * w);
        }
        Var f = Var.constant(f0);
        Var d = Var.constant(Tensor.zeros(1, dualChannels, v, b));
        for (int i = 0; i < iterations; i++) {
            Var af = Ops.reshape(normalised.apply(Ops.reshape(Ops.slice(f, 1, 0, 1), h, w)), 1, 1, v, b);
            d = Ops.add(d, cnn(tape, dual[i], Ops.concat(1, d, af, g)));
            Var ath = Ops.reshape(normalised.transposed().apply(Ops.reshape(Ops.slice(d, 1, 0, 1), v, b)), 1, 1, h, w);
            f = Ops.add(f, cnn(tape, primal[i], Ops.concat(1, f, ath)));
        }
        return Ops.reshape(Ops.slice(f, 1, 0, 1), h, w);
    }

    /**
     * @param sinogram the data {@code [views, bins]}
     * @param start    the start image {@code [rows, cols]}
     * @return the reconstruction (new tensor, nothing recorded)
     */
    public Tensor reconstruct(Tensor sinogram, Tensor start) {
        try (NoGrad scope = NoGrad.enter()) {
            return reconstruct(null, sinogram, start).value().copy();
        }
    }

    private static Var cnn(Tape tape, Parameter[] p, Var x) {
        Var y = x;
        for (int j = 0; j < 3; j++) {
            y = Ops.add(Ops.conv2d(y, bind(tape, p[2 * j]), 1, Padding.SAME), bind(tape, p[2 * j + 1]));
            if (j < 2) {
                y = Ops.relu(y);
            }
        }
        return y;
    }

    private static Var bind(Tape tape, Parameter p) {
        return tape == null ? Var.constant(p.value()) : tape.watch(p);
    }

    @Override
    public String toString() {
        return "LearnedPrimalDual[" + iterations + " iterations, Np = " + primalChannels + ", Nd = " + dualChannels
                + ", C = " + hidden + ", " + parameters.size() + " weights]";
    }
}
