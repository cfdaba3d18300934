package dev.fixpoint.bio.ode;

import dev.fixpoint.core.FixpointException;

/** Shared parts of the adaptive one-step integrators: error norm, first step, failure messages. */
abstract class AdaptiveStepper implements OdeIntegrator {
    final OdeOptions options;
    final IntegratorStatistics stats = new IntegratorStatistics();

    AdaptiveStepper(OdeOptions options) {
        this.options = options;
    }

    @Override
    public IntegratorStatistics statistics() {
        return stats;
    }

    @Override
    public OdeOptions options() {
        return options;
    }

    /** RMS of err_i / (atol + rtol·max(|y0_i|, |y1_i|)); +∞ if any entry is not finite. */
    final double errorNorm(double[] err, double[] y0, double[] y1, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double sc = options.atol() + options.rtol() * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
            double r = err[i] / sc;
            sum += r * r;
        }
        double e = Math.sqrt(sum / n);
        return Double.isFinite(e) ? e : Double.POSITIVE_INFINITY;
    }

    /** Hairer's starting step: h with h·‖f‖ ≈ 0.01·scale, limited by a second-derivative estimate. */
    final double initialStep(OdeSystem sys, double t0, double[] y0, double[] f0, double t1, int order) {
        int n = y0.length;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double sc = options.atol() + options.rtol() * Math.abs(y0[i]);
            d0 += (y0[i] / sc) * (y0[i] / sc);
            d1 += (f0[i] / sc) * (f0[i] / sc);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, t1 - t0);
        double[] y1 = new double[n];
        double[] f1 = new double[n];
        for (int i = 0; i < n; i++) {
            y1[i] = y0[i] + h0 * f0[i];
        }
        sys.rhs(t0 + h0, y1, f1);
        stats.rhsEvaluations++;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = options.atol() + options.rtol() * Math.abs(y0[i]);
            double v = (f1[i] - f0[i]) / sc;
            d2 += v * v;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3)
                : Math.pow(0.01 / Math.max(d1, d2), 1.0 / (order + 1));
        double h = Math.min(100 * h0, h1);
        if (!Double.isFinite(h) || h <= 0) {
            h = 1e-6 * Math.max(1, Math.abs(t1 - t0));
        }
        return Math.min(Math.min(h, t1 - t0), options.maxStep());
    }

    final void checkStep(OdeSystem sys, double t, double h, double[] err, double[] y0, double[] y1, int n) {
        if (h < 16 * Math.ulp(Math.max(1.0, Math.abs(t)))) {
            int worst = 0;
            double worstValue = -1;
            for (int i = 0; i < n; i++) {
                double sc = options.atol() + options.rtol() * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
                double r = Double.isFinite(err[i]) && Double.isFinite(y1[i]) ? Math.abs(err[i] / sc) : Double.POSITIVE_INFINITY;
                if (r > worstValue) {
                    worstValue = r;
                    worst = i;
                }
            }
            throw new FixpointException("StepSizeUnderflow", name() + ": step size " + h + " underflowed at t = " + t
                    + "; component '" + sys.componentName(worst) + "' (index " + worst + ", value " + y0[worst]
                    + ") dominates the error estimate (scaled error " + worstValue + "). The problem may be stiff "
                    + "(use rodas4), ill-posed, or its right-hand side not finite there.");
        }
    }

    final void checkSteps(long attempts, double t) {
        if (attempts > options.maxSteps()) {
            throw new FixpointException("MaxSteps", name() + ": more than " + options.maxSteps() + " steps before reaching the "
                    + "end time; stopped at t = " + t + ". Increase maxSteps or check the model for stiffness.");
        }
    }

    static void checkInterval(double t0, double t1) {
        if (!(t1 > t0) || !Double.isFinite(t1) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("[fixpoint/TimeInterval] need finite t1 > t0, got t0=" + t0 + " t1=" + t1);
        }
    }
}
