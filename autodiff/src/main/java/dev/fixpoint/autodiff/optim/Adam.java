package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.ParameterSet;

/**
 * Adam (Kingma &amp; Ba, 2015) with bias correction, optional AMSGrad and L2 weight decay <em>added to
 * the gradient</em> (for decoupled decay use {@link AdamW}). Per element, at the 1-based step {@code t}:
 * <pre>
 *   g ← g + weightDecay·w
 *   m ← β₁m + (1 − β₁)g ;  v ← β₂v + (1 − β₂)g²
 *   v̂ ← max(v̂, v) with AMSGrad, else v
 *   w ← w − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Slots: {@code "m", "v"} and {@code "vmax"} with AMSGrad.
 *
 * <pre>{@code
 * Optimizer opt = Adam.builder(params).learningRate(1e-3).build();
 * }</pre>
 */
public final class Adam extends Optimizer {
    private final MomentSettings settings;

    private Adam(MomentSettings s) {
        super(s.parameters, s.learningRate, AdamKernel.slots(s.amsgrad));
        this.settings = s;
    }

    /** @return a builder (learning rate 1e-3, β = (0.9, 0.999), ε = 1e-8, no weight decay, no AMSGrad) */
    public static Builder builder(ParameterSet parameters) {
        return new Builder(parameters);
    }

    @Override
    public String type() {
        return "adam";
    }

    @Override
    protected void update(double lr, long step) {
        MomentSettings s = settings;
        AdamKernel.update(this, lr, step, s.beta1, s.beta2, s.eps, s.weightDecay, 0.0, s.amsgrad);
    }

    /** Settings of an {@link Adam} optimiser; each setter checks its range. */
    public static final class Builder extends MomentSettings.Fluent<Builder> {
        private Builder(ParameterSet parameters) {
            super(parameters, 0.0);
        }

        /** @return the optimiser; its state buffers are allocated now */
        public Adam build() {
            return new Adam(settings());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
