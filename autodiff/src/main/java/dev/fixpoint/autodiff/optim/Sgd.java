package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Stochastic gradient descent with optional (heavy-ball or Nesterov) momentum and L2 weight decay,
 * with the conventions of PyTorch's {@code SGD}. Per element, with gradient {@code g}, value {@code w}:
 * <pre>
 *   g ← g + weightDecay·w
 *   b ← g                                  (first step)
 *   b ← momentum·b + (1 − dampening)·g     (later steps)
 *   d ← g + momentum·b  (Nesterov)   or   d ← b  (heavy ball)   or   d ← g  (no momentum)
 *   w ← w − lr·d
 * </pre>
 * Slot: {@code "momentum"} (the buffer {@code b}) when momentum is positive, none otherwise.
 *
 * <pre>{@code
 * Optimizer opt = Sgd.builder(params).learningRate(0.05).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;

    private Sgd(Builder b) {
        super(b.parameters, b.learningRate, b.momentum > 0 ? new String[]{"momentum"} : new String[0]);
        this.momentum = b.momentum;
        this.dampening = b.dampening;
        this.nesterov = b.nesterov;
        this.weightDecay = b.weightDecay;
    }

    /** @return a builder for an SGD optimiser over {@code parameters} (learning rate 0.01, no momentum) */
    public static Builder builder(ParameterSet parameters) {
        return new Builder(parameters);
    }

    @Override
    public String type() {
        return "sgd";
    }

    /** @return the momentum coefficient (0 = none) */
    public double momentum() {
        return momentum;
    }

    /** @return whether the Nesterov variant is used */
    public boolean nesterov() {
        return nesterov;
    }

    /** @return the L2 weight-decay coefficient */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    protected void update(double lr, long step) {
        boolean first = step == 1;
        for (int p = 0; p < parameterCount(); p++) {
            Tensor value = value(p);
            Tensor grad = gradient(p);
            double[] w = value.data();
            double[] g = grad.data();
            int wo = value.offset();
            int go = grad.offset();
            int n = value.size();
            if (momentum == 0) {
                for (int i = 0; i < n; i++) {
                    double gi = g[go + i] + weightDecay * w[wo + i];
                    w[wo + i] -= lr * gi;
                }
                continue;
            }
            double[] b = buffer(0, p);
            double keep = 1 - dampening;
            for (int i = 0; i < n; i++) {
                double gi = g[go + i] + weightDecay * w[wo + i];
                double bi = first ? gi : momentum * b[i] + keep * gi;
                b[i] = bi;
                w[wo + i] -= lr * (nesterov ? gi + momentum * bi : bi);
            }
        }
    }

    /** Settings of an {@link Sgd} optimiser; each setter checks its range. */
    public static final class Builder {
        private final ParameterSet parameters;
        private double learningRate = 0.01;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(ParameterSet parameters) {
            this.parameters = parameters;
        }

        /** @param lr learning rate, finite and {@code ≥ 0} (default 0.01) */
        public Builder learningRate(double lr) {
            this.learningRate = Hyperparameters.nonNegative("learning rate", lr);
            return this;
        }

        /** @param momentum in {@code [0, 1)} (default 0) */
        public Builder momentum(double momentum) {
            this.momentum = Hyperparameters.unitInterval("momentum", momentum);
            return this;
        }

        /** @param dampening in {@code [0, 1)} (default 0; must be 0 with Nesterov) */
        public Builder dampening(double dampening) {
            this.dampening = Hyperparameters.unitInterval("dampening", dampening);
            return this;
        }

        /** @param nesterov use Nesterov momentum (needs momentum {@code > 0} and no dampening) */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** @param weightDecay L2 coefficient added to the gradient, {@code ≥ 0} (default 0) */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = Hyperparameters.nonNegative("weight decay", weightDecay);
            return this;
        }

        /** @return the optimiser; its state buffers are allocated now */
        public Sgd build() {
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new FixpointException("BadHyperparameter", "Nesterov momentum needs momentum > 0 and dampening = 0; got momentum = "
                        + momentum + ", dampening = " + dampening);
            }
            return new Sgd(this);
        }
    }
}
