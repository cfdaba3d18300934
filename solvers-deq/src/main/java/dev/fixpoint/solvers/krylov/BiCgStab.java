package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * BiCGSTAB (van der Vorst 1992) for a general square {@code A x = b}, matrix-free: two applications
 * of A per iteration, short recurrences (a fixed number of work vectors).
 *
 * <p><b>Residual</b>: {@code ‖r_k‖/‖b‖} with the recursively updated residual (also the
 * half-step residual s when it already meets the tolerance). <b>Breakdown</b> ({@code BREAKDOWN},
 * the reason naming the quantity and the iteration): {@code ρ = r̂ᵀr_k} or {@code r̂ᵀv} vanishing
 * relative to the norms involved (Lanczos breakdown), or {@code ω = 0} / {@code tᵀt = 0}
 * (stagnation). Iterations count full steps. Immutable.
 */
public final class BiCgStab implements KrylovSolver {
    private static final String NAME = "bicgstab";
    private static final double BREAKDOWN_RATIO = 1e-30;

    private final LinearMap a;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private BiCgStab(LinearMap a, StoppingCriteria stopping, IterationListener listener) {
        this.a = Objects.requireNonNull(a, "A");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.listener = listener == null ? IterationListener.NONE : listener;
    }

    /** @return BiCGSTAB on {@code a} with {@link StoppingCriteria#defaults()} */
    public static BiCgStab of(LinearMap a) {
        return new BiCgStab(a, StoppingCriteria.defaults(), IterationListener.NONE);
    }

    /** @return a copy with these stopping rules */
    public BiCgStab withStopping(StoppingCriteria value) {
        return new BiCgStab(a, value, listener);
    }

    /** @return a copy with this per-iteration observer */
    public BiCgStab withListener(IterationListener value) {
        return new BiCgStab(a, stopping, value);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SolverResult solve(Tensor b, Tensor x0) {
        Tensor x = KrylovChecks.start(NAME, b, x0);
        IterationMonitor monitor = new IterationMonitor(NAME, stopping, listener);
        double bNorm = b.norm();
        if (bNorm == 0) {
            x.fill(0);
            monitor.stop(SolverStatus.CONVERGED, "b = 0: x = 0 is the exact solution");
            return monitor.result(x);
        }
        Tensor r = x0 == null ? b.copy() : b.sub(KrylovChecks.apply(NAME, "A", a, x));
        if (r.norm() / bNorm <= stopping.tolerance()) {
            monitor.stop(SolverStatus.CONVERGED, String.format("initial residual %.3g <= tol %.3g", r.norm() / bNorm,
                    stopping.tolerance()));
            return monitor.result(x);
        }
        Tensor shadow = r.copy();
        double shadowNorm = shadow.norm();
        Tensor p = Tensor.zeros(b.shape());
        Tensor v = Tensor.zeros(b.shape());
        Tensor s = Tensor.zeros(b.shape());
        double rho = 1;
        double alpha = 1;
        double omega = 1;
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            double rhoNew = shadow.dot(r);
            if (Math.abs(rhoNew) <= BREAKDOWN_RATIO * shadowNorm * r.norm()) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("ρ = r̂ᵀr = %.3g vanished at iteration %d "
                        + "(Lanczos breakdown); restart from the current iterate or use Gmres", rhoNew, k));
                break;
            }
            double beta = (rhoNew / rho) * (alpha / omega);
            p.axpyInPlace(-omega, v).scaleInPlace(beta).axpyInPlace(1, r); // p = r + β(p − ωv)
            v = KrylovChecks.apply(NAME, "A", a, p);
            double denominator = shadow.dot(v);
            if (!Double.isFinite(denominator)) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite r̂ᵀAp = " + denominator + " at iteration " + k);
                break;
            }
            if (Math.abs(denominator) <= BREAKDOWN_RATIO * shadowNorm * v.norm()) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("r̂ᵀAp = %.3g vanished at iteration %d "
                        + "(Lanczos breakdown); use Gmres", denominator, k));
                break;
            }
            alpha = rhoNew / denominator;
            s.assign(r).axpyInPlace(-alpha, v);
            double sNorm = s.norm();
            if (sNorm / bNorm <= stopping.tolerance()) {
                x.axpyInPlace(alpha, p);
                status = monitor.record(k, sNorm / bNorm);
                break;
            }
            Tensor t = KrylovChecks.apply(NAME, "A", a, s);
            double tt = t.dot(t);
            omega = tt > 0 ? t.dot(s) / tt : 0;
            x.axpyInPlace(alpha, p).axpyInPlace(omega, s);
            r.assign(s).axpyInPlace(-omega, t);
            status = monitor.record(k, r.norm() / bNorm);
            if (status == null && omega == 0) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("ω = tᵀs/tᵀt = 0 at iteration %d "
                        + "(stagnation: A s ⟂ s); use Gmres", k));
            }
            rho = rhoNew;
        }
        return monitor.result(x);
    }

    @Override
    public String toString() {
        return NAME + "[" + stopping + "]";
    }
}
