package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The split Bregman method of Goldstein and Osher (2009) for ℓ1-type problems
 * {@code min_x ½‖Ax − b‖² + (μ_r/2)‖x‖² + R(Φx)} ({@code f} a {@link LeastSquares}, {@code R}
 * typically {@code λ‖·‖₁} — anisotropic TV with Φ = ∇ — or any proximable function, Φ = I by
 * default). With the split {@code d = Φx}, the Bregman variable {@code c} and the penalty μ:
 * <pre>
 *   repeat N times (inner sweeps):
 *     x ← (AᵀA + μ_r I + μΦᵀΦ)⁻¹ (Aᵀb + μΦᵀ(d − c))
 *     d ← prox_{R/μ}(Φx + c)                 (shrinkage for R = λ‖·‖₁)
 *   c ← c + Φx − d                           (Bregman update)
 * </pre>
 * With N = 1 (the default) this is ADMM with scaled dual c (Esser 2009); Goldstein and Osher's
 * N &gt; 1 solves the unconstrained subproblem more accurately before each Bregman update. The linear
 * solve is a {@link LinearSubproblem} (cached Cholesky or warm-started CG).
 *
 * <p><b>Residual</b> (after each outer iteration, as for {@link Admm}): {@code r = Φx − d},
 * {@code s = μΦᵀ(d − d_prev)} with {@code d_prev} from the previous outer iteration, combined as
 * {@code max(‖r‖/(√p + max(‖Φx‖, ‖d‖)), ‖s‖/(√n + μ‖Φᵀc‖))}. <b>Objective</b>: {@code f(x) + R(d)}.
 *
 * <p>Result: the solution x; auxiliary {@code "d"} (the split variable, exactly sparse for an ℓ1
 * R), {@code "bregman"} (c) and {@code "dual"} (μc, the multiplier of {@code Φx = d}).
 */
public final class SplitBregman {
    private static final String NAME = "split-bregman";

    private final LeastSquares f;
    private final ProximalFunction regularizer;
    private final LinearOperator phi; // null = identity
    private final double mu;
    private final int innerSweeps;
    private final LinearSubproblem subproblem;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private SplitBregman(Builder b) {
        this.f = b.f;
        this.regularizer = b.regularizer;
        this.phi = b.phi;
        this.mu = b.mu;
        this.innerSweeps = b.innerSweeps;
        this.subproblem = b.subproblem;
        this.stopping = b.stopping;
        this.listener = b.listener;
    }

    /**
     * @param f           the quadratic data term
     * @param regularizer R, on Φ's range (A's domain while Φ = I), e.g. {@code Proximals.l1(λ)}
     * @return a builder (defaults: Φ = I, μ = 1, one inner sweep, {@link LinearSubproblem#auto()})
     */
    public static Builder builder(LeastSquares f, ProximalFunction regularizer) {
        return new Builder(f, regularizer);
    }

    /** Configures a {@link SplitBregman}. */
    public static final class Builder {
        private final LeastSquares f;
        private final ProximalFunction regularizer;
        private LinearOperator phi;
        private double mu = 1;
        private int innerSweeps = 1;
        private LinearSubproblem subproblem = LinearSubproblem.auto();
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(LeastSquares f, ProximalFunction regularizer) {
            this.f = Objects.requireNonNull(f, "f");
            this.regularizer = Objects.requireNonNull(regularizer, "regularizer");
        }

        /** Sets Φ (domain: A's domain), e.g. a finite-difference operator for TV. */
        public Builder transform(LinearOperator value) {
            Objects.requireNonNull(value, "Φ");
            if (!Arrays.equals(value.domainShape(), f.shape())) {
                throw new ShapeMismatchException(NAME + ": domain of Φ = " + value.name() + " vs domain of A",
                        value.domainShape(), f.shape(), "Φ acts on the unknowns x");
            }
            this.phi = value;
            return this;
        }

        /** Sets the penalty μ &gt; 0. */
        public Builder penalty(double value) {
            this.mu = SolverChecks.positive(NAME, "penalty μ", value);
            return this;
        }

        /** Sets the number N ≥ 1 of (x, d) sweeps per Bregman update. */
        public Builder innerSweeps(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + NAME + ": inner sweeps must be >= 1, got " + value);
            }
            this.innerSweeps = value;
            return this;
        }

        /** Sets how the x-subproblem is solved. */
        public Builder linearSubproblem(LinearSubproblem value) {
            this.subproblem = Objects.requireNonNull(value, "linearSubproblem");
            return this;
        }

        /** Sets when to stop (iterations count Bregman updates). */
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
        public SplitBregman build() {
            return new SplitBregman(this);
        }
    }

    /**
     * @param x0 starting point of A's domain shape, or null for zeros; d₀ = Φx₀, c₀ = 0
     * @return the result
     */
    public SolverResult solve(Tensor x0) {
        LinearOperator a = f.operator();
        Tensor x = SolverChecks.startingPoint(NAME, "starting point x0", x0, f.shape());
        int[] splitShape = phi == null ? f.shape() : phi.rangeShape();
        Tensor phiX = Tensor.zeros(splitShape);
        apply(x, phiX);
        Tensor d = phiX.copy();
        Tensor dPrev = Tensor.zeros(splitShape);
        Tensor c = Tensor.zeros(splitShape);
        Tensor work = Tensor.zeros(splitShape);
        Tensor back = Tensor.zeros(f.shape());
        Tensor atb = a.adjoint(f.measurements());
        Tensor rhs = Tensor.zeros(f.shape());
        NormalSystem system = subproblem.create(a, f.ridge(), phi, mu);
        double rootP = Math.sqrt(d.size());
        double rootN = Math.sqrt(x.size());
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        SolverStatus status = null;
        for (int it = 1; status == null; it++) {
            dPrev.assign(d);
            for (int sweep = 0; sweep < innerSweeps && status == null; sweep++) {
                work.assign(d).axpyInPlace(-1, c);
                adjoint(work, back);
                rhs.assign(atb).axpyInPlace(mu, back);
                try {
                    system.solve(rhs, x);
                } catch (FixpointException e) {
                    status = monitor.stop(SolverStatus.BREAKDOWN, "x-subproblem at iteration " + it + ": " + e.getMessage());
                    break;
                }
                apply(x, phiX);
                work.assign(phiX).axpyInPlace(1, c);
                if (!work.isFinite()) {
                    status = monitor.stop(SolverStatus.DIVERGED, "non-finite iterate at iteration " + it);
                    break;
                }
                regularizer.proxInto(work, 1 / mu, d);
            }
            if (status != null) {
                break;
            }
            c.axpyInPlace(1, phiX).axpyInPlace(-1, d);
            double primal = SolverChecks.distance(phiX, d);
            work.assign(d).axpyInPlace(-1, dPrev);
            adjoint(work, back);
            double dual = mu * back.norm();
            adjoint(c, back);
            double residual = Math.max(primal / (rootP + Math.max(phiX.norm(), d.norm())),
                    dual / (rootN + mu * back.norm()));
            double objective = f.value(x) + SolverChecks.valueOrZeroForIndicator(regularizer, d);
            status = monitor.record(it, objective, residual);
        }
        return monitor.result(x, Map.of("d", d, "bregman", c, "dual", c.mul(mu)));
    }

    private void apply(Tensor x, Tensor out) {
        if (phi == null) {
            out.assign(x);
        } else {
            phi.applyInto(x, out);
        }
    }

    private void adjoint(Tensor y, Tensor out) {
        if (phi == null) {
            out.assign(y);
        } else {
            phi.adjointInto(y, out);
        }
    }

    @Override
    public String toString() {
        return NAME + "[f=" + f.name() + ", R=" + regularizer.name() + ", Φ=" + (phi == null ? "I" : phi.name())
                + ", μ=" + mu + ", inner sweeps " + innerSweeps + ", x-subproblem " + subproblem + ", " + stopping + "]";
    }
}
