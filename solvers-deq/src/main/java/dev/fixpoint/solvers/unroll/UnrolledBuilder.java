package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.FixpointException;
import java.util.Objects;

/**
 * Settings of an {@link UnrolledSolver}; obtained from {@link UnrolledAlgorithm#over}. Each setter
 * checks its range at once ({@code [fixpoint/InvalidParameter]} with the value and the accepted
 * range); {@link #build()} checks that the settings fit the algorithm (e.g. no penalty for ISTA).
 * Unset values take the classical defaults documented on {@link UnrolledAlgorithm}.
 *
 * <pre>{@code
 * UnrolledSolver net = UnrolledAlgorithm.FISTA.over(a)
 *         .layers(16).weight(0.05)
 *         .learn(LearningSpec.of(Quantity.MOMENTUM, Tying.UNTIED))
 *         .build();
 * }</pre>
 */
public final class UnrolledBuilder {
    final UnrolledAlgorithm algorithm;
    final MeasurementModel model;
    int layers = -1;
    UnrolledProx prox = UnrolledProx.softThreshold();
    double weight = Double.NaN;
    double step = Double.NaN;
    double dualStep = Double.NaN;
    double penalty = Double.NaN;
    double momentum = Double.NaN;
    LearningSpec spec = LearningSpec.none();

    UnrolledBuilder(UnrolledAlgorithm algorithm, MeasurementModel model) {
        this.algorithm = algorithm;
        this.model = model;
    }

    /**
     * @param k the number of layers K ≥ 1 (required)
     * @return this builder
     */
    public UnrolledBuilder layers(int k) {
        if (k < 1) {
            throw new FixpointException("InvalidParameter", algorithm.architecture() + ": layers K = " + k + " must be ≥ 1");
        }
        this.layers = k;
        return this;
    }

    /**
     * @param p the proximal map of the regulariser g (default: soft thresholding)
     * @return this builder
     */
    public UnrolledBuilder prox(UnrolledProx p) {
        this.prox = Objects.requireNonNull(p, "prox");
        return this;
    }

    /**
     * @param lambda the regularisation weight λ ≥ 0 (required when the prox is {@link UnrolledProx#weighted()})
     * @return this builder
     */
    public UnrolledBuilder weight(double lambda) {
        this.weight = check("weight λ", lambda, false);
        return this;
    }

    /**
     * @param tau the step τ &gt; 0 (ISTA, FISTA; the primal step of PDHG)
     * @return this builder
     */
    public UnrolledBuilder step(double tau) {
        this.step = check("step τ", tau, true);
        return this;
    }

    /**
     * @param sigma the dual step σ &gt; 0 (PDHG)
     * @return this builder
     */
    public UnrolledBuilder dualStep(double sigma) {
        this.dualStep = check("dual step σ", sigma, true);
        return this;
    }

    /**
     * @param rho the penalty ρ &gt; 0 (ADMM)
     * @return this builder
     */
    public UnrolledBuilder penalty(double rho) {
        this.penalty = check("penalty ρ", rho, true);
        return this;
    }

    /**
     * @param beta a constant momentum β ∈ [0, 1] for every layer (FISTA; replaces the classical sequence)
     * @return this builder
     */
    public UnrolledBuilder momentum(double beta) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new FixpointException("InvalidParameter", algorithm.architecture() + ": momentum β = " + beta
                    + " must be in [0, 1]");
        }
        this.momentum = beta;
        return this;
    }

    /**
     * @param s what is learned (default {@link LearningSpec#none()}: the classical algorithm)
     * @return this builder
     */
    public UnrolledBuilder learn(LearningSpec s) {
        this.spec = Objects.requireNonNull(s, "learning spec");
        return this;
    }

    private double check(String what, double value, boolean strictlyPositive) {
        boolean ok = strictlyPositive ? value > 0 : value >= 0;
        if (!ok || !Double.isFinite(value)) {
            throw new FixpointException("InvalidParameter", algorithm.architecture() + ": " + what + " = " + value
                    + " must be finite and " + (strictlyPositive ? "> 0" : "≥ 0"));
        }
        return value;
    }

    /**
     * @return the network (its parameters initialised to the classical values)
     * @throws FixpointException {@code [fixpoint/InvalidParameter]} if the layer count is missing, the
     *         weight is missing for a weighted prox, a setting does not belong to the algorithm, or the
     *         spec learns a quantity the algorithm does not have
     */
    public UnrolledSolver build() {
        String arch = algorithm.architecture();
        if (layers < 1) {
            throw new FixpointException("InvalidParameter", arch + ": set the number of layers with layers(K), K ≥ 1");
        }
        if (prox.weighted() && Double.isNaN(weight)) {
            throw new FixpointException("InvalidParameter", arch + ": the prox '" + prox.name()
                    + "' needs the regularisation weight: call weight(λ) with λ ≥ 0");
        }
        if (!prox.weighted() && spec.isLearned(LearningSpec.Quantity.THRESHOLD)) {
            throw new FixpointException("InvalidParameter", arch + ": the prox '" + prox.name()
                    + "' does not depend on a threshold, so the threshold cannot be learned");
        }
        refuse(!Double.isNaN(step) && algorithm == UnrolledAlgorithm.ADMM, "a step τ (it has the penalty ρ)");
        refuse(!Double.isNaN(penalty) && algorithm != UnrolledAlgorithm.ADMM, "a penalty ρ");
        refuse(!Double.isNaN(dualStep) && algorithm != UnrolledAlgorithm.PDHG, "a dual step σ");
        refuse(!Double.isNaN(momentum) && algorithm != UnrolledAlgorithm.FISTA, "a momentum β");
        spec.requireWithin(arch, algorithm.learnable());
        if (algorithm == UnrolledAlgorithm.FISTA && layers == 1 && spec.isLearned(LearningSpec.Quantity.MOMENTUM)) {
            throw new FixpointException("InvalidParameter", arch + " with 1 layer uses no momentum, so it cannot be learned");
        }
        return new UnrolledSolver(this);
    }

    private void refuse(boolean condition, String what) {
        if (condition) {
            throw new FixpointException("InvalidParameter", algorithm.architecture() + " has no " + what
                    + "; it can learn " + algorithm.learnable());
        }
    }
}
