package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.LinearlyImplicitSystem;

/**
 * The state equations augmented with the forward sensitivity equations
 * {@code dS_k/dt = J S_k + ∂f/∂p_k}, state layout {@code [x, S_1, …, S_np]} (each block of length n).
 * The iteration matrix of the augmented system is block lower triangular with the model's
 * σI − J on the diagonal, so one band factorisation of the model serves all blocks ("simultaneous
 * corrector" with a reused factorisation); the off-diagonal blocks ∂(J S_k + f_p)/∂x are applied to
 * the state stage by a central difference of the exact sparse Jacobians.
 */
final class ForwardSensitivitySystem implements LinearlyImplicitSystem {
    private final CompiledNetwork net;
    private final ModelSystem model;
    private final int n;
    private final int np;
    private final double[] jv;
    private final double[] pv;
    private final double[] jvPlus;
    private final double[] pvPlus;
    private final double[] x;
    private final double[] xs;
    private final double[] gPlus;
    private final double[] gMinus;
    private double jacT;
    private double[] jacY;

    ForwardSensitivitySystem(CompiledNetwork net) {
        this.net = net;
        this.model = new ModelSystem(net);
        this.n = net.n;
        this.np = net.np;
        this.jv = new double[net.jac.nonZeros()];
        this.pv = new double[net.jacP.nonZeros()];
        this.jvPlus = new double[net.jac.nonZeros()];
        this.pvPlus = new double[net.jacP.nonZeros()];
        this.x = new double[n];
        this.xs = new double[n];
        this.gPlus = new double[n * np];
        this.gMinus = new double[n * np];
    }

    @Override
    public int dimension() {
        return n * (1 + np);
    }

    @Override
    public String componentName(int i) {
        return i < n ? "species " + net.speciesName(i)
                : "sensitivity of " + net.speciesName(i % n) + " to " + net.parameterName(i / n - 1);
    }

    @Override
    public void rhs(double t, double[] y, double[] dydt) {
        System.arraycopy(y, 0, x, 0, n);
        net.rhs(t, x, dydt);
        net.jacobian(t, x, jv);
        net.jacobianP(t, x, pv);
        sensitivityRhs(jv, pv, y, dydt);
    }

    /** out[n + k·n + i] = (J S_k + f_p,k)_i. */
    private void sensitivityRhs(double[] jvals, double[] pvals, double[] y, double[] out) {
        int outOff = n;
        java.util.Arrays.fill(out, n, n * (1 + np), 0);
        SparseDerivative jac = net.jac;
        SparseDerivative jp = net.jacP;
        for (int k = 0; k < np; k++) {
            jac.multiply(jvals, y, n * (k + 1), out, outOff + n * k);
        }
        for (int e = 0; e < jp.nonZeros(); e++) {
            out[outOff + n * jp.entryCol[e] + jp.entryRow[e]] += pvals[e];
        }
    }

    @Override
    public void updateJacobian(double t, double[] y) {
        jacT = t;
        jacY = y.clone();
        System.arraycopy(y, 0, x, 0, n);
        model.updateJacobian(t, x);
    }

    @Override
    public void factor(double shift) {
        model.factor(shift);
    }

    @Override
    public void solve(double[] b) {
        double[] ux = new double[n];
        System.arraycopy(b, 0, ux, 0, n);
        model.solve(ux);
        System.arraycopy(ux, 0, b, 0, n);
        double un = 0;
        double xn = 0;
        for (int i = 0; i < n; i++) {
            un = Math.max(un, Math.abs(ux[i]));
            xn = Math.max(xn, Math.abs(jacY[i]));
        }
        if (un > 0) {
            // (H U_x)_k = d/dε [J(x + ε U_x) S_k + f_p,k(x + ε U_x)], central difference
            double eps = 6.06e-6 * (1 + xn) / un;
            for (int i = 0; i < n; i++) {
                xs[i] = jacY[i] + eps * ux[i];
            }
            net.jacobian(jacT, xs, jvPlus);
            net.jacobianP(jacT, xs, pvPlus);
            java.util.Arrays.fill(gPlus, 0);
            multiplyAll(jvPlus, pvPlus, gPlus);
            for (int i = 0; i < n; i++) {
                xs[i] = jacY[i] - eps * ux[i];
            }
            net.jacobian(jacT, xs, jvPlus);
            net.jacobianP(jacT, xs, pvPlus);
            java.util.Arrays.fill(gMinus, 0);
            multiplyAll(jvPlus, pvPlus, gMinus);
            double inv = 1 / (2 * eps);
            for (int q = 0; q < n * np; q++) {
                b[n + q] += (gPlus[q] - gMinus[q]) * inv;
            }
        }
        double[] col = new double[n];
        for (int k = 0; k < np; k++) {
            System.arraycopy(b, n * (k + 1), col, 0, n);
            model.solve(col);
            System.arraycopy(col, 0, b, n * (k + 1), n);
        }
    }

    private void multiplyAll(double[] jvals, double[] pvals, double[] out) {
        SparseDerivative jac = net.jac;
        SparseDerivative jp = net.jacP;
        for (int k = 0; k < np; k++) {
            jac.multiply(jvals, jacY, n * (k + 1), out, n * k);
        }
        for (int e = 0; e < jp.nonZeros(); e++) {
            out[n * jp.entryCol[e] + jp.entryRow[e]] += pvals[e];
        }
    }

    @Override
    public boolean autonomous() {
        return net.autonomous();
    }
}
