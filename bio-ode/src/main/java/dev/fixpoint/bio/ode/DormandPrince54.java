package dev.fixpoint.bio.ode;

/**
 * Dormand–Prince 5(4) explicit Runge–Kutta method (FSAL, 7 stages, local extrapolation) with the
 * fourth-order continuous extension of Hairer, Nørsett and Wanner (DOPRI5). For non-stiff problems.
 * Step control: h ← h·clamp(0.9·err^(−1/5), 0.2, 10) without growth right after a rejection.
 */
public final class DormandPrince54 extends AdaptiveStepper {
    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
            {},
            {1.0 / 5},
            {3.0 / 40, 9.0 / 40},
            {44.0 / 45, -56.0 / 15, 32.0 / 9},
            {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
            {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
            {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
    /** b − b̂ (error weights). */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};
    /** Dense-output weights. */
    private static final double[] D = {-12715105075.0 / 11282082432.0, 0, 87487479700.0 / 32700410799.0,
            -10690763975.0 / 1880347072.0, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0,
            69997945.0 / 29380423.0};

    /** @param options tolerances and limits */
    public DormandPrince54(OdeOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "dopri5";
    }

    @Override
    public double integrate(OdeSystem sys, double t0, double[] y, double t1, double h0, StepObserver observer) {
        checkInterval(t0, t1);
        int n = sys.dimension();
        int ne = Math.min(n, Math.max(1, sys.errorControlDimension()));
        double[][] k = new double[7][n];
        double[] ytmp = new double[n];
        double[] ynew = new double[n];
        double[] err = new double[n];
        double[][] rc = new double[5][n];
        double t = t0;
        sys.rhs(t, y, k[0]);
        stats.rhsEvaluations++;
        double h = h0 > 0 ? Math.min(h0, options.maxStep()) : initialStep(sys, t0, y, k[0], t1, 5);
        boolean rejectedLast = false;
        long attempts = 0;
        Dense dense = new Dense(rc, ynew);
        while (t < t1) {
            checkSteps(++attempts, t);
            boolean last = false;
            if (t + h >= t1 || t + 1.01 * h >= t1) {
                h = t1 - t;
                last = true;
            }
            for (int s = 1; s < 7; s++) {
                for (int i = 0; i < n; i++) {
                    double acc = y[i];
                    for (int j = 0; j < s; j++) {
                        acc += h * A[s][j] * k[j][i];
                    }
                    ytmp[i] = acc;
                }
                sys.rhs(t + C[s] * h, ytmp, k[s]);
                if (s == 6) {
                    System.arraycopy(ytmp, 0, ynew, 0, n);
                }
            }
            stats.rhsEvaluations += 6;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int s = 0; s < 7; s++) {
                    e += E[s] * k[s][i];
                }
                err[i] = h * e;
            }
            double en = errorNorm(err, y, ynew, ne);
            if (en <= 1) {
                for (int i = 0; i < n; i++) {
                    double dy = ynew[i] - y[i];
                    double bspl = h * k[0][i] - dy;
                    rc[0][i] = y[i];
                    rc[1][i] = dy;
                    rc[2][i] = bspl;
                    rc[3][i] = dy - h * k[6][i] - bspl;
                    double d = 0;
                    for (int s = 0; s < 7; s++) {
                        d += D[s] * k[s][i];
                    }
                    rc[4][i] = h * d;
                }
                stats.steps++;
                double tNew = last ? t1 : t + h;
                dense.set(t, tNew);
                System.arraycopy(ynew, 0, y, 0, n);
                System.arraycopy(k[6], 0, k[0], 0, n);
                t = tNew;
                observer.accepted(dense);
                double fac = Math.min(10, Math.max(0.2, 0.9 * Math.pow(Math.max(en, 1e-10), -0.2)));
                if (rejectedLast) {
                    fac = Math.min(fac, 1);
                }
                h = Math.min(h * fac, options.maxStep());
                rejectedLast = false;
            } else {
                stats.rejectedSteps++;
                h *= Math.max(0.2, Double.isFinite(en) ? 0.9 * Math.pow(en, -0.2) : 0.2);
                rejectedLast = true;
                checkStep(sys, t, h, err, y, ynew, n);
            }
        }
        return h;
    }

    private static final class Dense implements DenseStep {
        private final double[][] rc;
        private final double[] y1;
        private double t0;
        private double t1;

        Dense(double[][] rc, double[] y1) {
            this.rc = rc;
            this.y1 = y1;
        }

        void set(double a, double b) {
            t0 = a;
            t1 = b;
        }

        @Override
        public double t0() {
            return t0;
        }

        @Override
        public double t1() {
            return t1;
        }

        @Override
        public double[] y1() {
            return y1;
        }

        @Override
        public void interpolate(double t, double[] out) {
            double th = (t - t0) / (t1 - t0);
            double th1 = 1 - th;
            for (int i = 0; i < out.length; i++) {
                out[i] = rc[0][i] + th * (rc[1][i] + th1 * (rc[2][i] + th * (rc[3][i] + th1 * rc[4][i])));
            }
        }
    }
}
