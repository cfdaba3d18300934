package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Map;
import java.util.Objects;

/**
 * Douglas–Rachford splitting (Lions–Mercier 1979) for {@code min_x f(x) + g(x)} with both functions
 * proximable and no smoothness assumed. With step γ &gt; 0 and relaxation λ ∈ (0, 2):
 * <pre>
 *   x_k = prox_{γf}(z_k)
 *   y_k = prox_{γg}(2x_k − z_k)
 *   z_{k+1} = z_k + λ(y_k − x_k)
 * </pre>
 * {@code z} converges to a fixed point whose {@code prox_{γf}} is a minimiser; {@code x_k − y_k → 0}.
 *
 * <p><b>Residual</b> (compared to the tolerance): the gap between the two prox points, relative in
 * the form of Boyd et al.'s primal residual, {@code ‖x_k − y_k‖ / (√n + max(‖x_k‖, ‖y_k‖))}.
 * <b>Objective</b>: {@code f(y_k) + g(y_k)}, indicator functions counted as 0.
 *
 * <p>Result: the solution {@code y_k} (g's prox point: it carries g's structure, e.g. exact zeros of
 * an ℓ1 term or feasibility for a constraint); auxiliary {@code "z"} (the final governing sequence
 * z), {@code "x"} = {@code prox_{γf}(z)} and {@code "dual"} = {@code (z − x)/γ ∈ ∂f(x)}. Immutable.
 */
public final class DouglasRachford {
    private static final String NAME = "douglas-rachford";

    private final ProximalFunction f;
    private final ProximalFunction g;
    private final double gamma;
    private final double relaxation;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private DouglasRachford(Builder b) {
        this.f = b.f;
        this.g = b.g;
        this.gamma = b.gamma;
        this.relaxation = b.relaxation;
        this.stopping = b.stopping;
        this.listener = b.listener;
    }

    /** @return a builder for {@code min f + g} (defaults: γ = 1, λ = 1, {@link StoppingCriteria#defaults()}) */
    public static Builder builder(ProximalFunction f, ProximalFunction g) {
        return new Builder(f, g);
    }

    /** Configures a {@link DouglasRachford}. */
    public static final class Builder {
        private final ProximalFunction f;
        private final ProximalFunction g;
        private double gamma = 1;
        private double relaxation = 1;
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(ProximalFunction f, ProximalFunction g) {
            this.f = Objects.requireNonNull(f, "f");
            this.g = Objects.requireNonNull(g, "g");
        }

        /** Sets the step γ &gt; 0 (any value converges; it sets the balance between the two prox maps). */
        public Builder step(double value) {
            this.gamma = SolverChecks.positive(NAME, "step γ", value);
            return this;
        }

        /** Sets the relaxation λ ∈ (0, 2) (1 = plain Douglas–Rachford). */
        public Builder relaxation(double value) {
            if (!(value > 0 && value < 2)) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + NAME
                        + ": relaxation λ must be in (0, 2), got " + value);
            }
            this.relaxation = value;
            return this;
        }

        /** Sets when to stop. */
        public Builder stopping(StoppingCriteria value) {
            this.stopping = Objects.requireNonNull(value, "stopping");
            return this;
        }

        /** Sets the per-iteration observer. */
        public Builder listener(IterationListener value) {
            this.listener = value == null ? IterationListener.NONE : value;
            return this;
        }

        /** @return the solver */
        public DouglasRachford build() {
            return new DouglasRachford(this);
        }
    }

    /**
     * @param z0 start of the governing sequence (not modified); required, since the functions do not
     *           fix the shape (pass zeros of the unknowns' shape for a cold start)
     * @return the result
     */
    public SolverResult solve(Tensor z0) {
        Objects.requireNonNull(z0, "z0 (pass zeros of the unknowns' shape for a cold start)");
        Tensor z = SolverChecks.startingPoint(NAME, "start z0", z0, z0.shape());
        Tensor x = Tensor.zeros(z.shape());
        Tensor y = Tensor.zeros(z.shape());
        Tensor reflected = Tensor.zeros(z.shape());
        double rootN = Math.sqrt(z.size());
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        SolverStatus status = null;
        for (int it = 1; status == null; it++) {
            if (!z.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite iterate z at iteration " + it);
                break;
            }
            f.proxInto(z, gamma, x);
            reflected.assign(x).scaleInPlace(2).axpyInPlace(-1, z);
            if (!reflected.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite reflection at iteration " + it);
                break;
            }
            g.proxInto(reflected, gamma, y);
            double gap = SolverChecks.distance(x, y);
            z.axpyInPlace(relaxation, y).axpyInPlace(-relaxation, x);
            double residual = gap / (rootN + Math.max(x.norm(), y.norm()));
            double objective = SolverChecks.valueOrZeroForIndicator(f, y) + SolverChecks.valueOrZeroForIndicator(g, y);
            status = monitor.record(it, objective, residual);
        }
        if (z.isFinite()) {
            f.proxInto(z, gamma, x); // f's prox point of the final z, so that the dual below is exact
        }
        Tensor dual = z.sub(x).mul(1 / gamma);
        return monitor.result(y, Map.of("x", x, "z", z, "dual", dual));
    }

    @Override
    public String toString() {
        return NAME + "[f=" + f.name() + ", g=" + g.name() + ", γ=" + gamma + ", λ=" + relaxation + ", " + stopping + "]";
    }
}
