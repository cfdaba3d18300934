package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.ParameterSet;

/**
 * AdamW (Loshchilov &amp; Hutter, 2019): Adam with <em>decoupled</em> weight decay — the value is
 * shrunk by {@code (1 − lr·weightDecay)} before the Adam step, instead of adding {@code weightDecay·w}
 * to the gradient. Per element, at the 1-based step {@code t}:
 * <pre>
 *   w ← w·(1 − lr·weightDecay)
 *   m ← β₁m + (1 − β₁)g ;  v ← β₂v + (1 − β₂)g²
 *   v̂ ← max(v̂, v) with AMSGrad, else v
 *   w ← w − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Slots: {@code "m", "v"} and {@code "vmax"} with AMSGrad.
 */
public final class AdamW extends Optimizer {
    private final MomentSettings settings;

    private AdamW(MomentSettings s) {
        super(s.parameters, s.learningRate, AdamKernel.slots(s.amsgrad));
        this.settings = s;
    }

    /** @return a builder (learning rate 1e-3, β = (0.9, 0.999), ε = 1e-8, weight decay 0.01, no AMSGrad) */
    public static Builder builder(ParameterSet parameters) {
        return new Builder(parameters);
    }

    @Override
    public String type() {
        return "adamw";
    }

    @Override
    protected void update(double lr, long step) {
        MomentSettings s = settings;
        AdamKernel.update(this, lr, step, s.beta1, s.beta2, s.eps, 0.0, s.weightDecay, s.amsgrad);
    }

    /** Settings of an {@link AdamW} optimiser; each setter checks its range. */
    public static final class Builder extends MomentSettings.Fluent<Builder> {
        private Builder(ParameterSet parameters) {
            super(parameters, 0.01);
        }

        /** @return the optimiser; its state buffers are allocated now */
        public AdamW build() {
            return new AdamW(settings());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
