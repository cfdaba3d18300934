package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/**
 * Bilevel problems whose inner problem is the training of a linear model by T steps of an
 * optimiser from {@code w₀ = 0}, and whose outer loss is the validation loss of the final weights:
 * the learning rate of gradient descent, a decaying schedule, a heavy-ball momentum, and Adam's
 * (α, β₁, β₂). The hyperparameters are declared with their valid ranges.
 */
public final class TrainingProblems {
    private TrainingProblems() {
    }

    /** θ = [η], η &gt; 0: {@code w ← w − η∇f(w)}. */
    public static BilevelProblem gradientDescent(TrainingLoss train, TrainingLoss validation, int steps) {
        int n = train.features();
        InnerStep step = (w, theta, t) -> Ops.sub(w, Ops.mul(theta[0], train.gradient(w)));
        return BilevelProblem.builder(step, (w, theta) -> validation.value(w), Tensor.zeros(n), steps)
                .hyperparameters(Hyperparameter.positive("η")).build();
    }

    /** θ = [θ₀, θ₁] (any reals): {@code w ← w − η_t∇f(w)} with {@code η_t = exp(θ₀)/(1 + t·exp(θ₁))}. */
    public static BilevelProblem scheduledGradientDescent(TrainingLoss train, TrainingLoss validation, int steps) {
        int n = train.features();
        InnerStep step = (w, theta, t) -> {
            Var eta = Ops.div(Ops.exp(theta[0]), Ops.add(Var.constant(1), Ops.scale(Ops.exp(theta[1]), t)));
            return Ops.sub(w, Ops.mul(eta, train.gradient(w)));
        };
        return BilevelProblem.builder(step, (w, theta) -> validation.value(w), Tensor.zeros(n), steps)
                .hyperparameters(Hyperparameter.real("θ0"), Hyperparameter.real("θ1")).build();
    }

    /**
     * θ = [β], β ∈ [0, 1): heavy ball {@code v ← βv − η∇f(w)}, {@code w ← w + v} with fixed η; the
     * state packs {@code [w; v]} ({@code [2n]}).
     */
    public static BilevelProblem heavyBall(TrainingLoss train, TrainingLoss validation, double eta, int steps) {
        int n = train.features();
        InnerStep step = (state, theta, t) -> {
            Var w = Ops.slice(state, 0, 0, n);
            Var v = Ops.slice(state, 0, n, 2 * n);
            Var vNext = Ops.sub(Ops.mul(theta[0], v), Ops.scale(train.gradient(w), eta));
            return Ops.concat(0, Ops.add(w, vNext), vNext);
        };
        return BilevelProblem.builder(step, (state, theta) -> validation.value(Ops.slice(state, 0, 0, n)),
                Tensor.zeros(2 * n), steps).hyperparameters(Hyperparameter.unitInterval("β")).build();
    }

    /**
     * θ = [α, β₁, β₂], α &gt; 0, β₁, β₂ ∈ [0, 1): Adam with bias correction and ε = 1e-8; the state
     * packs {@code [w; m; v]} ({@code [3n]}).
     */
    public static BilevelProblem adam(TrainingLoss train, TrainingLoss validation, int steps) {
        int n = train.features();
        InnerStep step = (state, theta, t) -> {
            Var w = Ops.slice(state, 0, 0, n);
            Var m = Ops.slice(state, 0, n, 2 * n);
            Var v = Ops.slice(state, 0, 2 * n, 3 * n);
            Var g = train.gradient(w);
            Var one = Var.constant(1);
            Var b1 = theta[1];
            Var b2 = theta[2];
            Var mNext = Ops.add(Ops.mul(b1, m), Ops.mul(Ops.sub(one, b1), g));
            Var vNext = Ops.add(Ops.mul(b2, v), Ops.mul(Ops.sub(one, b2), Ops.mul(g, g)));
            Var c1 = Ops.sub(one, Ops.exp(Ops.scale(Ops.log(b1), t + 1)));   // 1 − β₁^{t+1}
            Var c2 = Ops.sub(one, Ops.exp(Ops.scale(Ops.log(b2), t + 1)));
            Var mHat = Ops.div(mNext, c1);
            Var vHat = Ops.div(vNext, c2);
            Var update = Ops.div(mHat, Ops.add(Ops.sqrt(vHat), Var.constant(1e-8)));
            return Ops.concat(0, Ops.sub(w, Ops.mul(theta[0], update)), mNext, vNext);
        };
        return BilevelProblem.builder(step, (state, theta) -> validation.value(Ops.slice(state, 0, 0, n)),
                Tensor.zeros(3 * n), steps).hyperparameters(Hyperparameter.positive("α"),
                Hyperparameter.unitInterval("β1"), Hyperparameter.unitInterval("β2")).build();
    }
}
