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
import java.util.Map;
import java.util.Objects;

/**
 * The alternating direction method of multipliers in scaled form (Boyd et al. 2011) for
 * <pre>
 *   min_{x,z} f(x) + g(z)  subject to  Kx − z = 0,   f(x) = ½‖Ax − b‖² + (μ/2)‖x‖²  (a {@link LeastSquares})
 * </pre>
 * with g proximable on K's range (K = I by default). One iteration, with relaxation α ∈ (0, 2):
 * <pre>
 *   x ← (AᵀA + μI + ρKᵀK)⁻¹ (Aᵀb + ρKᵀ(z − u))        the linear x-subproblem ({@link LinearSubproblem})
 *   ẑ ← αKx + (1 − α)z
 *   z ← prox_{g/ρ}(ẑ + u)
 *   u ← u + ẑ − z
 * </pre>
 * The quadratic f makes the x-update a linear solve: by a cached Cholesky factorisation (dense, formed
 * and factored once, refactored only when ρ changes) or warm-started conjugate gradients (matrix-free).
 *
 * <p><b>Residual</b> (Boyd et al. §3.3, with equal absolute and relative tolerance): primal
 * {@code r = Kx − z}, dual {@code s = ρKᵀ(z − z_prev)}, combined as
 * {@code max(‖r‖/(√p + max(‖Kx‖, ‖z‖)), ‖s‖/(√n + ‖ρKᵀu‖))} (p = size of K's range, n of x), so
 * {@code residual ≤ tol} is Boyd's test with {@code ε_abs = ε_rel = tol}. <b>Objective</b>:
 * {@code f(x) + g(z)}, an indicator g counted as 0.
 *
 * <p><b>Residual balancing</b> (optional, Boyd et al. §3.4.1): after iteration k ≤ {@code until},
 * if {@code ‖r‖ > μ_b‖s‖} then ρ ← τ_bρ, u ← u/τ_b; if {@code ‖s‖ > μ_b‖r‖} then ρ ← ρ/τ_b,
 * u ← τ_b·u (defaults μ_b = 10, τ_b = 2, until = 500; stopping the adaptation keeps the convergence
 * guarantee of fixed ρ).
 *
 * <p>Result: the solution x; auxiliary {@code "z"} (the split variable, carrying g's structure — for
 * the lasso with K = I it is exactly sparse), {@code "dual"} (the unscaled multiplier ρu, K's range
 * shape), {@code "rho"} (final ρ) and {@code "innerIterations"} (total CG iterations; 0 for Cholesky).
 * A singular x-subproblem during the run ends it with {@code BREAKDOWN}.
 */
public final class Admm {
    private static final String NAME = "admm";

    private final LeastSquares f;
    private final ProximalFunction g;
    private final LinearOperator k; // null = identity
    private final double rho;
    private final double relaxation;
    private final boolean balancing;
    private final double balanceRatio;
    private final double balanceFactor;
    private final int balanceUntil;
    private final LinearSubproblem subproblem;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private Admm(Builder b) {
        this.f = b.f;
        this.g = b.g;
        this.k = b.k;
        this.rho = b.rho;
        this.relaxation = b.relaxation;
        this.balancing = b.balancing;
        this.balanceRatio = b.balanceRatio;
        this.balanceFactor = b.balanceFactor;
        this.balanceUntil = b.balanceUntil;
        this.subproblem = b.subproblem;
        this.stopping = b.stopping;
        this.listener = b.listener;
    }

    /**
     * @param f the quadratic data term (A, b, optional ridge μ)
     * @param g the proximable term, on K's range (A's domain while K = I)
     * @return a builder (defaults: K = I, ρ = 1, α = 1, no balancing, {@link LinearSubproblem#auto()},
     *         {@link StoppingCriteria#defaults()})
     */
    public static Builder builder(LeastSquares f, ProximalFunction g) {
        return new Builder(f, g);
    }

    /** Configures an {@link Admm}. */
    public static final class Builder {
        private final LeastSquares f;
        private final ProximalFunction g;
        private LinearOperator k;
        private double rho = 1;
        private double relaxation = 1;
        private boolean balancing;
        private double balanceRatio = 10;
        private double balanceFactor = 2;
        private int balanceUntil = 500;
        private LinearSubproblem subproblem = LinearSubproblem.auto();
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(LeastSquares f, ProximalFunction g) {
            this.f = Objects.requireNonNull(f, "f");
            this.g = Objects.requireNonNull(g, "g");
        }

        /** Sets the constraint operator K (domain: A's domain); the constraint is {@code Kx = z}. */
        public Builder constraint(LinearOperator value) {
            Objects.requireNonNull(value, "K");
            if (!java.util.Arrays.equals(value.domainShape(), f.shape())) {
                throw new ShapeMismatchException(NAME + ": domain of K = " + value.name() + " vs domain of A",
                        value.domainShape(), f.shape(), "K acts on the unknowns x");
            }
            this.k = value;
            return this;
        }

        /** Sets the penalty ρ &gt; 0. */
        public Builder penalty(double value) {
            this.rho = SolverChecks.positive(NAME, "penalty ρ", value);
            return this;
        }

        /** Sets the over-relaxation α ∈ (0, 2) (1 = none; 1.5–1.8 often faster). */
        public Builder relaxation(double value) {
            if (!(value > 0 && value < 2)) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + NAME
                        + ": relaxation α must be in (0, 2), got " + value);
            }
            this.relaxation = value;
            return this;
        }

        /** Enables residual balancing with μ_b = 10, τ_b = 2, up to iteration 500. */
        public Builder residualBalancing() {
            return residualBalancing(10, 2, 500);
        }

        /**
         * @param ratio  μ_b &gt; 1: rebalance when one residual exceeds the other by this factor
         * @param factor τ_b &gt; 1: the factor applied to ρ
         * @param until  last iteration at which ρ may change (≥ 1)
         */
        public Builder residualBalancing(double ratio, double factor, int until) {
            if (!(ratio > 1) || !(factor > 1) || Double.isInfinite(ratio) || Double.isInfinite(factor) || until < 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + NAME + ": residual balancing needs "
                        + "finite ratio > 1, factor > 1 and until >= 1, got " + ratio + ", " + factor + ", " + until);
            }
            this.balancing = true;
            this.balanceRatio = ratio;
            this.balanceFactor = factor;
            this.balanceUntil = until;
            return this;
        }

        /** Sets how the x-subproblem is solved. */
        public Builder linearSubproblem(LinearSubproblem value) {
            this.subproblem = Objects.requireNonNull(value, "linearSubproblem");
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
        public Admm build() {
            return new Admm(this);
        }
    }

    /**
     * @param x0 starting point of A's domain shape (also the CG warm start), or null for zeros; z₀ = Kx₀, u₀ = 0
     * @return the result
     * @throws FixpointException {@code [fixpoint/SingularSubproblem]} when the x-subproblem matrix is not
     *         positive definite at the start
     */
    public SolverResult solve(Tensor x0) {
        LinearOperator a = f.operator();
        Tensor x = SolverChecks.startingPoint(NAME, "starting point x0", x0, f.shape());
        int[] splitShape = k == null ? f.shape() : k.rangeShape();
        Tensor kx = k == null ? x.copy() : k.apply(x);
        Tensor z = kx.copy();
        Tensor zOld = Tensor.zeros(splitShape);
        Tensor u = Tensor.zeros(splitShape);
        Tensor kHat = Tensor.zeros(splitShape);
        Tensor v = Tensor.zeros(splitShape);
        Tensor ktz = k == null ? z.copy() : k.adjoint(z);
        Tensor ktzOld = Tensor.zeros(f.shape());
        Tensor ktu = Tensor.zeros(f.shape());
        Tensor atb = a.adjoint(f.measurements());
        Tensor rhs = Tensor.zeros(f.shape());
        double currentRho = rho;
        NormalSystem system = subproblem.create(a, f.ridge(), k, currentRho);
        double rootP = Math.sqrt(kx.size());
        double rootN = Math.sqrt(x.size());
        long inner = 0;
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        SolverStatus status = null;
        for (int it = 1; status == null; it++) {
            // x-update: (AᵀA + μI + ρKᵀK) x = Aᵀb + ρKᵀ(z − u)
            rhs.assign(atb).axpyInPlace(currentRho, ktz).axpyInPlace(-currentRho, ktu);
            try {
                inner += system.solve(rhs, x);
            } catch (FixpointException e) {
                status = monitor.stop(SolverStatus.BREAKDOWN, "x-subproblem at iteration " + it + ": " + e.getMessage());
                break;
            }
            if (k == null) {
                kx.assign(x);
            } else {
                k.applyInto(x, kx);
            }
            // ẑ = αKx + (1 − α)z ; z = prox_{g/ρ}(ẑ + u) ; u += ẑ − z
            combine(relaxation, kx, z, kHat);
            v.assign(kHat).axpyInPlace(1, u);
            if (!v.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite iterate at iteration " + it);
                break;
            }
            zOld.assign(z);
            g.proxInto(v, 1 / currentRho, z);
            u.axpyInPlace(1, kHat).axpyInPlace(-1, z);
            Tensor swap = ktzOld;
            ktzOld = ktz;
            ktz = swap;
            adjoint(z, ktz);
            adjoint(u, ktu);

            double primal = SolverChecks.distance(kx, z);
            double dual = currentRho * SolverChecks.distance(ktz, ktzOld);
            double residual = Math.max(primal / (rootP + Math.max(kx.norm(), z.norm())),
                    dual / (rootN + currentRho * ktu.norm()));
            double objective = f.value(x) + SolverChecks.valueOrZeroForIndicator(g, z);
            status = monitor.record(it, objective, residual);
            if (status == null && balancing && it <= balanceUntil) {
                double scale = primal > balanceRatio * dual ? balanceFactor
                        : dual > balanceRatio * primal ? 1 / balanceFactor : 1;
                if (scale != 1) {
                    currentRho *= scale;
                    u.scaleInPlace(1 / scale);
                    ktu.scaleInPlace(1 / scale);
                    try {
                        system.updateRho(currentRho);
                    } catch (FixpointException e) {
                        status = monitor.stop(SolverStatus.BREAKDOWN, "x-subproblem after ρ ← " + currentRho
                                + " at iteration " + it + ": " + e.getMessage());
                    }
                }
            }
        }
        return monitor.result(x, Map.of("z", z, "dual", u.mul(currentRho), "rho", Tensor.scalar(currentRho),
                "innerIterations", Tensor.scalar(inner)));
    }

    private void adjoint(Tensor y, Tensor out) {
        if (k == null) {
            out.assign(y);
        } else {
            k.adjointInto(y, out);
        }
    }

    /** {@code out ← α·kx + (1 − α)·z}. */
    private static void combine(double alpha, Tensor kx, Tensor z, Tensor out) {
        double[] a = kx.data();
        double[] b = z.data();
        double[] o = out.data();
        int ao = kx.offset();
        int bo = z.offset();
        int oo = out.offset();
        for (int i = 0, n = out.size(); i < n; i++) {
            o[oo + i] = alpha * a[ao + i] + (1 - alpha) * b[bo + i];
        }
    }

    @Override
    public String toString() {
        return NAME + "[f=" + f.name() + ", g=" + g.name() + ", K=" + (k == null ? "I" : k.name()) + ", ρ=" + rho
                + ", α=" + relaxation + (balancing ? ", residual balancing" : "") + ", x-subproblem " + subproblem
                + ", " + stopping + "]";
    }
}
