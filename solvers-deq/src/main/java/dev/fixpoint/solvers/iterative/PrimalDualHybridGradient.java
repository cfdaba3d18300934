package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Map;
import java.util.Objects;

/**
 * The primal–dual hybrid gradient method of Chambolle and Pock (2011) for
 * {@code min_x g(x) + f(Kx)}, i.e. the saddle point {@code min_x max_y g(x) + ⟨Kx, y⟩ − f*(y)}:
 * <pre>
 *   x_{k+1} = prox_{Tg}(x_k − T Kᵀy_k)
 *   y_{k+1} = prox_{Σf*}(y_k + Σ K(2x_{k+1} − x_k))
 * </pre>
 * with {@code f*}'s prox from the Moreau identity {@code prox_{σf*}(w) = w − σ·prox_{f/σ}(w/σ)}
 * (so only {@code f}'s prox is needed). Steps: scalars {@code T = τ}, {@code Σ = σ} with
 * {@code τσ‖K‖² < 1} (default {@code τ = σ = 0.99/‖K‖}, {@code ‖K‖} by power iteration), or
 * the diagonal preconditioning of Pock and Chambolle (2011) with α = 1:
 * {@code T_j = 1/Σᵢ|K_ij|}, {@code Σ_i = 1/Σⱼ|K_ij|} (a zero row or column gets step 1), which
 * needs the matrix entries ({@link AbsoluteSums}, e.g. {@link ExplicitMatrix}) and separable
 * {@code g} and {@code f} ({@link SeparableFunction#of}).
 *
 * <p><b>Residual</b> (compared to the tolerance), from the optimality conditions
 * {@code 0 ∈ ∂g(x) + Kᵀy}, {@code 0 ∈ ∂f*(y) − Kx}: the primal residual
 * {@code P = T⁻¹(x_k − x_{k+1}) − Kᵀ(y_k − y_{k+1}) ∈ ∂g(x_{k+1}) + Kᵀy_{k+1}} and the dual residual
 * {@code D = Σ⁻¹(y_k − y_{k+1}) + K(x_{k+1} − x_k) ∈ ∂f*(y_{k+1}) − Kx_{k+1}} (Goldstein et al. 2013),
 * combined as {@code r = max(‖P‖/(√n + ‖Kᵀy_{k+1}‖), ‖D‖/(√m + ‖Kx_{k+1}‖))} — the form of Boyd
 * et al.'s ADMM test with equal absolute and relative tolerances. <b>Objective</b>:
 * {@code g(x_{k+1}) + f(Kx_{k+1})}, indicator functions counted as 0.
 *
 * <p>Result: the solution x; auxiliary {@code "dual"} (y, of K's range shape). One application of K
 * and one of Kᵀ per iteration. Immutable; {@link #solve} may run concurrently.
 */
public final class PrimalDualHybridGradient {
    private static final String NAME = "pdhg";

    private final ProximalFunction g;
    private final ProximalFunction f;
    private final LinearOperator k;
    private final double tau;
    private final double sigma;
    private final Tensor tauDiagonal;   // null for scalar steps
    private final Tensor sigmaDiagonal;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private PrimalDualHybridGradient(Builder b, double tau, double sigma, Tensor tauDiagonal, Tensor sigmaDiagonal,
                                     ProximalFunction g, ProximalFunction f) {
        this.g = g;
        this.f = f;
        this.k = b.k;
        this.tau = tau;
        this.sigma = sigma;
        this.tauDiagonal = tauDiagonal;
        this.sigmaDiagonal = sigmaDiagonal;
        this.stopping = b.stopping;
        this.listener = b.listener;
    }

    /**
     * @param g the primal function, on K's domain shape
     * @param f the function composed with K, on K's range shape
     * @param k the linear operator
     * @return a builder (defaults: τ = σ = 0.99/‖K‖, no preconditioning, {@link StoppingCriteria#defaults()})
     */
    public static Builder builder(ProximalFunction g, ProximalFunction f, LinearOperator k) {
        return new Builder(g, f, k);
    }

    /** Configures a {@link PrimalDualHybridGradient}. */
    public static final class Builder {
        private final ProximalFunction g;
        private final ProximalFunction f;
        private final LinearOperator k;
        private double tau = Double.NaN;
        private double sigma = Double.NaN;
        private boolean preconditioned;
        private double normBound = Double.NaN;
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(ProximalFunction g, ProximalFunction f, LinearOperator k) {
            this.g = Objects.requireNonNull(g, "g");
            this.f = Objects.requireNonNull(f, "f");
            this.k = Objects.requireNonNull(k, "K");
        }

        /** Sets scalar steps τ, σ &gt; 0; {@link #build()} checks {@code τσ‖K‖² < 1}. */
        public Builder steps(double primalStep, double dualStep) {
            this.tau = SolverChecks.positive(NAME, "primal step τ", primalStep);
            this.sigma = SolverChecks.positive(NAME, "dual step σ", dualStep);
            return this;
        }

        /**
         * Gives a known upper bound of ‖K‖₂ (for example √(1 + 8) for K = [A; ∇] with ‖A‖ ≤ 1 and the 2-D
         * forward-difference gradient), used instead of the power-iteration estimate that {@link #build()}
         * otherwise runs (to relative accuracy 1e-8, which on large operators costs many applications).
         */
        public Builder operatorNorm(double bound) {
            this.normBound = SolverChecks.positive(NAME, "bound of ‖K‖", bound);
            return this;
        }

        /** Uses the Pock–Chambolle diagonal preconditioning (α = 1) instead of scalar steps. */
        public Builder diagonalPreconditioning() {
            this.preconditioned = true;
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

        /**
         * @return the solver
         * @throws FixpointException {@code [fixpoint/InvalidStep]} when {@code τσ‖K‖² ≥ 1};
         *         {@code [fixpoint/NoAbsoluteSums]} when preconditioning an operator without
         *         {@link AbsoluteSums}; {@code [fixpoint/NotSeparable]} when preconditioning with a
         *         non-separable g or f; {@code [fixpoint/InvalidParameter]} for steps together with
         *         preconditioning
         */
        public PrimalDualHybridGradient build() {
            if (preconditioned) {
                if (!Double.isNaN(tau)) {
                    throw new FixpointException("InvalidParameter", NAME + ": give either scalar steps (τ = " + tau
                            + ", σ = " + sigma + ") or diagonal preconditioning, not both");
                }
                if (!(k instanceof AbsoluteSums sums)) {
                    throw new FixpointException("NoAbsoluteSums", NAME + ": diagonal preconditioning (Pock–Chambolle "
                            + "2011) needs the row and column sums of |K|, which K = " + k.name() + " does not provide; "
                            + "wrap a dense matrix with ExplicitMatrix.dense(matrix) or a CSR matrix with "
                            + "ExplicitMatrix.csr(...), or implement AbsoluteSums");
                }
                SeparableFunction gs = SeparableFunction.of(g);
                SeparableFunction fs = SeparableFunction.of(f);
                Tensor t = reciprocalOrOne(sums.absoluteColumnSums());
                Tensor s = reciprocalOrOne(sums.absoluteRowSums());
                return new PrimalDualHybridGradient(this, Double.NaN, Double.NaN, t, s, gs, fs);
            }
            double norm = Double.isNaN(normBound) ? k.normEstimate(1e-8, 100_000) : normBound;
            if (Double.isNaN(tau)) {
                double step = norm > 0 ? 0.99 / norm : 1.0;
                return new PrimalDualHybridGradient(this, step, step, null, null, g, f);
            }
            double product = tau * sigma * norm * norm;
            if (!(product < 1)) {
                throw new FixpointException("InvalidStep", String.format("%s: steps τ = %.6g, σ = %.6g give "
                        + "τσ‖K‖² = %.6g >= 1 (‖K‖ = %.6g); convergence needs τσ‖K‖² < 1, e.g. τ = σ = %.6g",
                        NAME, tau, sigma, product, norm, 0.99 / norm));
            }
            return new PrimalDualHybridGradient(this, tau, sigma, null, null, g, f);
        }

        private static Tensor reciprocalOrOne(Tensor sums) {
            return sums.map(s -> s > 0 ? 1 / s : 1.0);
        }
    }

    /** @return the primal steps (a copy of the diagonal, or τ broadcast to K's domain shape) */
    public Tensor primalSteps() {
        return tauDiagonal != null ? tauDiagonal.copy() : Tensor.full(tau, k.domainShape());
    }

    /** @return the dual steps (a copy of the diagonal, or σ broadcast to K's range shape) */
    public Tensor dualSteps() {
        return sigmaDiagonal != null ? sigmaDiagonal.copy() : Tensor.full(sigma, k.rangeShape());
    }

    /**
     * @param x0 primal start of K's domain shape, or null for zeros (not modified)
     * @param y0 dual start of K's range shape, or null for zeros (not modified)
     * @return the result, with auxiliary {@code "dual"}
     */
    public SolverResult solve(Tensor x0, Tensor y0) {
        Tensor x = SolverChecks.startingPoint(NAME, "primal start x0", x0, k.domainShape());
        Tensor y = SolverChecks.startingPoint(NAME, "dual start y0", y0, k.rangeShape());
        Tensor xNew = Tensor.zeros(k.domainShape());
        Tensor yNew = Tensor.zeros(k.rangeShape());
        Tensor kx = k.apply(x);
        Tensor kxNew = Tensor.zeros(k.rangeShape());
        Tensor kty = k.adjoint(y);
        Tensor ktyNew = Tensor.zeros(k.domainShape());
        Tensor v = Tensor.zeros(k.domainShape());
        Tensor w = Tensor.zeros(k.rangeShape());
        Tensor scaled = Tensor.zeros(k.rangeShape());
        Tensor proxOut = Tensor.zeros(k.rangeShape());
        Tensor inverseSigma = sigmaDiagonal == null ? null : sigmaDiagonal.map(s -> 1 / s);
        double rootN = Math.sqrt(k.domainSize());
        double rootM = Math.sqrt(k.rangeSize());
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        SolverStatus status = null;
        for (int it = 1; status == null; it++) {
            // primal step: v = x − T Kᵀy, x⁺ = prox_{Tg}(v)
            DiagonalSteps.subtractScaled(x, tau, tauDiagonal, kty, v);
            if (!v.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite primal step at iteration " + it);
                break;
            }
            if (tauDiagonal == null) {
                g.proxInto(v, tau, xNew);
            } else {
                ((SeparableFunction) g).proxDiagonalInto(v, tauDiagonal, xNew);
            }
            k.applyInto(xNew, kxNew);
            // dual step: w = y + Σ K(2x⁺ − x), y⁺ = w − Σ prox_{Σ⁻¹f}(Σ⁻¹w)
            DiagonalSteps.dualArgument(y, sigma, sigmaDiagonal, kxNew, kx, w);
            if (!w.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite dual step at iteration " + it);
                break;
            }
            DiagonalSteps.divide(w, sigma, sigmaDiagonal, scaled);
            if (sigmaDiagonal == null) {
                f.proxInto(scaled, 1 / sigma, proxOut);
            } else {
                ((SeparableFunction) f).proxDiagonalInto(scaled, inverseSigma, proxOut);
            }
            DiagonalSteps.subtractScaled(w, sigma, sigmaDiagonal, proxOut, yNew);
            k.adjointInto(yNew, ktyNew);

            double primal = DiagonalSteps.residualNorm(x, xNew, tau, tauDiagonal, kty, ktyNew);
            double dual = DiagonalSteps.residualNorm(y, yNew, sigma, sigmaDiagonal, kx, kxNew);
            double residual = Math.max(primal / (rootN + ktyNew.norm()), dual / (rootM + kxNew.norm()));
            double objective = SolverChecks.valueOrZeroForIndicator(g, xNew) + SolverChecks.valueOrZeroForIndicator(f, kxNew);

            Tensor t = x; x = xNew; xNew = t;
            t = y; y = yNew; yNew = t;
            t = kx; kx = kxNew; kxNew = t;
            t = kty; kty = ktyNew; ktyNew = t;
            status = monitor.record(it, objective, residual);
        }
        return monitor.result(x, Map.of("dual", y));
    }

    @Override
    public String toString() {
        return NAME + "[g=" + g.name() + ", f=" + f.name() + ", K=" + k.name()
                + (tauDiagonal != null ? ", diagonal preconditioning" : String.format(", τ=%.4g, σ=%.4g", tau, sigma))
                + ", " + stopping + "]";
    }
}
