package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * CGLS: conjugate gradients on the normal equations {@code (AᵀA + μI) x = Aᵀb} without forming
 * AᵀA, i.e. {@code min_x ½‖Ax − b‖² + (μ/2)‖x‖²} for any operator A (damping μ ≥ 0, default 0).
 * One application of A and one of Aᵀ per iteration. From x₀ = 0 and μ = 0 it converges to the
 * minimum-norm least-squares solution.
 *
 * <p><b>Residual</b> (compared to the tolerance): the normal-equations residual
 * {@code ‖Aᵀ(b − Ax_k) − μx_k‖ / ‖Aᵀb‖} (relative to {@code ‖Aᵀ(b − Ax₀) − μx₀‖} when
 * {@code Aᵀb = 0}). <b>Objective</b>: {@code ½‖Ax_k − b‖² + (μ/2)‖x_k‖²}. Zero curvature
 * {@code ‖Ap‖² + μ‖p‖² = 0} with a nonzero search direction (only possible for an operator whose
 * adjoint is inconsistent) ends the run with {@code BREAKDOWN}. Immutable.
 */
public final class Cgls {
    private static final String NAME = "cgls";

    private final LinearOperator a;
    private final Tensor b;
    private final double damping;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private Cgls(Builder builder) {
        this.a = builder.a;
        this.b = builder.b;
        this.damping = builder.damping;
        this.stopping = builder.stopping;
        this.listener = builder.listener;
    }

    /**
     * @param a any operator
     * @param b measurements of A's range shape (finite; copied)
     * @return a builder (defaults: μ = 0, {@link StoppingCriteria#defaults()})
     * @throws dev.fixpoint.core.ShapeMismatchException naming both shapes
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/NonFinite]} naming the first bad index of b
     */
    public static Builder builder(LinearOperator a, Tensor b) {
        return new Builder(a, b);
    }

    /** Configures a {@link Cgls}. */
    public static final class Builder {
        private final LinearOperator a;
        private final Tensor b;
        private double damping;
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(LinearOperator a, Tensor b) {
            this.a = Objects.requireNonNull(a, "A");
            SolverChecks.requireShape(NAME + ": measurements b vs range of " + a.name(), b, a.rangeShape(),
                    "b must have A's range shape");
            b.requireFinite(NAME + ": measurements b");
            this.b = b.copy();
        }

        /** Sets the damping μ ≥ 0 (Tikhonov / ridge weight). */
        public Builder damping(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + NAME + ": damping μ must be finite and >= 0, got " + value);
            }
            this.damping = value;
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
        public Cgls build() {
            return new Cgls(this);
        }
    }

    /**
     * @param x0 starting point of A's domain shape, or null for zeros (not modified)
     * @return the result
     */
    public SolverResult solve(Tensor x0) {
        Tensor x = SolverChecks.startingPoint(NAME, "starting point x0", x0, a.domainShape());
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        Tensor r = b.sub(a.apply(x));
        Tensor s = a.adjoint(r);
        if (damping > 0) {
            s.axpyInPlace(-damping, x);
        }
        double scale = a.adjoint(b).norm();
        double gamma = s.dot(s);
        if (scale == 0) {
            scale = Math.sqrt(gamma);
        }
        if (gamma == 0 || Math.sqrt(gamma) / scale <= stopping.tolerance()) {
            monitor.stop(SolverStatus.CONVERGED, String.format("initial normal-equations residual %.3g <= tol %.3g",
                    gamma == 0 ? 0.0 : Math.sqrt(gamma) / scale, stopping.tolerance()));
            return monitor.result(x);
        }
        Tensor p = s.copy();
        Tensor q = Tensor.zeros(a.rangeShape());
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            a.applyInto(p, q);
            double qq = q.dot(q);
            double curvature = damping > 0 ? qq + damping * p.dot(p) : qq;
            if (!Double.isFinite(curvature)) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite curvature ‖Ap‖² = " + curvature + " at iteration " + k);
                break;
            }
            if (!(curvature > 0)) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("zero curvature ‖Ap‖² + μ‖p‖² = %.3g at "
                        + "iteration %d while the normal-equations residual is %.3g: the search direction lies in the "
                        + "null space of A = %s (is its adjoint consistent with it?)", curvature, k,
                        Math.sqrt(gamma) / scale, a.name()));
                break;
            }
            double alpha = gamma / curvature;
            x.axpyInPlace(alpha, p);
            r.axpyInPlace(-alpha, q);
            a.adjointInto(r, s);
            if (damping > 0) {
                s.axpyInPlace(-damping, x);
            }
            double next = s.dot(s);
            double rn = r.norm();
            double objective = 0.5 * rn * rn + (damping > 0 ? 0.5 * damping * x.dot(x) : 0);
            status = monitor.record(k, objective, Math.sqrt(next) / scale);
            p.scaleInPlace(next / gamma).axpyInPlace(1, s);
            gamma = next;
        }
        return monitor.result(x);
    }

    @Override
    public String toString() {
        return NAME + "[A=" + a.name() + ", μ=" + damping + ", " + stopping + "]";
    }
}
