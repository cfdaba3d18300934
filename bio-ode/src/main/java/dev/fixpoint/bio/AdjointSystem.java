package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.BandedLu;
import dev.fixpoint.bio.ode.DenseStep;
import dev.fixpoint.bio.ode.LinearlyImplicitSystem;
import dev.fixpoint.bio.ode.StepObserver;

/**
 * The adjoint equations on one interval of the forward solution, in reversed time s = −t:
 * {@code dλ/ds = J(t, x(t))ᵀ λ}, solved with the transposed band LU of the model's iteration matrix.
 * The parameter quadrature {@code μ = ∫ (∂f/∂p)ᵀ λ dt} is not part of the integrated state: it is
 * accumulated per accepted backward step by 3-point Gauss–Legendre quadrature on the dense outputs
 * of λ and x (so that its cost does not enter the stages, and it does not restrict the step size, as
 * with CVODES' default of excluding quadratures from the error test). For networks with a constant
 * Jacobian (linear kinetics) the λ-equations are autonomous: J is evaluated once and ∂/∂s is skipped.
 */
final class AdjointSystem implements LinearlyImplicitSystem, StepObserver {
    private static final double[] NODES = {0.5 - Math.sqrt(15) / 10, 0.5, 0.5 + Math.sqrt(15) / 10};
    private static final double[] WEIGHTS = {5.0 / 18, 8.0 / 18, 5.0 / 18};

    private final CompiledNetwork net;
    private final DenseTrajectory traj;
    private final int n;
    private final double[] x;
    private final double[] jv;
    private final double[] jv0;
    private final double[] pv;
    private final double[] lam;
    private final double[] mu;
    private final BandedLu lu;
    private double cachedT = Double.NaN;
    private final boolean constant;

    /**
     * @param mu the quadrature accumulator (length np), increased by every accepted step
     */
    AdjointSystem(CompiledNetwork net, DenseTrajectory traj, double[] mu) {
        this.net = net;
        this.traj = traj;
        this.n = net.n;
        this.x = new double[n];
        this.jv = new double[net.jac.nonZeros()];
        this.jv0 = new double[net.jac.nonZeros()];
        this.pv = new double[net.jacP.nonZeros()];
        this.lam = new double[n];
        this.mu = mu;
        this.lu = new BandedLu(n, net.kl, net.ku);
        this.constant = net.constantJacobian();
    }

    /** Autonomous when the model's Jacobian is constant (then J is evaluated once per interval). */
    @Override
    public boolean autonomous() {
        return constant;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public String componentName(int i) {
        return "adjoint of species " + net.speciesName(i);
    }

    /** Evaluates J along the trajectory at time t, reusing the last evaluation at the same t. */
    private void coefficients(double t) {
        if (t != cachedT && !(constant && !Double.isNaN(cachedT))) {
            traj.interpolate(t, x);
            net.jacobian(t, x, jv);
            cachedT = t;
        }
    }

    @Override
    public void rhs(double s, double[] y, double[] out) {
        coefficients(-s);
        java.util.Arrays.fill(out, 0, n, 0);
        net.jac.multiplyTransposed(jv, y, 0, out, 0);
    }

    @Override
    public void updateJacobian(double s, double[] y) {
        coefficients(-s);
        System.arraycopy(jv, 0, jv0, 0, jv.length);
    }

    @Override
    public void timeDerivative(double s, double[] y, double[] out) {
        // forward difference: coefficients at s + ds, then at s
        double ds = 1.49e-8 * Math.max(1, Math.abs(s));
        double[] f1 = new double[n];
        rhs(s + ds, y, f1);
        rhs(s, y, out);
        for (int i = 0; i < n; i++) {
            out[i] = (f1[i] - out[i]) / ds;
        }
    }

    @Override
    public void factor(double shift) {
        ModelSystem.fill(lu, net.jac, jv0, shift, n);
        lu.factor();
    }

    @Override
    public void solve(double[] b) {
        lu.solveTransposed(b);
    }

    /**
     * μ += ∫ over the step of (∂f/∂p)ᵀ λ dt: Gauss–Legendre with 3 nodes on each piece of the step between
     * consecutive forward step ends, so that the integrand is smooth on every piece even when the backward step
     * spans many forward steps (a fast transient of x under a smooth λ).
     */
    @Override
    public void accepted(DenseStep step) {
        double ta = -step.t1();
        double tb = -step.t0();
        int k = traj.locate(ta);
        double u = ta;
        while (u < tb) {
            double v = Math.min(tb, traj.stepEnd(k));
            if (v > u) {
                piece(step, u, v);
            }
            u = v;
            if (++k >= traj.steps()) {
                if (u < tb) {
                    piece(step, u, tb);
                }
                break;
            }
        }
    }

    private void piece(DenseStep step, double u, double v) {
        double h = v - u;
        SparseDerivative jp = net.jacP;
        for (int q = 0; q < 3; q++) {
            double t = u + NODES[q] * h;
            step.interpolate(-t, lam);
            traj.interpolate(t, x);
            net.jacobianP(t, x, pv);
            double w = WEIGHTS[q] * h;
            for (int e = 0; e < pv.length; e++) {
                mu[jp.entryCol[e]] += w * pv[e] * lam[jp.entryRow[e]];
            }
        }
    }
}
