package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.BandedLu;
import dev.fixpoint.bio.ode.LinearlyImplicitSystem;

/**
 * The state equations of a {@link CompiledNetwork} at its current parameters, with the exact sparse
 * Jacobian factored as a band matrix (bandwidths from the sparsity pattern; dense when the pattern is
 * unstructured). Optionally freezes time (for steady-state searches).
 */
final class ModelSystem implements LinearlyImplicitSystem {
    final CompiledNetwork net;
    final BandedLu lu;
    final double[] jacValues;
    private final boolean frozen;
    private final double frozenTime;

    ModelSystem(CompiledNetwork net) {
        this(net, false, 0);
    }

    ModelSystem(CompiledNetwork net, boolean frozen, double frozenTime) {
        this.net = net;
        this.lu = new BandedLu(net.n, net.kl, net.ku);
        this.jacValues = new double[net.jacobianNonZeros()];
        this.frozen = frozen;
        this.frozenTime = frozenTime;
    }

    private double time(double t) {
        return frozen ? frozenTime : t;
    }

    @Override
    public int dimension() {
        return net.n;
    }

    @Override
    public void rhs(double t, double[] y, double[] dydt) {
        net.rhs(time(t), y, dydt);
    }

    @Override
    public String componentName(int i) {
        return "species " + net.speciesName(i);
    }

    @Override
    public void updateJacobian(double t, double[] y) {
        net.jacobian(time(t), y, jacValues);
    }

    @Override
    public void factor(double shift) {
        fill(lu, net.jac, jacValues, shift, net.n);
        lu.factor();
    }

    static void fill(BandedLu lu, SparseDerivative pattern, double[] values, double shift, int n) {
        lu.clear();
        for (int i = 0; i < n; i++) {
            lu.add(i, i, shift);
        }
        for (int e = 0; e < values.length; e++) {
            lu.add(pattern.entryRow[e], pattern.entryCol[e], -values[e]);
        }
    }

    @Override
    public void solve(double[] b) {
        lu.solve(b);
    }

    @Override
    public boolean autonomous() {
        return frozen || net.autonomous();
    }

    @Override
    public void timeDerivative(double t, double[] y, double[] out) {
        net.timeDerivative(t, y, out);
    }
}
