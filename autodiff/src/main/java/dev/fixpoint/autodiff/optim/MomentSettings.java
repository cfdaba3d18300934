package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.ParameterSet;
import java.util.Objects;

/** The settings of the Adam family (immutable once built), and the fluent setters their builders share. */
final class MomentSettings {
    final ParameterSet parameters;
    final double learningRate;
    final double beta1;
    final double beta2;
    final double eps;
    final double weightDecay;
    final boolean amsgrad;

    private MomentSettings(Fluent<?> f) {
        this.parameters = f.parameters;
        this.learningRate = f.learningRate;
        this.beta1 = f.beta1;
        this.beta2 = f.beta2;
        this.eps = f.eps;
        this.weightDecay = f.weightDecay;
        this.amsgrad = f.amsgrad;
    }

    /**
     * Fluent setters of an Adam-family builder.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Fluent<B extends Fluent<B>> {
        private final ParameterSet parameters;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean amsgrad;

        Fluent(ParameterSet parameters, double weightDecay) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            this.weightDecay = weightDecay;
        }

        abstract B self();

        MomentSettings settings() {
            return new MomentSettings(this);
        }

        /** @param lr learning rate, finite and {@code ≥ 0} (default 1e-3) */
        public B learningRate(double lr) {
            this.learningRate = Hyperparameters.nonNegative("learning rate", lr);
            return self();
        }

        /**
         * @param beta1 decay of the first moment, in {@code [0, 1)} (default 0.9)
         * @param beta2 decay of the second moment, in {@code [0, 1)} (default 0.999)
         */
        public B betas(double beta1, double beta2) {
            this.beta1 = Hyperparameters.unitInterval("beta1", beta1);
            this.beta2 = Hyperparameters.unitInterval("beta2", beta2);
            return self();
        }

        /** @param eps added to the denominator, {@code > 0} (default 1e-8) */
        public B eps(double eps) {
            this.eps = Hyperparameters.positive("eps", eps);
            return self();
        }

        /** @param weightDecay weight-decay coefficient, {@code ≥ 0} (meaning depends on the optimiser) */
        public B weightDecay(double weightDecay) {
            this.weightDecay = Hyperparameters.nonNegative("weight decay", weightDecay);
            return self();
        }

        /** @param amsgrad use the running maximum of the second moment (AMSGrad, default false) */
        public B amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return self();
        }
    }
}
