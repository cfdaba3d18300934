package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.solvers.unroll.LearnedQuantity.Range;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Plug-and-play image reconstruction unrolled into K layers: a proximal algorithm for
 * {@code min_x ½‖Ax − y‖² + g(x)} whose proximal step is replaced by a learned denoiser
 * {@link CnnDenoiser} D_k.
 * <ul>
 *   <li>{@link Scheme#PGD}: {@code x_0 = Aᵀy}, {@code x_{k+1} = D_k(x_k − τ_k Aᵀ(A x_k − y))};
 *       default τ = 1/‖A‖₂² (power iteration).</li>
 *   <li>{@link Scheme#ADMM}: {@code z_0 = Aᵀy}, {@code u_0 = 0},
 *       {@code x_{k+1} = (AᵀA + ρ_k I)⁻¹(Aᵀy + ρ_k(z_k − u_k))}, {@code z_{k+1} = D_k(x_{k+1} + u_k)},
 *       {@code u_{k+1} = u_k + x_{k+1} − z_{k+1}}; the output is z. The inverse uses an
 *       eigendecomposition of AᵀA computed once (so images of at most 4096 pixels); default ρ = 1.</li>
 * </ul>
 *
 * <p><b>Shapes.</b> Images are batches {@code [B, 1, H, W]}, samples first (the layout of
 * {@link Ops#conv2d}); every layer outputs {@code [B, 1, H, W]}. The forward model A is a
 * {@link LinearOperator} whose domain has H·W elements (e.g. {@code [H, W]}: a blur
 * {@link dev.fixpoint.operators.FourierOperators#convolution2d}, a mask, the identity for denoising),
 * applied sample by sample; the measurements y are {@code [B, …]} with one range-sized block per
 * sample (e.g. {@code [B, H, W]} or {@code [B, 1, H, W]} for a blur, {@code [B, count]} for a mask).
 *
 * <p><b>Learning</b> ({@link LearningSpec}): {@link Quantity#DENOISER} (default: tied, one denoiser for
 * every layer; untied: K denoisers seeded {@code seed + k}; fixed: the initial random denoiser stays
 * frozen), {@link Quantity#STEP} (PGD) and {@link Quantity#PENALTY} (ADMM), fixed by default.
 */
public final class PlugAndPlayNetwork implements UnrolledNetwork {

    /** The proximal algorithm whose prox is replaced by the denoiser. */
    public enum Scheme {
        /** Proximal gradient descent. */
        PGD,
        /** ADMM (half-quadratic splitting with a dual variable). */
        ADMM
    }

    /** The largest image (pixels) for which PnP-ADMM precomputes the eigendecomposition of AᵀA. */
    public static final int MAX_ADMM_PIXELS = 4096;

    private final Scheme scheme;
    private final LinearOperator op;
    private final int height;
    private final int width;
    private final int layers;
    private final LearningSpec spec;
    private final LearnedQuantity step;
    private final LearnedQuantity penalty;
    private final CnnDenoiser[] denoisers;
    private final ShiftedGramSolve gram;
    private final ParameterSet parameters = new ParameterSet();
    private final List<ParameterSet> perLayer = new ArrayList<>();
    private final String denoiserConfig;

    private PlugAndPlayNetwork(Builder b) {
        this.scheme = b.scheme;
        this.op = b.op;
        this.height = b.height;
        this.width = b.width;
        this.layers = b.layers;
        this.spec = b.spec;
        for (int k = 0; k < layers; k++) {
            perLayer.add(new ParameterSet());
        }
        if (scheme == Scheme.PGD) {
            double tau = Double.isNaN(b.step) ? 1 / Math.pow(op.normEstimate(1e-8, 100_000), 2) : b.step;
            Tensor t = Tensor.scalar(tau);
            this.step = new LearnedQuantity("step", "τ", spec.tying(Quantity.STEP), Range.POSITIVE, layers, 0, k -> t, t);
            this.penalty = null;
            this.gram = null;
        } else {
            Tensor r = Tensor.scalar(Double.isNaN(b.penalty) ? 1.0 : b.penalty);
            this.penalty = new LearnedQuantity("penalty", "ρ", spec.tying(Quantity.PENALTY), Range.POSITIVE, layers, 0,
                    k -> r, r);
            this.step = null;
            this.gram = new ShiftedGramSolve(MeasurementModel.of(op).dense());
        }
        Tying tying = spec.tying(Quantity.DENOISER);
        this.denoisers = new CnnDenoiser[layers];
        for (int k = 0; k < layers; k++) {
            if (tying == Tying.UNTIED) {
                denoisers[k] = new CnnDenoiser("layer" + k + ".denoiser.", b.channels, b.convLayers, b.kernelSize, b.seed + k);
            } else {
                denoisers[k] = k == 0 ? new CnnDenoiser("denoiser.", b.channels, b.convLayers, b.kernelSize, b.seed) : denoisers[0];
            }
        }
        this.denoiserConfig = denoisers[0].describe();
        if (tying == Tying.TIED) {
            denoisers[0].parameters().forEach(perLayer.get(0)::add);
        } else if (tying == Tying.UNTIED) {
            for (int k = 0; k < layers; k++) {
                denoisers[k].parameters().forEach(perLayer.get(k)::add);
            }
        }
        (step != null ? step : penalty).register(perLayer);
        for (ParameterSet s : perLayer) {
            for (Parameter p : s) {
                parameters.add(p);
            }
        }
    }

    /**
     * @param scheme PGD or ADMM
     * @param a      the forward model; its domain has {@code height·width} elements
     * @param height image height H ≥ 1
     * @param width  image width W ≥ 1
     * @return a builder (denoiser: 16 channels, 3 convolutions, 3×3 kernels, seed 1; spec: denoiser tied)
     */
    public static Builder builder(Scheme scheme, LinearOperator a, int height, int width) {
        return new Builder(scheme, a, height, width);
    }

    /** @return {@code "pnp-pgd"} or {@code "pnp-admm"} */
    @Override
    public String architecture() {
        return scheme == Scheme.PGD ? "pnp-pgd" : "pnp-admm";
    }

    @Override
    public int depth() {
        return layers;
    }

    /** @return the layers' parameters: layer 0 (the tied denoiser and tied quantities), then layer 1, … */
    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public ParameterSet layerParameters(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new FixpointException("InvalidParameter", architecture() + ": layer " + layer + " is outside 0…" + (layers - 1));
        }
        return perLayer.get(layer);
    }

    /**
     * @param y measurements [B, …] (one block of the operator's range size per sample)
     * @return the images [B, 1, H, W] of layers 1…{@code layers}
     */
    @Override
    public List<Var> forward(Tape tape, Var y, int layers) {
        return run(ParameterBinding.of(parameters, tape), y, layers);
    }

    /**
     * Runs the network with the given variables standing for its parameters.
     *
     * @param parameterValues one variable per parameter, in the order of {@link #parameters()}
     * @param y               measurements [B, …]
     * @param layers          1 ≤ layers ≤ depth()
     * @return the images [B, 1, H, W] of layers 1…{@code layers}
     */
    public List<Var> forwardWith(Var[] parameterValues, Var y, int layers) {
        return run(ParameterBinding.of(architecture(), parameters, parameterValues), y, layers);
    }

    /**
     * @param y measurements [B, …] (not modified)
     * @return the last layer's images [B, 1, H, W]
     */
    public Tensor reconstruct(Tensor y) {
        List<Var> out = forward(null, Var.constant(y));
        return out.get(out.size() - 1).value();
    }

    private List<Var> run(ParameterBinding bind, Var y, int count) {
        if (count < 1 || count > layers) {
            throw new FixpointException("InvalidParameter", architecture() + ": cannot run " + count
                    + " layers; the network has 1…" + layers);
        }
        int[] s = y.shape();
        if (s.length < 2 || s[0] < 1 || (long) s[0] * op.rangeSize() != y.size()) {
            int[] expected = new int[op.rangeShape().length + 1];
            expected[0] = -1;
            System.arraycopy(op.rangeShape(), 0, expected, 1, expected.length - 1);
            throw new ShapeMismatchException(architecture() + " measurements", s, expected,
                    "y must be [B, …] with B ≥ 1 samples first, each of the operator's range size " + op.rangeSize());
        }
        Function<Parameter, Var> weights = spec.isLearned(Quantity.DENOISER)
                ? bind : p -> Var.constant(p.value()); // a fixed denoiser enters as constants
        int[] image = {1, height, width};
        Var aty = BatchedApplication.apply(op, true, true, image, y);
        List<Var> out = new ArrayList<>(count);
        if (scheme == Scheme.PGD) {
            Var x = aty;
            for (int k = 0; k < count; k++) {
                Var residual = Ops.sub(BatchedApplication.apply(op, false, true, op.rangeShape(), x),
                        Ops.reshape(y, forwardShape(s[0])));
                Var gradient = BatchedApplication.apply(op, true, true, image, residual);
                x = denoisers[k].apply(Ops.sub(x, Ops.mul(step.at(k, bind), gradient)), weights);
                out.add(x);
            }
        } else {
            int batch = s[0];
            int n = height * width;
            Var atyRows = Ops.reshape(aty, batch, n);
            Var z = aty;
            Var u = Var.constant(Tensor.zeros(batch, 1, height, width));
            for (int k = 0; k < count; k++) {
                Var rho = penalty.at(k, bind);
                Var rhs = Ops.add(atyRows, Ops.mul(rho, Ops.reshape(Ops.sub(z, u), batch, n)));
                Var x = Ops.reshape(gram.solveRows(rhs, rho), batch, 1, height, width);
                Var xu = Ops.add(x, u);
                z = denoisers[k].apply(xu, weights);
                u = Ops.sub(xu, z);
                out.add(z);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private int[] forwardShape(int batch) {
        int[] r = op.rangeShape();
        int[] shape = new int[r.length + 1];
        shape[0] = batch;
        System.arraycopy(r, 0, shape, 1, r.length);
        return shape;
    }

    /**
     * @return {@code architecture}, {@code operator}, {@code height}, {@code width}, {@code layers},
     *         {@code denoiser} (its sizes) and {@code learn}
     */
    @Override
    public Map<String, String> configuration() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("architecture", architecture());
        c.put("operator", op.name());
        c.put("height", Integer.toString(height));
        c.put("width", Integer.toString(width));
        c.put("layers", Integer.toString(layers));
        c.put("denoiser", denoiserConfig);
        c.put("learn", spec.toString());
        return Collections.unmodifiableMap(c);
    }

    @Override
    public String toString() {
        return architecture() + configuration();
    }

    /** Settings of a {@link PlugAndPlayNetwork}; each setter checks its range at once. */
    public static final class Builder {
        private final Scheme scheme;
        private final LinearOperator op;
        private final int height;
        private final int width;
        private int layers = -1;
        private double step = Double.NaN;
        private double penalty = Double.NaN;
        private int channels = 16;
        private int convLayers = 3;
        private int kernelSize = 3;
        private long seed = 1;
        private LearningSpec spec = LearningSpec.of(Quantity.DENOISER, Tying.TIED);

        private Builder(Scheme scheme, LinearOperator op, int height, int width) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            this.op = Objects.requireNonNull(op, "forward model");
            if (height < 1 || width < 1) {
                throw new FixpointException("InvalidParameter", "plug-and-play: image size " + height + "×" + width
                        + " must be at least 1×1");
            }
            if (op.domainSize() != height * width) {
                throw new ShapeMismatchException("plug-and-play forward model " + op.name(), op.domainShape(),
                        new int[]{height, width}, "the operator's domain must hold one " + height + "×" + width + " image");
            }
            if (scheme == Scheme.ADMM && height * width > MAX_ADMM_PIXELS) {
                throw new FixpointException("InvalidParameter", "PnP-ADMM: an image of " + height * width
                        + " pixels exceeds " + MAX_ADMM_PIXELS + " (the eigendecomposition of AᵀA is dense); use PGD");
            }
            this.height = height;
            this.width = width;
        }

        /**
         * @param k the number of layers K ≥ 1 (required)
         * @return this builder
         */
        public Builder layers(int k) {
            if (k < 1) {
                throw new FixpointException("InvalidParameter", "plug-and-play: layers K = " + k + " must be ≥ 1");
            }
            this.layers = k;
            return this;
        }

        /**
         * @param tau the gradient step τ &gt; 0 (PGD only)
         * @return this builder
         */
        public Builder step(double tau) {
            if (scheme != Scheme.PGD) {
                throw new FixpointException("InvalidParameter", "PnP-ADMM has no step τ; set its penalty ρ");
            }
            this.step = positive("step τ", tau);
            return this;
        }

        /**
         * @param rho the penalty ρ &gt; 0 (ADMM only)
         * @return this builder
         */
        public Builder penalty(double rho) {
            if (scheme != Scheme.ADMM) {
                throw new FixpointException("InvalidParameter", "PnP-PGD has no penalty ρ; set its step τ");
            }
            this.penalty = positive("penalty ρ", rho);
            return this;
        }

        /**
         * @param hiddenChannels hidden channels F ≥ 1
         * @param convolutions   number of convolutions ≥ 2
         * @param kernel         odd kernel size
         * @return this builder
         */
        public Builder denoiser(int hiddenChannels, int convolutions, int kernel) {
            new CnnDenoiser("", hiddenChannels, convolutions, kernel, 0); // validates
            this.channels = hiddenChannels;
            this.convLayers = convolutions;
            this.kernelSize = kernel;
            return this;
        }

        /**
         * @param s seed of the denoisers' He initialisation
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param s what is learned: a subset of denoiser, step (PGD) or penalty (ADMM)
         * @return this builder
         */
        public Builder learn(LearningSpec s) {
            this.spec = Objects.requireNonNull(s, "learning spec");
            return this;
        }

        private static double positive(String what, double v) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new FixpointException("InvalidParameter", "plug-and-play: " + what + " = " + v + " must be finite and > 0");
            }
            return v;
        }

        /** @return the network */
        public PlugAndPlayNetwork build() {
            if (layers < 1) {
                throw new FixpointException("InvalidParameter", "plug-and-play: set the number of layers with layers(K), K ≥ 1");
            }
            spec.requireWithin(scheme == Scheme.PGD ? "pnp-pgd" : "pnp-admm",
                    EnumSet.of(Quantity.DENOISER, scheme == Scheme.PGD ? Quantity.STEP : Quantity.PENALTY));
            return new PlugAndPlayNetwork(this);
        }
    }
}
