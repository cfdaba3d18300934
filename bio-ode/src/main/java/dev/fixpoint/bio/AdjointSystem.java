package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.BandedLu;
import dev.fixpoint.bio.ode.LinearlyImplicitSystem;

/**
 * The adjoint equations on one interval of the forward solution, in reversed time s = −t, with the
 * parameter quadrature appended: state {@code [λ (n), μ (np)]},
 * {@code dλ/ds = J(t, x(t))ᵀ λ}, {@code dμ/ds = (∂f/∂p)(t, x(t))ᵀ λ}. The iteration matrix
 * {@code [[σI − Jᵀ, 0], [−f_pᵀ, σI]]} is solved with the transposed band LU of the model and a
 * division for the quadrature block.
 */
final class AdjointSystem implements LinearlyImplicitSystem {
    private final CompiledNetwork net;
    private final DenseTrajectory traj;
    private final int n;
    private final int np;
    private final double[] x;
    private final double[] jv;
    private final double[] pv;
    private final double[] jv0;
    private final double[] pv0;
    private final BandedLu lu;
    private double shift;

    AdjointSystem(CompiledNetwork net, DenseTrajectory traj) {
        this.net = net;
        this.traj = traj;
        this.n = net.n;
        this.np = net.np;
        this.x = new double[n];
        this.jv = new double[net.jac.nonZeros()];
        this.pv = new double[net.jacP.nonZeros()];
        this.jv0 = new double[net.jac.nonZeros()];
        this.pv0 = new double[net.jacP.nonZeros()];
        this.lu = new BandedLu(n, net.kl, net.ku);
    }

    @Override
    public int dimension() {
        return n + np;
    }

    @Override
    public String componentName(int i) {
        return i < n ? "adjoint of species " + net.speciesName(i) : "gradient quadrature of " + net.parameterName(i - n);
    }

    @Override
    public void rhs(double s, double[] y, double[] out) {
        double t = -s;
        traj.interpolate(t, x);
        net.jacobian(t, x, jv);
        net.jacobianP(t, x, pv);
        java.util.Arrays.fill(out, 0, n + np, 0);
        net.jac.multiplyTransposed(jv, y, 0, out, 0);
        net.jacP.multiplyTransposed(pv, y, 0, out, n);
    }

    @Override
    public void updateJacobian(double s, double[] y) {
        double t = -s;
        traj.interpolate(t, x);
        net.jacobian(t, x, jv0);
        net.jacobianP(t, x, pv0);
    }

    @Override
    public void factor(double shift) {
        this.shift = shift;
        ModelSystem.fill(lu, net.jac, jv0, shift, n);
        lu.factor();
    }

    @Override
    public void solve(double[] b) {
        double[] ul = java.util.Arrays.copyOf(b, n);
        lu.solveTransposed(ul);
        System.arraycopy(ul, 0, b, 0, n);
        double[] q = new double[np];
        net.jacP.multiplyTransposed(pv0, ul, 0, q, 0);
        for (int k = 0; k < np; k++) {
            b[n + k] = (b[n + k] + q[k]) / shift;
        }
    }
}
