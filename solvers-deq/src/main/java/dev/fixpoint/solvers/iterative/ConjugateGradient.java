package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Arrays;
import java.util.Objects;

/**
 * Conjugate gradients (Hestenes–Stiefel 1952) for {@code A x = b} with A symmetric positive definite
 * (domain = range), equivalently {@code min_x ½xᵀAx − bᵀx}. One application of A per iteration.
 *
 * <p><b>Residual</b> (compared to the tolerance): {@code ‖b − Ax_k‖ / ‖b‖} from the recursively
 * updated residual (which agrees with the true one to about κ(A)·ε). <b>Objective</b>:
 * {@code ½x_kᵀAx_k − bᵀx_k = −½x_kᵀ(b + r_k)}. A curvature {@code pᵀAp ≤ 0} (A not positive
 * definite, or not symmetric) ends the run with {@code BREAKDOWN}, naming the iteration and the
 * value. {@code b = 0} gives x = 0 at once. Immutable.
 */
public final class ConjugateGradient {
    private static final String NAME = "cg";

    private final LinearOperator a;
    private final Tensor b;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private ConjugateGradient(Builder builder) {
        this.a = builder.a;
        this.b = builder.b;
        this.stopping = builder.stopping;
        this.listener = builder.listener;
    }

    /**
     * @param a symmetric positive definite operator (domain shape = range shape)
     * @param b right-hand side of A's range shape (finite; copied)
     * @return a builder (default {@link StoppingCriteria#defaults()})
     * @throws ShapeMismatchException naming both shapes
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/NonFinite]} naming the first bad index of b
     */
    public static Builder builder(LinearOperator a, Tensor b) {
        return new Builder(a, b);
    }

    /** Configures a {@link ConjugateGradient}. */
    public static final class Builder {
        private final LinearOperator a;
        private final Tensor b;
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(LinearOperator a, Tensor b) {
            this.a = Objects.requireNonNull(a, "A");
            if (!Arrays.equals(a.domainShape(), a.rangeShape())) {
                throw new ShapeMismatchException(NAME + ": A = " + a.name() + " must be square", a.domainShape(),
                        a.rangeShape(), "conjugate gradients need domain shape = range shape; use Cgls for least squares");
            }
            SolverChecks.requireShape(NAME + ": right-hand side b vs range of " + a.name(), b, a.rangeShape(),
                    "b must have A's range shape");
            b.requireFinite(NAME + ": right-hand side b");
            this.b = b.copy();
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
        public ConjugateGradient build() {
            return new ConjugateGradient(this);
        }
    }

    /**
     * @param x0 starting point of A's domain shape, or null for zeros (not modified)
     * @return the result
     */
    public SolverResult solve(Tensor x0) {
        Tensor x = SolverChecks.startingPoint(NAME, "starting point x0", x0, a.domainShape());
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        double bNorm = b.norm();
        if (bNorm == 0) {
            x.fill(0);
            monitor.stop(SolverStatus.CONVERGED, "b = 0: x = 0 is the exact solution");
            return monitor.result(x);
        }
        Tensor r = b.sub(a.apply(x));
        Tensor p = r.copy();
        Tensor ap = Tensor.zeros(a.rangeShape());
        double gamma = r.dot(r);
        if (Math.sqrt(gamma) / bNorm <= stopping.tolerance()) {
            monitor.stop(SolverStatus.CONVERGED, String.format("initial residual %.3g <= tol %.3g",
                    Math.sqrt(gamma) / bNorm, stopping.tolerance()));
            return monitor.result(x);
        }
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            a.applyInto(p, ap);
            double curvature = p.dot(ap);
            if (!Double.isFinite(curvature)) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite curvature pᵀAp = " + curvature + " at iteration " + k);
                break;
            }
            if (!(curvature > 0)) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("curvature pᵀAp = %.3g <= 0 at iteration %d: "
                        + "A = %s is not symmetric positive definite (use Cgls, or a method for indefinite systems)",
                        curvature, k, a.name()));
                break;
            }
            double alpha = gamma / curvature;
            x.axpyInPlace(alpha, p);
            r.axpyInPlace(-alpha, ap);
            double next = r.dot(r);
            double objective = -0.5 * (x.dot(b) + x.dot(r));
            status = monitor.record(k, objective, Math.sqrt(next) / bNorm);
            p.scaleInPlace(next / gamma).axpyInPlace(1, r);
            gamma = next;
        }
        return monitor.result(x);
    }

    @Override
    public String toString() {
        return NAME + "[A=" + a.name() + ", " + stopping + "]";
    }
}
