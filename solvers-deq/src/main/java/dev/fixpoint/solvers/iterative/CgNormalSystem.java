package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;

/**
 * {@code (AᵀA + μI + ρKᵀK) x = r} by matrix-free conjugate gradients, warm-started from the x given,
 * to {@code ‖r − Mx‖ ≤ tol·‖r‖} or the iteration limit (an inexact solve is accepted: ADMM tolerates
 * it, and the outer residuals show it). Holds work vectors: one per solver run.
 */
final class CgNormalSystem implements NormalSystem {
    private final LinearOperator a;
    private final double ridge;
    private final LinearOperator k;
    private double rho;
    private final double tolerance;
    private final int maxIterations;
    private final Tensor r;
    private final Tensor p;
    private final Tensor mp;
    private final Tensor rangeA;
    private final Tensor rangeK;
    private final Tensor domain;

    CgNormalSystem(LinearOperator a, double ridge, LinearOperator k, double rho, double tolerance, int maxIterations) {
        this.a = a;
        this.ridge = ridge;
        this.k = k;
        this.rho = rho;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.r = Tensor.zeros(a.domainShape());
        this.p = Tensor.zeros(a.domainShape());
        this.mp = Tensor.zeros(a.domainShape());
        this.domain = Tensor.zeros(a.domainShape());
        this.rangeA = Tensor.zeros(a.rangeShape());
        this.rangeK = k == null ? null : Tensor.zeros(k.rangeShape());
    }

    /** {@code out ← (AᵀA + μI + ρKᵀK) v}. */
    private void applyNormal(Tensor v, Tensor out) {
        a.applyInto(v, rangeA);
        a.adjointInto(rangeA, out);
        if (k == null) {
            out.axpyInPlace(ridge + rho, v);
        } else {
            if (ridge != 0) {
                out.axpyInPlace(ridge, v);
            }
            k.applyInto(v, rangeK);
            k.adjointInto(rangeK, domain);
            out.axpyInPlace(rho, domain);
        }
    }

    @Override
    public int solve(Tensor rhs, Tensor x) {
        double rhsNorm = rhs.norm();
        if (rhsNorm == 0) {
            x.fill(0);
            return 0;
        }
        applyNormal(x, mp);
        r.assign(rhs).axpyInPlace(-1, mp);
        p.assign(r);
        double gamma = r.dot(r);
        double target = tolerance * rhsNorm;
        int it = 0;
        while (Math.sqrt(gamma) > target && it < maxIterations) {
            applyNormal(p, mp);
            double curvature = p.dot(mp);
            if (!(curvature > 0)) {
                throw new FixpointException("SingularSubproblem", "conjugate gradients on the x-subproblem met "
                        + "curvature pᵀMp = " + curvature + " at inner iteration " + (it + 1) + "; the matrix "
                        + "AᵀA + μI + ρKᵀK must be positive definite (K injective on the null space of A)");
            }
            double alpha = gamma / curvature;
            x.axpyInPlace(alpha, p);
            r.axpyInPlace(-alpha, mp);
            double next = r.dot(r);
            p.scaleInPlace(next / gamma).axpyInPlace(1, r);
            gamma = next;
            it++;
        }
        return it;
    }

    @Override
    public void updateRho(double value) {
        this.rho = value;
    }
}
