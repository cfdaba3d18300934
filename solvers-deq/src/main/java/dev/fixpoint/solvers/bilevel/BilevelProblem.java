package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.implicit.OptimalityCondition;
import java.util.Arrays;
import java.util.Objects;

/**
 * A bilevel problem as data: {@code min_θ L(z_T(θ), θ)} where {@code z_T} is the state after
 * {@code T} steps {@code z_{t+1} = Φ(z_t, θ, t)} of an inner solver from {@code z_0} (which does not
 * depend on θ). Optionally the optimality condition {@code F(z, θ) = 0} that the inner solver
 * converges to, used by implicit differentiation (default {@code F = z − Φ(z, θ, T − 1)}), whether
 * its Jacobian ∂F/∂z is symmetric (then CG can be used), a closed-form hypergradient (the lasso /
 * elastic-net KKT formula, see {@link ElasticNetBilevel}), and the valid range of each
 * hyperparameter. Immutable.
 */
public final class BilevelProblem {

    /** A problem-specific hypergradient formula (for example KKT differentiation on the support). */
    @FunctionalInterface
    public interface ClosedForm {
        /** @return the hypergradient at θ, including the inner solve it needs */
        Hypergradient compute(Tensor[] theta);
    }

    private final InnerStep step;
    private final OuterLoss loss;
    private final Tensor initialState;
    private final int innerSteps;
    private final OptimalityCondition condition;
    private final boolean symmetric;
    private final ClosedForm closedForm;
    private final Hyperparameter[] hyperparameters;

    private BilevelProblem(Builder b) {
        this.step = b.step;
        this.loss = b.loss;
        this.initialState = b.initialState;
        this.innerSteps = b.innerSteps;
        this.condition = b.condition;
        this.symmetric = b.symmetric;
        this.closedForm = b.closedForm;
        this.hyperparameters = b.hyperparameters;
    }

    /**
     * @param step         the inner step Φ
     * @param loss         the outer loss L
     * @param initialState z₀ (copied)
     * @param innerSteps   T ≥ 1
     * @return a builder
     */
    public static Builder builder(InnerStep step, OuterLoss loss, Tensor initialState, int innerSteps) {
        return new Builder(step, loss, initialState, innerSteps);
    }

    /** Configures a {@link BilevelProblem}. */
    public static final class Builder {
        private final InnerStep step;
        private final OuterLoss loss;
        private final Tensor initialState;
        private final int innerSteps;
        private OptimalityCondition condition;
        private boolean symmetric;
        private ClosedForm closedForm;
        private Hyperparameter[] hyperparameters;

        private Builder(InnerStep step, OuterLoss loss, Tensor initialState, int innerSteps) {
            this.step = Objects.requireNonNull(step, "step");
            this.loss = Objects.requireNonNull(loss, "loss");
            initialState.requireFinite("bilevel problem: initial state");
            this.initialState = initialState.copy();
            if (innerSteps < 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] bilevel problem: inner steps T must be "
                        + ">= 1, got " + innerSteps);
            }
            this.innerSteps = innerSteps;
        }

        /** Sets the optimality condition F(z, θ) = 0 of the converged inner problem (for implicit differentiation). */
        public Builder condition(OptimalityCondition value, boolean symmetricJacobian) {
            this.condition = Objects.requireNonNull(value, "condition");
            this.symmetric = symmetricJacobian;
            return this;
        }

        /** Sets a closed-form hypergradient (used by {@link HypergradientMethods#kkt()}). */
        public Builder closedForm(ClosedForm value) {
            this.closedForm = Objects.requireNonNull(value, "closedForm");
            return this;
        }

        /** Names each hyperparameter tensor and its valid range (checked by the optimiser). */
        public Builder hyperparameters(Hyperparameter... value) {
            this.hyperparameters = value.clone();
            return this;
        }

        /** @return the problem */
        public BilevelProblem build() {
            return new BilevelProblem(this);
        }
    }

    public InnerStep step() {
        return step;
    }

    public OuterLoss loss() {
        return loss;
    }

    /** @return z₀ (shared; do not modify) */
    public Tensor initialState() {
        return initialState;
    }

    /** @return T */
    public int innerSteps() {
        return innerSteps;
    }

    /** @return the optimality condition: the one set, or {@code F(z, θ) = z − Φ(z, θ, T − 1)} */
    public OptimalityCondition condition() {
        if (condition != null) {
            return condition;
        }
        int last = innerSteps - 1;
        return (z, theta) -> Ops.sub(z, step.apply(z, theta, last));
    }

    /** @return whether ∂F/∂z was declared symmetric */
    public boolean symmetricCondition() {
        return symmetric;
    }

    /** @return the closed-form hypergradient, or null */
    public ClosedForm closedForm() {
        return closedForm;
    }

    /**
     * @param count the number of hyperparameter tensors
     * @return the declared hyperparameters, or unconstrained ones named θ0, θ1, … when none were declared
     * @throws IllegalArgumentException if the declared ones are not {@code count}
     */
    public Hyperparameter[] hyperparameters(int count) {
        if (hyperparameters == null) {
            Hyperparameter[] out = new Hyperparameter[count];
            for (int i = 0; i < count; i++) {
                out[i] = Hyperparameter.real("θ" + i);
            }
            return out;
        }
        if (hyperparameters.length != count) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] bilevel problem declares "
                    + hyperparameters.length + " hyperparameters " + Arrays.toString(hyperparameters) + " but θ has "
                    + count + " tensors");
        }
        return hyperparameters.clone();
    }

    /** Checks θ against the declared ranges; see {@link Hyperparameter#check}. */
    public void checkRanges(Tensor[] theta, int outerIteration) {
        Hyperparameter[] h = hyperparameters(theta.length);
        for (int i = 0; i < theta.length; i++) {
            h[i].check(theta[i], outerIteration);
        }
    }

    /**
     * Runs the inner solver for {@code from} … {@code T − 1} steps without recording.
     *
     * @param theta the hyperparameters (not modified)
     * @param start the state after {@code from} steps (not modified)
     * @param from  the first step index
     * @param to    one past the last step index (≤ T)
     * @return the state after {@code to} steps
     * @throws FixpointException {@code [fixpoint/InnerDiverged]} naming the step where the state became non-finite
     */
    public Tensor runInner(Tensor[] theta, Tensor start, int from, int to) {
        Var[] th = constants(theta);
        Var z = Var.constant(start);
        try (NoGrad scope = NoGrad.enter()) {
            for (int t = from; t < to; t++) {
                z = step.apply(z, th, t);
                requireFinite(z.value(), t);
            }
        }
        return z.value();
    }

    /** @return {@code z_T(θ)}, the inner solver's final state */
    public Tensor solveInner(Tensor[] theta) {
        return runInner(theta, initialState, 0, innerSteps);
    }

    /** @return the outer loss {@code L(z_T(θ), θ)} (for finite-difference checks) */
    public double outerLoss(Tensor[] theta) {
        Tensor z = solveInner(theta);
        try (NoGrad scope = NoGrad.enter()) {
            return loss.apply(Var.constant(z), constants(theta)).item();
        }
    }

    static Var[] constants(Tensor[] theta) {
        Var[] out = new Var[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = Var.constant(theta[i]);
        }
        return out;
    }

    static void requireFinite(Tensor state, int t) {
        if (!state.isFinite()) {
            throw new FixpointException("InnerDiverged", "the inner solver's state became non-finite at step " + (t + 1)
                    + "; the hyperparameters make the inner iteration diverge (e.g. a learning rate above 2/L)");
        }
    }
}
