package dev.fixpoint.solvers.krylov;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * Restarted GMRES(m) (Saad–Schultz 1986) for a general square {@code A x = b}, matrix-free: the
 * Arnoldi basis by modified Gram–Schmidt, the small least-squares problem by Givens rotations, and
 * optional right preconditioning (solves {@code A M⁻¹ y = b}, {@code x = M⁻¹ y}, so the residual
 * minimised is the true one of the original system). One application of A (and of {@code M⁻¹}) per
 * iteration, plus one of {@code M⁻¹} and one of A at each restart; memory {@code m + 1} vectors.
 *
 * <p><b>Residual</b>: within a cycle the Givens estimate {@code |g_{j+1}|/‖b‖} (exact in exact
 * arithmetic); at the end of each cycle the true residual {@code ‖b − A x‖/‖b‖} is computed and
 * recorded instead, so convergence is only declared on a true residual. <b>Breakdown</b>: an
 * invariant Krylov subspace (happy breakdown, {@code h_{j+1,j} ≈ 0}) ends the cycle; if the true
 * residual is then still above the tolerance (A singular on the subspace) the run ends with
 * {@code BREAKDOWN}; a zero diagonal in the rotated Hessenberg matrix also does. Immutable.
 */
public final class Gmres implements KrylovSolver {
    private static final double HAPPY = 1e-14;

    private final LinearMap a;
    private final LinearMap preconditioner;
    private final int restart;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private Gmres(LinearMap a, LinearMap preconditioner, int restart, StoppingCriteria stopping,
                  IterationListener listener) {
        this.a = Objects.requireNonNull(a, "A");
        this.preconditioner = preconditioner;
        this.restart = KrylovChecks.positive("gmres", "restart length", restart);
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.listener = listener == null ? IterationListener.NONE : listener;
    }

    /** @return GMRES(30) on {@code a} with {@link StoppingCriteria#defaults()}, no preconditioner */
    public static Gmres of(LinearMap a) {
        return new Gmres(a, null, 30, StoppingCriteria.defaults(), IterationListener.NONE);
    }

    /** @return a copy restarting every {@code m ≥ 1} iterations (the Krylov basis holds m + 1 vectors) */
    public Gmres withRestart(int m) {
        return new Gmres(a, preconditioner, m, stopping, listener);
    }

    /** @return a copy with the right preconditioner {@code M⁻¹} (null for none) */
    public Gmres withPreconditioner(LinearMap inverse) {
        return new Gmres(a, inverse, restart, stopping, listener);
    }

    /** @return a copy with these stopping rules */
    public Gmres withStopping(StoppingCriteria value) {
        return new Gmres(a, preconditioner, restart, value, listener);
    }

    /** @return a copy with this per-iteration observer */
    public Gmres withListener(IterationListener value) {
        return new Gmres(a, preconditioner, restart, stopping, value);
    }

    @Override
    public String name() {
        return "gmres(" + restart + ")";
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
        int m = restart;
        Tensor[] basis = new Tensor[m + 1];
        double[] h = new double[(m + 1) * m]; // h[i * m + j], column j of the Hessenberg matrix
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
        double[] y = new double[m];
        Tensor r = x0 == null ? b.copy() : b.sub(KrylovChecks.apply(name, "A", a, x));
        double beta = r.norm();
        if (beta / bNorm <= stopping.tolerance()) {
            monitor.stop(SolverStatus.CONVERGED, String.format("initial residual %.3g <= tol %.3g", beta / bNorm,
                    stopping.tolerance()));
            return monitor.result(x);
        }
        int k = 0;
        SolverStatus status = null;
        while (status == null) {
            basis[0] = r.scaleInPlace(1 / beta);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int columns = 0;
            boolean invariant = false;
            boolean singular = false;
            SolverStatus inner = null;
            for (int j = 0; j < m; j++) {
                k++;
                Tensor w = KrylovChecks.apply(name, "A", a, preconditioned(name, basis[j]));
                double before = w.norm();
                for (int i = 0; i <= j; i++) { // modified Gram–Schmidt
                    double hij = w.dot(basis[i]);
                    h[i * m + j] = hij;
                    w.axpyInPlace(-hij, basis[i]);
                }
                double next = w.norm();
                h[(j + 1) * m + j] = next;
                invariant = !(next > HAPPY * before);
                if (!invariant && Double.isFinite(next)) {
                    basis[j + 1] = w.scaleInPlace(1 / next);
                }
                for (int i = 0; i < j; i++) { // previous rotations on column j
                    double hi = h[i * m + j];
                    double hi1 = h[(i + 1) * m + j];
                    h[i * m + j] = cs[i] * hi + sn[i] * hi1;
                    h[(i + 1) * m + j] = -sn[i] * hi + cs[i] * hi1;
                }
                double diag = h[j * m + j];
                double sub = h[(j + 1) * m + j];
                double rho = Math.hypot(diag, sub);
                if (rho == 0 || !Double.isFinite(rho)) {
                    singular = rho == 0;
                    inner = singular ? null : monitor.record(k, Double.NaN);
                    columns = j;
                    break;
                }
                cs[j] = diag / rho;
                sn[j] = sub / rho;
                h[j * m + j] = rho;
                h[(j + 1) * m + j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                columns = j + 1;
                double estimate = Math.abs(g[j + 1]) / bNorm;
                if (invariant || j == m - 1 || estimate <= stopping.tolerance()) {
                    break; // the cycle ends; the true residual is recorded below
                }
                inner = monitor.record(k, estimate);
                if (inner != null) {
                    break;
                }
            }
            update(name, x, basis, h, g, y, columns, m);
            if (inner != null) {
                status = inner;
                break;
            }
            r = b.sub(KrylovChecks.apply(name, "A", a, x));
            beta = r.norm();
            status = monitor.record(k, beta / bNorm);
            if (status == null && singular) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("zero pivot in the Hessenberg least-squares "
                        + "problem at iteration %d (A M⁻¹ singular on the Krylov subspace); true residual %.3g",
                        k, beta / bNorm));
            } else if (status == null && invariant) {
                status = monitor.stop(SolverStatus.BREAKDOWN, String.format("invariant Krylov subspace at iteration %d "
                        + "but true residual %.3g > tol %.3g (A singular, or b outside its range)", k, beta / bNorm,
                        stopping.tolerance()));
            }
        }
        return monitor.result(x);
    }

    /** {@code x ← x + M⁻¹ V y} with {@code H y = g} solved by back substitution on the first {@code columns} columns. */
    private void update(String name, Tensor x, Tensor[] basis, double[] h, double[] g, double[] y, int columns, int m) {
        if (columns == 0) {
            return;
        }
        for (int i = columns - 1; i >= 0; i--) {
            double s = g[i];
            for (int l = i + 1; l < columns; l++) {
                s -= h[i * m + l] * y[l];
            }
            y[i] = s / h[i * m + i];
        }
        Tensor u = Tensor.zeros(x.shape());
        for (int i = 0; i < columns; i++) {
            u.axpyInPlace(y[i], basis[i]);
        }
        if (!u.isFinite()) {
            return; // the monitor reports the non-finite residual; x keeps its last finite value
        }
        x.axpyInPlace(1, preconditioner == null ? u : KrylovChecks.apply(name, "M⁻¹", preconditioner, u));
    }

    private Tensor preconditioned(String name, Tensor v) {
        return preconditioner == null ? v : KrylovChecks.apply(name, "M⁻¹", preconditioner, v);
    }

    @Override
    public String toString() {
        return name() + (preconditioner == null ? "" : " right-preconditioned") + "[" + stopping + "]";
    }
}
