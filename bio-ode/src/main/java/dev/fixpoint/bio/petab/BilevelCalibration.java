package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.krylov.Cg;

/**
 * Bilevel calibration: outer parameters φ (for example population-level initial conditions or shared rates) and
 * inner parameters ψ optimised for each φ,
 * <pre>
 *   ψ*(φ) = argmin_ψ L_in(ψ, φ)  within box bounds,      F(φ) = L_out(ψ*(φ), φ),
 * </pre>
 * where L_in couples ψ to φ (for example individual parameters with a Gaussian prior around the population value,
 * or the NLL over training conditions that share φ) and L_out is for example the NLL on held-out conditions.
 * The hypergradient comes from implicit differentiation of the inner optimality condition ∇_ψ L_in(ψ*, φ) = 0:
 * <pre>
 *   dF/dφ = ∂_φ L_out − (∂²_{ψφ} L_in)ᵀ H⁻¹ ∂_ψ L_out,      H = ∇²_ψψ L_in,
 * </pre>
 * with H v solved by conjugate gradients (solvers-deq's {@link Cg}) on Hessian-vector products from central
 * differences of ∇_ψ L_in, and the mixed term (∂²_{ψφ} L_in)ᵀ v = d/dε ∇_φ L_in(ψ* + εv, φ) from one more central
 * difference. Inner components at a bound (active constraints) are held fixed (their derivative dψ*_i / dφ is 0); the result
 * assumes strict complementarity there. The inner problem is warm-started from the previous optimum. Not
 * thread-safe.
 */
public final class BilevelCalibration {

    /** A differentiable level function L(ψ, φ). */
    @FunctionalInterface
    public interface Level {
        /**
         * @param psi     inner parameters [inner dimension] (read only)
         * @param phi     outer parameters [outer dimension] (read only)
         * @param gradPsi out: ∂L/∂ψ [inner dimension], overwritten
         * @param gradPhi out: ∂L/∂φ [outer dimension], overwritten
         * @return L(ψ, φ)
         */
        double evaluate(double[] psi, double[] phi, double[] gradPsi, double[] gradPhi);
    }

    /** Minimises the inner level over ψ for a fixed φ (the fit package's optimisers can be plugged in here). */
    @FunctionalInterface
    public interface InnerSolver {
        /**
         * @param inner the inner level
         * @param phi   outer parameters (read only)
         * @param start starting ψ (read only)
         * @param lower lower bounds of ψ
         * @param upper upper bounds of ψ
         * @return ψ*(φ), a new array; it must satisfy the first-order conditions tightly, since the hypergradient
         *         assumes ∇_ψ L_in = 0 on the free components
         */
        double[] minimize(Level inner, double[] phi, double[] start, double[] lower, double[] upper);

        /**
         * @param tolerance     projected-gradient tolerance (∞-norm)
         * @param maxIterations iteration limit
         * @return the default projected Newton method with finite-difference Hessians (relative step 1e-4)
         */
        static InnerSolver boundedNewton(double tolerance, int maxIterations) {
            return new BoundedNewton(tolerance, maxIterations, 1e-4);
        }
    }

    /**
     * @param value          F(φ)
     * @param gradient       dF/dφ [outer dimension]
     * @param innerOptimum   ψ*(φ) [inner dimension]
     * @param innerGradient  ‖projected ∇_ψ L_in‖∞ at ψ* (how well the inner optimality condition holds)
     * @param cgIterations   conjugate-gradient iterations for H v = ∂_ψ F
     * @param cgStatus       their status
     */
    public record Hypergradient(double value, double[] gradient, double[] innerOptimum, double innerGradient,
                                int cgIterations, SolverStatus cgStatus) {
    }

    private final Level inner;
    private final Level outer;
    private final double[] lower;
    private final double[] upper;
    private final int outerDimension;
    private double[] start;
    private InnerSolver solver = InnerSolver.boundedNewton(1e-9, 200);
    private double step = 1e-4;
    private StoppingCriteria cg = StoppingCriteria.of(1e-10, 500);

    /**
     * @param inner          L_in(ψ, φ)
     * @param outer          L_out(ψ, φ)
     * @param innerStart     first starting point of ψ [inner dimension] (copied)
     * @param innerLower     lower bounds of ψ [inner dimension] (copied; may be −∞)
     * @param innerUpper     upper bounds of ψ [inner dimension] (copied; may be +∞)
     * @param outerDimension dimension of φ, ≥ 1
     */
    public BilevelCalibration(Level inner, Level outer, double[] innerStart, double[] innerLower, double[] innerUpper,
                              int outerDimension) {
        if (innerStart.length != innerLower.length || innerStart.length != innerUpper.length || innerStart.length == 0
                || outerDimension < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] need start, lower and upper of one length ≥ 1"
                    + " and outerDimension ≥ 1, got " + innerStart.length + ", " + innerLower.length + ", "
                    + innerUpper.length + ", " + outerDimension);
        }
        for (int i = 0; i < innerLower.length; i++) {
            if (!(innerLower[i] <= innerUpper[i])) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] inner bounds " + i + " are empty: ["
                        + innerLower[i] + ", " + innerUpper[i] + "]");
            }
        }
        this.inner = inner;
        this.outer = outer;
        this.start = innerStart.clone();
        this.lower = innerLower.clone();
        this.upper = innerUpper.clone();
        this.outerDimension = outerDimension;
    }

    /** @param s the inner optimiser (default: bounded Newton, tolerance 1e-9, 200 iterations) @return this */
    public BilevelCalibration innerSolver(InnerSolver s) {
        this.solver = s;
        return this;
    }

    /** @param h relative central-difference step for the second derivatives of L_in (default 1e-4) @return this */
    public BilevelCalibration secondDerivativeStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] step must be finite and > 0, got " + h);
        }
        this.step = h;
        return this;
    }

    /** @param s stopping rule of the conjugate-gradient solve (default relative residual 1e-10, 500 iterations) @return this */
    public BilevelCalibration cgStopping(StoppingCriteria s) {
        this.cg = s;
        return this;
    }

    /**
     * Solves the inner problem (warm-started) and evaluates the outer level.
     *
     * @param phi outer parameters [outer dimension] (read only)
     * @return F(φ) = L_out(ψ*(φ), φ)
     */
    public double value(double[] phi) {
        double[] psi = solveInner(phi);
        return outer.evaluate(psi, phi, new double[psi.length], new double[outerDimension]);
    }

    /**
     * @param phi outer parameters [outer dimension] (read only)
     * @return F(φ), dF/dφ by implicit differentiation, ψ*(φ) and diagnostics
     * @throws FixpointException {@code [fixpoint/BilevelHessian]} when conjugate gradients break down (∇²_ψψ L_in
     *                           not positive definite at ψ*: the inner optimum is not a strict minimum)
     */
    public Hypergradient hypergradient(double[] phi) {
        double[] psi = solveInner(phi);
        int n = psi.length;
        double[] gPsiIn = new double[n];
        double[] gPhiIn = new double[outerDimension];
        inner.evaluate(psi, phi, gPsiIn, gPhiIn);
        double innerGradient = BoundedNewton.projectedGradient(psi, gPsiIn, lower, upper);
        double[] dPsi = new double[n];
        double[] dPhi = new double[outerDimension];
        double f = outer.evaluate(psi, phi, dPsi, dPhi);
        boolean[] free = new boolean[n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            free[i] = psi[i] > lower[i] && psi[i] < upper[i];
            rhs[i] = free[i] ? dPsi[i] : 0;
        }
        SolverResult r = Cg.of(u -> Tensor.wrap(hessianVector(psi, phi, u.toArray(), free), n))
                .withStopping(cg).solve(Tensor.wrap(rhs, n), null);
        if (r.status() == SolverStatus.BREAKDOWN || r.status() == SolverStatus.DIVERGED) {
            throw new FixpointException("BilevelHessian", "conjugate gradients on ∇²_ψψ L_in stopped: " + r.stoppingReason()
                    + " (ψ* = " + java.util.Arrays.toString(psi) + ")");
        }
        double[] v = r.solution().toArray();
        double[] mixed = mixedProduct(psi, phi, v);
        double[] grad = new double[outerDimension];
        for (int k = 0; k < outerDimension; k++) {
            grad[k] = dPhi[k] - mixed[k];
        }
        return new Hypergradient(f, grad, psi, innerGradient, r.iterations(), r.status());
    }

    private double[] solveInner(double[] phi) {
        if (phi.length != outerDimension) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] φ needs length " + outerDimension + ", got "
                    + phi.length);
        }
        double[] psi = solver.minimize(inner, phi, start, lower, upper);
        if (psi.length != start.length) {
            throw new FixpointException("BilevelInner", "inner solver returned " + psi.length + " values, expected " + start.length);
        }
        start = psi.clone();
        return psi;
    }

    private double epsilon(double[] psi, double[] u) {
        double nu = 0;
        double np = 0;
        for (int i = 0; i < u.length; i++) {
            nu = Math.max(nu, Math.abs(u[i]));
            np = Math.max(np, Math.abs(psi[i]));
        }
        return nu == 0 ? 0 : step * Math.max(1, np) / nu;
    }

    /** H u on the free coordinates (fixed coordinates of u ignored, of the result 0). */
    private double[] hessianVector(double[] psi, double[] phi, double[] u, boolean[] free) {
        int n = psi.length;
        double[] out = new double[n];
        double e = epsilon(psi, u);
        if (e == 0) {
            return out;
        }
        double[] p = new double[n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] gPhi = new double[outerDimension];
        for (int i = 0; i < n; i++) {
            p[i] = psi[i] + (free[i] ? e * u[i] : 0);
        }
        inner.evaluate(p, phi, gp, gPhi);
        for (int i = 0; i < n; i++) {
            p[i] = psi[i] - (free[i] ? e * u[i] : 0);
        }
        inner.evaluate(p, phi, gm, gPhi);
        for (int i = 0; i < n; i++) {
            out[i] = free[i] ? (gp[i] - gm[i]) / (2 * e) : 0;
        }
        return out;
    }

    /** (∂²_{ψφ} L_in)ᵀ v = d/dε ∇_φ L_in(ψ + εv, φ) by a central difference. */
    private double[] mixedProduct(double[] psi, double[] phi, double[] v) {
        int n = psi.length;
        double[] out = new double[outerDimension];
        double e = epsilon(psi, v);
        if (e == 0) {
            return out;
        }
        double[] p = new double[n];
        double[] gPsi = new double[n];
        double[] plus = new double[outerDimension];
        double[] minus = new double[outerDimension];
        for (int i = 0; i < n; i++) {
            p[i] = psi[i] + e * v[i];
        }
        inner.evaluate(p, phi, gPsi, plus);
        for (int i = 0; i < n; i++) {
            p[i] = psi[i] - e * v[i];
        }
        inner.evaluate(p, phi, gPsi, minus);
        for (int k = 0; k < outerDimension; k++) {
            out[k] = (plus[k] - minus[k]) / (2 * e);
        }
        return out;
    }
}
