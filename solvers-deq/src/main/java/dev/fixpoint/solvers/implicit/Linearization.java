package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.krylov.BiCgStab;
import dev.fixpoint.solvers.krylov.Cg;
import dev.fixpoint.solvers.krylov.Gmres;
import dev.fixpoint.solvers.krylov.LinearMap;
import java.util.Arrays;

/**
 * The optimality condition F linearised at a solution {@code (z*, θ)}: computes VJPs and JVPs of
 * the solution map with matrix-free linear solves (see {@link ImplicitDifferentiation}). F is
 * recorded once, on first use by {@link #vjp}, on a tape that stays live until {@link #close()};
 * each product with {@code (∂F/∂z)ᵀ} is one reverse sweep of it ({@code Tape.gradients}). JVPs use
 * forward mode ({@link ForwardMode}), re-evaluating F once per product. Not thread-safe.
 */
public final class Linearization implements AutoCloseable {
    private final ImplicitDifferentiation diff;
    private final Tensor z;
    private final Tensor[] theta;
    private Tape tape;
    private Var zVar;
    private Var[] thetaVars;
    private Var f;
    private SolverResult lastSolve;

    Linearization(ImplicitDifferentiation diff, Tensor zStar, Tensor[] theta) {
        this.diff = diff;
        this.z = zStar.copy();
        z.requireFinite("implicit differentiation: solution z*");
        this.theta = new Tensor[theta.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i].requireFinite("implicit differentiation: θ[" + i + "]");
            this.theta[i] = theta[i].copy();
        }
    }

    /**
     * Vector-Jacobian product of the solution map: solves {@code (∂F/∂z)ᵀ u = g} and returns
     * {@code −(∂F/∂θᵢ)ᵀ u} for each θᵢ.
     *
     * @param g cotangent of z* (z*'s shape; for a loss L, {@code ∂L/∂z*}); not modified
     * @return {@code gᵀ dz* / dθᵢ}, one tensor per θᵢ of its shape
     * @throws FixpointException {@code [fixpoint/ImplicitSolveFailed]} with the residual if the solve fails
     */
    public Tensor[] vjp(Tensor g) {
        requireShape("VJP cotangent g", g, z.shape());
        record();
        LinearMap transposed = u -> tape.gradients(f, u, new Var[]{zVar}, false)[0].value();
        Tensor u = solve(transposed, g, "VJP (∂F/∂z)ᵀu = g");
        Tensor[] result = new Tensor[theta.length];
        if (theta.length == 0) {
            return result;
        }
        Var[] b = tape.gradients(f, u, thetaVars, false);
        for (int i = 0; i < theta.length; i++) {
            result[i] = b[i].value().neg();
        }
        return result;
    }

    /**
     * Jacobian-vector product of the solution map: solves {@code (∂F/∂z) t = −Σᵢ (∂F/∂θᵢ) vᵢ}.
     *
     * @param v one tangent per θᵢ (its shape), {@code null} for zero; not modified
     * @return {@code t = dz* / dθ · v}, of z*'s shape
     * @throws FixpointException {@code [fixpoint/ImplicitSolveFailed]} with the residual if the solve fails
     */
    public Tensor jvp(Tensor... v) {
        if (v.length != theta.length) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] implicit JVP: " + v.length
                    + " tangents for " + theta.length + " parameters θ");
        }
        Tensor[] xs = new Tensor[theta.length + 1];
        xs[0] = z;
        System.arraycopy(theta, 0, xs, 1, theta.length);
        Tensor[] tangents = new Tensor[xs.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                requireShape("JVP tangent of θ[" + i + "]", v[i], theta[i].shape());
            }
            tangents[i + 1] = v[i];
        }
        Tensor rhs = forward(xs, tangents).neg();
        LinearMap a = t -> {
            Tensor[] d = new Tensor[xs.length];
            d[0] = t;
            return forward(xs, d);
        };
        return solve(a, rhs, "JVP (∂F/∂z)t = −(∂F/∂θ)v");
    }

    /** @return the result of the last linear solve (iterations, residual history), or null */
    public SolverResult lastSolve() {
        return lastSolve;
    }

    private Tensor forward(Tensor[] xs, Tensor[] tangents) {
        OptimalityCondition c = diff.condition();
        return OutsideNoGrad.run(() -> ForwardMode.jvp(vars -> c.apply(vars[0], Arrays.copyOfRange(vars, 1, vars.length)),
                xs, tangents).tangent());
    }

    private void record() {
        if (tape != null) {
            return;
        }
        OutsideNoGrad.run(() -> {
            Tape t = new Tape();
            zVar = t.variable(z);
            thetaVars = new Var[theta.length];
            for (int i = 0; i < theta.length; i++) {
                thetaVars[i] = t.variable(theta[i]);
            }
            f = diff.condition().apply(zVar, thetaVars);
            tape = t;
            return null;
        });
        if (f == null || !Arrays.equals(f.shape(), z.shape())) {
            throw new ShapeMismatchException("implicit differentiation: F(z, θ) vs z", f == null ? new int[0] : f.shape(),
                    z.shape(), "the optimality condition must return a tensor of z's shape");
        }
        if (!f.requiresGrad()) {
            throw new FixpointException("InvalidCondition", "implicit differentiation: F(z, θ) does not depend on z or θ "
                    + "(was it computed from constants, or inside a NoGrad scope?)");
        }
    }

    private Tensor solve(LinearMap map, Tensor rhs, String what) {
        rhs.requireFinite("implicit differentiation: right-hand side of the " + what);
        LinearSolveMethod method = diff.effectiveMethod();
        SolverResult r = switch (method) {
            case CG -> Cg.of(map).withStopping(diff.criteria()).solve(rhs, null);
            case GMRES -> Gmres.of(map).withRestart(diff.restart()).withStopping(diff.criteria()).solve(rhs, null);
            case BICGSTAB -> BiCgStab.of(map).withStopping(diff.criteria()).solve(rhs, null);
            case NEUMANN -> neumann(map, rhs);
        };
        lastSolve = r;
        if (!r.converged()) {
            throw new FixpointException("ImplicitSolveFailed", String.format("the %s linear solve of implicit "
                    + "differentiation (%s) failed: %s after %d iterations, relative residual %.3g (tolerance %.3g): %s. "
                    + "No gradient is returned; check that ∂F/∂z is nonsingular at z* (and symmetric positive definite "
                    + "for CG, contractive for NEUMANN), that z* solves F = 0, or raise the iteration limit",
                    what, r.solver(), r.status(), r.iterations(), r.finalResidual(), diff.criteria().tolerance(),
                    r.stoppingReason()));
        }
        return r.solution();
    }

    /** Richardson / Neumann series: {@code u_{k+1} = u_k + (rhs − A u_k)}, u₁ = rhs; true relative residual. */
    private SolverResult neumann(LinearMap map, Tensor rhs) {
        IterationMonitor monitor = new IterationMonitor("neumann", diff.criteria(), IterationListener.NONE);
        double norm = rhs.norm();
        Tensor u = rhs.copy();
        if (norm == 0) {
            monitor.stop(SolverStatus.CONVERGED, "right-hand side 0: solution 0");
            return monitor.result(u);
        }
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            Tensor residual = rhs.sub(map.apply(u));
            status = monitor.record(k, residual.norm() / norm);
            if (status == null) {
                u.axpyInPlace(1, residual);
            }
        }
        return monitor.result(u);
    }

    private static void requireShape(String what, Tensor t, int[] shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new ShapeMismatchException("implicit differentiation: " + what, t.shape(), shape,
                    "must have the shape of the variable it belongs to");
        }
        t.requireFinite("implicit differentiation: " + what);
    }

    /** Releases the recorded tape (idempotent). */
    @Override
    public void close() {
        if (tape != null) {
            tape.close();
        }
    }
}
