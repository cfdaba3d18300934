package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.unroll.LearnedQuantity.Range;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classical algorithm ({@link UnrolledAlgorithm}: ISTA, FISTA, ADMM, PDHG) for
 * {@code min_x ½‖Ax − y‖² + λ·g(x)} unrolled into K differentiable layers; built by
 * {@link UnrolledAlgorithm#over} and {@link UnrolledBuilder}.
 *
 * <p><b>Shapes.</b> Samples are columns: the measurements y are [m, B] and every layer output is
 * [n, B]. Scalar quantities (steps, weights, momenta, penalties) are rank-0 parameters; a learned
 * linear map W is [n, m].
 *
 * <p><b>Learning.</b> The {@link LearningSpec} chooses per quantity whether it is fixed, tied or
 * untied. Every parameter starts at its classical value, so the untrained network computes exactly
 * the classical iteration. Learned values are checked at every forward pass (steps, penalties and
 * dual steps &gt; 0, weights ≥ 0, momenta finite): a value driven out of range by training throws
 * {@code [fixpoint/InvalidParameter]} naming the layer instead of producing garbage.
 *
 * <p>Not thread-safe during training (parameters are updated in place by optimisers); forward passes
 * do not modify the network.
 */
public final class UnrolledSolver implements UnrolledNetwork {
    private final UnrolledAlgorithm algorithm;
    private final MeasurementModel model;
    private final UnrolledProx prox;
    private final int layers;
    private final LearningSpec spec;
    private final LearnedQuantity step;
    private final LearnedQuantity weight;
    private final LearnedQuantity momentum;
    private final LearnedQuantity penalty;
    private final LearnedQuantity dualStep;
    private final LearnedQuantity linearMap;
    private final ShiftedGramSolve gram;
    private final ParameterSet parameters = new ParameterSet();
    private final List<ParameterSet> perLayer = new ArrayList<>();

    UnrolledSolver(UnrolledBuilder b) {
        this.algorithm = b.algorithm;
        this.model = b.model;
        this.prox = b.prox;
        this.layers = b.layers;
        this.spec = b.spec;
        int k = layers;
        double lipschitz = needsNorm(b) ? model.normSquared() : Double.NaN;
        if (needsNorm(b) && !(lipschitz > 0)) {
            throw new FixpointException("InvalidParameter", algorithm.architecture() + ": ‖A‖² = " + lipschitz
                    + ", so no default step exists; set the steps explicitly");
        }
        this.step = switch (algorithm) {
            case ISTA, FISTA -> scalar(Quantity.STEP, "step", "τ", Range.POSITIVE, orElse(b.step, 1 / lipschitz));
            case PDHG -> scalar(Quantity.STEP, "step", "τ", Range.POSITIVE, orElse(b.step, 0.99 / Math.sqrt(lipschitz)));
            case ADMM -> null;
        };
        this.dualStep = algorithm == UnrolledAlgorithm.PDHG
                ? scalar(Quantity.DUAL_STEP, "dualStep", "σ", Range.POSITIVE, orElse(b.dualStep, 0.99 / Math.sqrt(lipschitz)))
                : null;
        this.penalty = algorithm == UnrolledAlgorithm.ADMM
                ? scalar(Quantity.PENALTY, "penalty", "ρ", Range.POSITIVE, orElse(b.penalty, 1.0)) : null;
        this.weight = scalar(Quantity.THRESHOLD, "weight", "λ", Range.NON_NEGATIVE, prox.weighted() ? b.weight : 0.0);
        this.momentum = algorithm == UnrolledAlgorithm.FISTA ? momentum(b.momentum) : null;
        if (spec.isLearned(Quantity.LINEAR_MAP)) {
            Tensor at = model.dense().transpose();
            this.linearMap = new LearnedQuantity("W", "W", spec.tying(Quantity.LINEAR_MAP), Range.UNCHECKED, k, 0,
                    i -> at, at);
        } else {
            this.linearMap = null;
        }
        this.gram = algorithm == UnrolledAlgorithm.ADMM ? new ShiftedGramSolve(model.dense()) : null;
        for (int i = 0; i < k; i++) {
            perLayer.add(new ParameterSet());
        }
        for (LearnedQuantity q : new LearnedQuantity[]{step, dualStep, penalty, weight, momentum, linearMap}) {
            if (q != null) {
                q.register(perLayer);
            }
        }
        for (ParameterSet s : perLayer) {
            for (Parameter p : s) {
                parameters.add(p);
            }
        }
    }

    private boolean needsNorm(UnrolledBuilder b) {
        return switch (algorithm) {
            case ISTA, FISTA -> Double.isNaN(b.step);
            case PDHG -> Double.isNaN(b.step) || Double.isNaN(b.dualStep);
            case ADMM -> false;
        };
    }

    private static double orElse(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    private LearnedQuantity scalar(Quantity q, String name, String symbol, Range range, double value) {
        Tensor v = Tensor.scalar(value);
        return new LearnedQuantity(name, symbol, spec.tying(q), range, layers, 0, i -> v, v);
    }

    private LearnedQuantity momentum(double constant) {
        double[] beta = new double[layers];
        if (Double.isNaN(constant)) {
            double t = 1;
            for (int k = 1; k < layers; k++) {
                double next = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                beta[k] = (t - 1) / next;
                t = next;
            }
        } else {
            java.util.Arrays.fill(beta, constant);
        }
        double mean = 0;
        for (int k = 1; k < layers; k++) {
            mean += beta[k] / (layers - 1);
        }
        return new LearnedQuantity("momentum", "β", spec.tying(Quantity.MOMENTUM), Range.FINITE, layers, 1,
                i -> Tensor.scalar(beta[i]), Tensor.scalar(Double.isNaN(constant) ? mean : constant));
    }

    // ------------------------------------------------------------------ UnrolledNetwork

    /** @return {@code "unrolled-ista"}, {@code "unrolled-fista"}, {@code "unrolled-admm"} or {@code "unrolled-pdhg"} */
    @Override
    public String architecture() {
        return algorithm.architecture();
    }

    @Override
    public int depth() {
        return layers;
    }

    /** @return the unrolled algorithm */
    public UnrolledAlgorithm algorithm() {
        return algorithm;
    }

    /** @return what is learned */
    public LearningSpec spec() {
        return spec;
    }

    /** @return the proximal map of the regulariser */
    public UnrolledProx prox() {
        return prox;
    }

    /** @return every trainable parameter: those of layer 0 (tied ones included), then layer 1, … (empty when nothing is learned) */
    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public ParameterSet layerParameters(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new FixpointException("InvalidParameter", architecture() + ": layer " + layer
                    + " is outside 0…" + (layers - 1));
        }
        return perLayer.get(layer);
    }

    /**
     * @param y measurements [m, B]
     * @return the outputs [n, B] of layers 1…{@code layers}
     */
    @Override
    public List<Var> forward(Tape tape, Var y, int layers) {
        return run(ParameterBinding.of(parameters, tape), y, layers);
    }

    /**
     * Runs the network with the given variables standing for its parameters (for gradient checks,
     * and to compose the network into a larger differentiable function).
     *
     * @param parameterValues one variable per parameter, in the order of {@link #parameters()}, with
     *                        the parameters' shapes
     * @param y               measurements [m, B]
     * @param layers          1 ≤ layers ≤ depth()
     * @return the outputs [n, B] of layers 1…{@code layers}
     */
    public List<Var> forwardWith(Var[] parameterValues, Var y, int layers) {
        return run(ParameterBinding.of(architecture(), parameters, parameterValues), y, layers);
    }

    /**
     * Inference on a batch.
     *
     * @param y measurements [m, B] (not modified)
     * @return the last layer's output [n, B]
     */
    public Tensor reconstruct(Tensor y) {
        List<Var> out = forward(null, Var.constant(y));
        return out.get(out.size() - 1).value();
    }

    private List<Var> run(ParameterBinding binding, Var y, int count) {
        if (count < 1 || count > layers) {
            throw new FixpointException("InvalidParameter", architecture() + ": cannot run " + count
                    + " layers; the network has 1…" + layers);
        }
        model.requireMeasurements(architecture(), y);
        Pass pass = new Pass(binding, y);
        List<Var> out = switch (algorithm) {
            case ISTA -> UnrolledRecurrences.ista(pass, count);
            case FISTA -> UnrolledRecurrences.fista(pass, count);
            case ADMM -> UnrolledRecurrences.admm(pass, count);
            case PDHG -> UnrolledRecurrences.pdhg(pass, count);
        };
        return Collections.unmodifiableList(out);
    }

    /**
     * @return {@code architecture}, {@code operator}, {@code m}, {@code n}, {@code layers},
     *         {@code prox} and {@code learn} (the spec's text form)
     */
    @Override
    public Map<String, String> configuration() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("architecture", architecture());
        c.put("operator", model.describe());
        c.put("m", Integer.toString(model.rows()));
        c.put("n", Integer.toString(model.cols()));
        c.put("layers", Integer.toString(layers));
        c.put("prox", prox.name());
        c.put("learn", spec.toString());
        return Collections.unmodifiableMap(c);
    }

    @Override
    public String toString() {
        return architecture() + configuration();
    }

    /** One forward pass: the bound parameters, the measurements, and the building blocks of the layers. */
    final class Pass {
        private final ParameterBinding binding;
        final Var y;
        final int batch;

        Pass(ParameterBinding binding, Var y) {
            this.binding = binding;
            this.y = y;
            this.batch = y.shape()[1];
        }

        Var zerosSignal() {
            return Var.constant(Tensor.zeros(model.cols(), batch));
        }

        Var zerosMeasurement() {
            return Var.constant(Tensor.zeros(model.rows(), batch));
        }

        /** @return A x */
        Var forwardModel(Var x) {
            return model.apply(x);
        }

        /** @return W_k r: the learned map of layer k, or Aᵀ r */
        Var backProject(int k, Var r) {
            return linearMap == null ? model.adjoint(r) : Ops.matmul(linearMap.at(k, binding), r);
        }

        /** @return whether W_k y is the same for every layer (so it can be computed once) */
        boolean sameBackProjection() {
            return linearMap == null || spec.tying(Quantity.LINEAR_MAP) == Tying.TIED;
        }

        Var step(int k) {
            return step.at(k, binding);
        }

        Var dualStep(int k) {
            return dualStep.at(k, binding);
        }

        Var penalty(int k) {
            return penalty.at(k, binding);
        }

        Var weight(int k) {
            return weight.at(k, binding);
        }

        Var momentum(int k) {
            return momentum.at(k, binding);
        }

        /** @return prox_{θ g}(v) */
        Var prox(Var v, Var theta) {
            return prox.apply(v, theta);
        }

        /** @return (AᵀA + ρI)⁻¹ b */
        Var gramSolve(Var b, Var rho) {
            return gram.solveColumns(b, rho);
        }
    }
}
