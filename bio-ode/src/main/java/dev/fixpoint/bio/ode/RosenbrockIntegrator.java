package dev.fixpoint.bio.ode;

import dev.fixpoint.core.FixpointException;

/**
 * Rosenbrock (linearly implicit) integrator for stiff systems, driven by a {@link RosenbrockTableau}
 * (default {@link RosenbrockTableau#rodas4()}). Per step: one Jacobian evaluation, one factorisation
 * of σI − J (repeated after a rejection with the same Jacobian), one solve per stage. Step control
 * h ← h·clamp(0.9·err^(−1/order), 0.2, 6), no growth right after a rejection; a singular iteration
 * matrix or a non-finite stage counts as a rejection with h ← h/5.
 */
public final class RosenbrockIntegrator extends AdaptiveStepper {
    private final RosenbrockTableau tab;

    /** @param options tolerances and limits; uses RODAS4 */
    public RosenbrockIntegrator(OdeOptions options) {
        this(options, RosenbrockTableau.rodas4());
    }

    /** @param options tolerances and limits @param tableau the method */
    public RosenbrockIntegrator(OdeOptions options, RosenbrockTableau tableau) {
        super(options);
        this.tab = tableau;
    }

    @Override
    public String name() {
        return tab.name();
    }

    @Override
    public double integrate(OdeSystem system, double t0, double[] y, double t1, double h0, StepObserver observer) {
        checkInterval(t0, t1);
        if (!(system instanceof LinearlyImplicitSystem sys)) {
            throw new IllegalArgumentException("[fixpoint/NeedsJacobian] " + name() + " needs a LinearlyImplicitSystem "
                    + "(a system with a Jacobian); got " + system.getClass().getSimpleName());
        }
        int n = sys.dimension();
        int s = tab.stages();
        double[][] u = new double[s][n];
        double[] f0 = new double[n];
        double[] ft = new double[n];
        double[] ytmp = new double[n];
        double[] ynew = new double[n];
        double[] err = new double[n];
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] yold = new double[n];
        boolean autonomous = sys.autonomous();
        double t = t0;
        sys.rhs(t, y, f0);
        stats.rhsEvaluations++;
        double h = h0 > 0 ? Math.min(h0, options.maxStep()) : initialStep(sys, t0, y, f0, t1, tab.order());
        boolean rejectedLast = false;
        boolean jacobianCurrent = false;
        long attempts = 0;
        Dense dense = new Dense(yold, ynew, k1, k2);
        while (t < t1) {
            checkSteps(++attempts, t);
            boolean last = false;
            if (t + 1.01 * h >= t1) {
                h = t1 - t;
                last = true;
            }
            if (!jacobianCurrent) {
                sys.updateJacobian(t, y);
                stats.jacobianEvaluations++;
                if (!autonomous) {
                    sys.timeDerivative(t, y, ft);
                    stats.rhsEvaluations += 2;
                }
                jacobianCurrent = true;
            }
            double en;
            try {
                sys.factor(1.0 / (h * tab.gamma()));
                stats.factorisations++;
                en = stages(sys, t, y, h, f0, ft, autonomous, u, ytmp, ynew, err, n, s);
            } catch (FixpointException singular) {
                if (!"SingularMatrix".equals(singular.id())) {
                    throw singular;
                }
                en = Double.POSITIVE_INFINITY;
                java.util.Arrays.fill(err, Double.NaN);
            }
            if (en <= 1) {
                stats.steps++;
                double tNew = last ? t1 : t + h;
                if (tab.h1().length > 0) {
                    for (int i = 0; i < n; i++) {
                        double a = 0;
                        double b = 0;
                        for (int j = 0; j < s; j++) {
                            a += tab.h1()[j] * u[j][i];
                            b += tab.h2()[j] * u[j][i];
                        }
                        k1[i] = a;
                        k2[i] = b;
                    }
                }
                System.arraycopy(y, 0, yold, 0, n);
                System.arraycopy(ynew, 0, y, 0, n);
                dense.set(t, tNew);
                t = tNew;
                observer.accepted(dense);
                if (t < t1) {
                    sys.rhs(t, y, f0);
                    stats.rhsEvaluations++;
                }
                jacobianCurrent = false;
                double fac = Math.min(6, Math.max(0.2, 0.9 * Math.pow(Math.max(en, 1e-10), -1.0 / tab.order())));
                if (rejectedLast) {
                    fac = Math.min(fac, 1);
                }
                h = Math.min(h * fac, options.maxStep());
                rejectedLast = false;
            } else {
                stats.rejectedSteps++;
                h *= Double.isFinite(en) ? Math.max(0.2, 0.9 * Math.pow(en, -1.0 / tab.order())) : 0.2;
                rejectedLast = true;
                checkStep(sys, t, h, err, y, ynew, n);
            }
        }
        return h;
    }

    private double stages(LinearlyImplicitSystem sys, double t, double[] y, double h, double[] f0, double[] ft,
                          boolean autonomous, double[][] u, double[] ytmp, double[] ynew, double[] err, int n, int s) {
        double[][] a = tab.a();
        double[][] cc = tab.cc();
        int ne = Math.min(n, Math.max(1, sys.errorControlDimension()));
        for (int st = 0; st < s; st++) {
            double[] ui = u[st];
            if (st == 0) {
                System.arraycopy(f0, 0, ui, 0, n);
            } else {
                for (int i = 0; i < n; i++) {
                    double acc = y[i];
                    for (int j = 0; j < st; j++) {
                        acc += a[st][j] * u[j][i];
                    }
                    ytmp[i] = acc;
                }
                sys.rhs(t + tab.c()[st] * h, ytmp, ui);
                stats.rhsEvaluations++;
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int j = 0; j < st; j++) {
                        acc += cc[st][j] * u[j][i];
                    }
                    ui[i] += acc / h;
                }
            }
            double hd = h * tab.d()[st];
            if (!autonomous && hd != 0) {
                for (int i = 0; i < n; i++) {
                    ui[i] += hd * ft[i];
                }
            }
            sys.solve(ui);
            stats.linearSolves++;
        }
        for (int i = 0; i < n; i++) {
            double acc = y[i];
            double e = 0;
            for (int j = 0; j < s; j++) {
                acc += tab.m()[j] * u[j][i];
                e += tab.e()[j] * u[j][i];
            }
            ynew[i] = acc;
            err[i] = e;
        }
        return errorNorm(err, y, ynew, ne);
    }

    private static final class Dense extends StepInterval {
        private final double[] y0;
        private final double[] y1;
        private final double[] k1;
        private final double[] k2;

        Dense(double[] y0, double[] y1, double[] k1, double[] k2) {
            super(y1);
            this.y0 = y0;
            this.y1 = y1;
            this.k1 = k1;
            this.k2 = k2;
        }

        @Override
        public void interpolate(double t, double[] out) {
            double th = theta(t);
            double th1 = 1 - th;
            for (int i = 0; i < out.length; i++) {
                out[i] = th1 * y0[i] + th * (y1[i] + th1 * (k1[i] + th * k2[i]));
            }
        }
    }
}
