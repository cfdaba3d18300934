package dev.fixpoint.solvers.deq;

import dev.fixpoint.solvers.fixedpoint.SampleColumns;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.krylov.Gmres;
import dev.fixpoint.solvers.krylov.LinearMap;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.fixedpoint.FixedPointMap;
import dev.fixpoint.solvers.fixedpoint.FixedPointResult;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolver;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolvers;

/**
 * Solves the adjoint equation {@code (I − Jᵀ) u = g} of the exact implicit gradient, given only the
 * products with {@code Jᵀ}. The default is a fixed-point iteration {@code u ← g + Jᵀu} (it converges
 * whenever the forward fixed point is attracting, ρ(J) < 1); Krylov solvers (GMRES) plug in here.
 */
@FunctionalInterface
public interface BackwardSolver {

    /**
     * @param jt the transposed Jacobian at the equilibrium
     * @param g  the upstream cotangent {@code [d, B]}; not modified
     * @return the solution and whether it converged
     */
    BackwardSolution solve(TransposedJacobian jt, Tensor g);

    /**
     * @param solver   a fixed-point solver name ({@code "picard"}, {@code "anderson"}, …)
     * @param settings its settings (tolerance on the relative residual {@code ‖g + Jᵀu − u‖ / ‖g + Jᵀu‖} per sample)
     * @return the fixed-point iteration {@code u ← g + Jᵀu}, started at {@code u = g}, batched per sample
     */
    static BackwardSolver fixedPoint(String solver, FixedPointSettings settings) {
        FixedPointSolver s = FixedPointSolvers.create(solver, settings);
        return (jt, g) -> {
            int d = g.dim(0);
            int batch = g.dim(1);
            int[] products = {0};
            FixedPointMap map = (u, samples) -> {
                products[0]++;
                Tensor full = SampleColumns.scatter(u, samples, batch);
                Tensor ju = jt.apply(full);
                Tensor out = SampleColumns.gather(ju, samples);
                return out.addInto(SampleColumns.gather(g, samples), out);
            };
            FixedPointResult r = s.solve(map, g);
            return new BackwardSolution(r.solution(), r.converged(), r.maxResidual(), products[0],
                    s.name() + " on u = g + Jᵀu: " + r.status() + ", max relative residual " + r.maxResidual()
                            + ", " + products[0] + " Jᵀ products");
        };
    }

    /**
     * @param restart  GMRES restart length ≥ 1
     * @param stopping tolerance on the relative residual {@code ‖g − (I − Jᵀ)u‖ / ‖g‖} of the whole batch
     *                 (the operator is block diagonal over samples, so the batch is solved as one system)
     * @return restarted GMRES on {@code (I − Jᵀ)u = g}, started at {@code u = g}; it also converges
     *         when the forward fixed point is not attracting, as long as {@code I − J} is nonsingular
     */
    static BackwardSolver gmres(int restart, StoppingCriteria stopping) {
        return (jt, g) -> {
            int[] products = {0};
            LinearMap a = u -> {
                products[0]++;
                Tensor ju = jt.apply(u);
                return u.sub(ju);
            };
            SolverResult r = Gmres.of(a).withRestart(restart).withStopping(stopping).solve(g, g);
            return new BackwardSolution(r.solution(), r.converged(), r.finalResidual(), products[0],
                    "gmres(" + restart + ") on (I − Jᵀ)u = g: " + r.status() + " after " + r.iterations()
                            + " iterations, relative residual " + r.finalResidual() + " (" + r.stoppingReason() + ")");
        };
    }

    /** @return the default: Anderson (m = 5), relative residual 1e-10, at most 500 iterations per sample */
    static BackwardSolver defaultSolver() {
        return fixedPoint("anderson", FixedPointSettings.of(1e-10, 500));
    }


}
