package dev.fixpoint.bio.ode;

/** dy/dt = A y + b(t) with a dense matrix A (test problem with an exact Jacobian). */
final class LinearTestSystem implements LinearlyImplicitSystem {
    final double[][] a;
    private final BandedLu lu;
    private final java.util.function.DoubleUnaryOperator forcing;

    LinearTestSystem(double[][] a) {
        this(a, null);
    }

    /** forcing adds b(t) to the first component */
    LinearTestSystem(double[][] a, java.util.function.DoubleUnaryOperator forcing) {
        this.a = a;
        this.lu = BandedLu.dense(a.length);
        this.forcing = forcing;
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public void rhs(double t, double[] y, double[] dydt) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[i][j] * y[j];
            }
            dydt[i] = s;
        }
        if (forcing != null) {
            dydt[0] += forcing.applyAsDouble(t);
        }
    }

    @Override
    public boolean autonomous() {
        return forcing == null;
    }

    @Override
    public void updateJacobian(double t, double[] y) {
    }

    @Override
    public void factor(double shift) {
        lu.clear();
        for (int i = 0; i < a.length; i++) {
            lu.add(i, i, shift);
            for (int j = 0; j < a.length; j++) {
                lu.add(i, j, -a[i][j]);
            }
        }
        lu.factor();
    }

    @Override
    public void solve(double[] b) {
        lu.solve(b);
    }
}
