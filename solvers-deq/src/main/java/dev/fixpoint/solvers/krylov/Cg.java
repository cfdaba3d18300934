package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * Matrix-free (preconditioned) conjugate gradients for {@code A x = b}, A symmetric positive
 * definite, with an optional symmetric positive definite preconditioner {@code M⁻¹} (applied as a
 * {@link LinearMap}). One application of A (and of {@code M⁻¹}) per iteration.
 *
 * <p><b>Residual</b>: {@code ‖r_k‖/‖b‖} with the recursively updated residual r_k (agrees with the
 * true residual to about κ(A)·ε). <b>Objective</b>: {@code ½x_kᵀAx_k − bᵀx_k = −½x_kᵀ(b + r_k)}.
 * A curvature {@code pᵀAp ≤ 0} (A not positive definite or not symmetric) ends with
 * {@code BREAKDOWN} naming the iteration and the value; so does {@code rᵀM⁻¹r ≤ 0} (M not positive
 * definite). {@code b = 0} gives x = 0 at once. Immutable.
 */
public final class Cg implements KrylovSolver {
    private static final String NAME = "cg";

    private final LinearMap a;
    private final LinearMap preconditioner;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private Cg(LinearMap a, LinearMap preconditioner, StoppingCriteria stopping, IterationListener listener) {
        this.a = Objects.requireNonNull(a, "A");
        this.preconditioner = preconditioner;
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.listener = listener == null ? IterationListener.NONE : listener;
    }

    /** @return CG on {@code a} with {@link StoppingCriteria#defaults()}, no preconditioner */
    public static Cg of(LinearMap a) {
        return new Cg(a, null, StoppingCriteria.defaults(), IterationListener.NONE);
    }

    /** @return a copy with the SPD preconditioner {@code M⁻¹} (null for none) */
    public Cg withPreconditioner(LinearMap inverse) {
        return new Cg(a, inverse, stopping, listener);
    }

    /** @return a copy with these stopping rules */
    public Cg withStopping(StoppingCriteria value) {
        return new Cg(a, preconditioner, value, listener);
    }

    /** @return a copy with this per-iteration observer */
    public Cg withListener(IterationListener value) {
        return new Cg(a, preconditioner, stopping, value);
    }

    @Override
    public String name() {
        return preconditioner == null ? NAME : "pcg";
    }

    @Override
    public SolverResult solve(Tensor b, Tensor x0) {
        String name = name();
        Tensor x = KrylovChecks.start(name, b, x0);
        IterationMonitor monitor = new IterationMonitor(name, stopping, listener);
        double bNorm = b.norm();
        if (bNorm == 0) {
            x.fill(0);
            monitor.stop(SolverStatus.CONVERGED, "b = 0: x = 0 is the exact solution");
            return monitor.result(x);
        }
        Tensor r = x0 == null ? b.copy() : b.sub(KrylovChecks.apply(name, "A", a, x));
        double rNorm = r.norm();
        if (rNorm / bNorm <= stopping.tolerance()) {
            monitor.stop(SolverStatus.CONVERGED, String.format("initial residual %.3g <= tol %.3g", rNorm / bNorm,
                    stopping.tolerance()));
            return monitor.result(x);
        }
        Tensor z = preconditioner == null ? r : KrylovChecks.apply(name, "M⁻¹", preconditioner, r);
        Tensor p = z.copy();
        double gamma = r.dot(z);
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            if (!(gamma > 0)) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("rᵀM⁻¹r = %.3g <= 0 at iteration %d: the "
                        + "preconditioner is not positive definite", gamma, k));
                break;
            }
            Tensor ap = KrylovChecks.apply(name, "A", a, p);
            double curvature = p.dot(ap);
            if (!Double.isFinite(curvature)) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite curvature pᵀAp = " + curvature
                        + " at iteration " + k);
                break;
            }
            if (!(curvature > 0)) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("curvature pᵀAp = %.3g <= 0 at iteration "
                        + "%d: A is not symmetric positive definite (use Gmres or BiCgStab)", curvature, k));
                break;
            }
            double alpha = gamma / curvature;
            x.axpyInPlace(alpha, p);
            r.axpyInPlace(-alpha, ap);
            double objective = -0.5 * (x.dot(b) + x.dot(r));
            status = monitor.record(k, objective, r.norm() / bNorm);
            if (status != null) {
                break;
            }
            z = preconditioner == null ? r : KrylovChecks.apply(name, "M⁻¹", preconditioner, r);
            double next = r.dot(z);
            p.scaleInPlace(next / gamma).axpyInPlace(1, z);
            gamma = next;
        }
        return monitor.result(x);
    }

    @Override
    public String toString() {
        return name() + "[" + stopping + "]";
    }
}
