package dev.fixpoint.bio.ode;

/**
 * Dormand–Prince 5(4) explicit Runge–Kutta method (FSAL, 7 stages, local extrapolation) with the
 * fourth-order continuous extension of Hairer, Nørsett and Wanner (DOPRI5). For non-stiff problems.
 * Step control: h ← h·clamp(0.9·err^(−1/5), 0.2, 10) without growth right after a rejection.
 */
public final class DormandPrince54 extends AdaptiveStepper {
    private final double[] stageTimes;
    private final double[][] coeff;
    private final double[] errorWeights;
    private final double[] denseWeights;

    /** @param options tolerances and limits */
    public DormandPrince54(OdeOptions options) {
        this(options, ButcherTableau.dormandPrince54());
    }

    /**
     * @param options tolerances and limits
     * @param tableau a 7-stage FSAL pair with a DOPRI5-type continuous extension
     */
    public DormandPrince54(OdeOptions options, ButcherTableau tableau) {
        super(options);
        if (tableau.stages() != 7) {
            throw new IllegalArgumentException("[fixpoint/Tableau] the DOPRI5 driver needs 7 stages, got " + tableau.stages());
        }
        stageTimes = tableau.c();
        coeff = tableau.a();
        errorWeights = tableau.e();
        denseWeights = tableau.d();
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
                        acc += h * coeff[s][j] * k[j][i];
                    }
                    ytmp[i] = acc;
                }
                sys.rhs(t + stageTimes[s] * h, ytmp, k[s]);
                if (s == 6) {
                    System.arraycopy(ytmp, 0, ynew, 0, n);
                }
            }
            stats.rhsEvaluations += 6;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int s = 0; s < 7; s++) {
                    e += errorWeights[s] * k[s][i];
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
                        d += denseWeights[s] * k[s][i];
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

    private static final class Dense extends StepInterval {
        private final double[][] rc;

        Dense(double[][] rc, double[] y1) {
            super(y1);
            this.rc = rc;
        }

        @Override
        public void interpolate(double t, double[] out) {
            double th = theta(t);
            double th1 = 1 - th;
            for (int i = 0; i < out.length; i++) {
                out[i] = rc[0][i] + th * (rc[1][i] + th1 * (rc[2][i] + th * (rc[3][i] + th1 * rc[4][i])));
            }
        }
    }
}
