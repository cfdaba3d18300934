package dev.fixpoint.autodiff.optim;

/**
 * A line search for the strong Wolfe conditions: bracketing followed by zoom (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithms 3.5 and 3.6), with safeguarded cubic
 * interpolation as in PyTorch's {@code _strong_wolfe}. A trial point where the value or the gradient
 * is not finite is treated as a step that is too long (the interval shrinks towards the last good point).
 *
 * <p>The accepted point is always the last one evaluated, so the caller's {@code xNew}/{@code gNew}
 * buffers hold it on success. After {@link #search}, the fields describe the outcome; nothing is allocated.
 */
final class StrongWolfeLineSearch {
    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    /** Outcome of the last search. */
    boolean accepted;
    double step;
    double value;
    double slope;
    int evaluations;
    /** First trial step with a non-finite value or gradient, NaN if none. */
    double nonFiniteStep;
    String failure;

    StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Searches along {@code d} from {@code x} (value {@code f0}, slope {@code slope0 < 0}).
     *
     * @param xNew   work/output: the trial point, the accepted point on success
     * @param gNew   work/output: its gradient
     * @param budget the most evaluations this search may use
     * @return whether a step satisfying the strong Wolfe conditions was found
     */
    boolean search(Objective f, double[] x, double f0, double slope0, double[] d, double t0,
                   double[] xNew, double[] gNew, int budget) {
        accepted = false;
        evaluations = 0;
        nonFiniteStep = Double.NaN;
        failure = null;
        int limit = Math.min(budget, maxEvaluations);
        double dMax = 0;
        double xMax = 1;
        for (int i = 0; i < d.length; i++) {
            dMax = Math.max(dMax, Math.abs(d[i]));
            xMax = Math.max(xMax, Math.abs(x[i]));
        }
        double curvature = -c2 * slope0;

        // ---- bracketing phase
        double tPrev = 0;
        double fPrev = f0;
        double sPrev = slope0;
        double t = t0;
        double lo;
        double fLo;
        double sLo;
        double hi;
        double fHi;
        double sHi;
        while (true) {
            if (evaluations >= limit) {
                failure = "no acceptable step within " + evaluations + " evaluations (bracketing, last step " + t + ")";
                return false;
            }
            evaluate(f, x, d, t, xNew, gNew);
            boolean finite = Double.isFinite(value) && Double.isFinite(slope);
            if (!finite || value > f0 + c1 * t * slope0 || (evaluations > 1 && value >= fPrev)) {
                lo = tPrev;
                fLo = fPrev;
                sLo = sPrev;
                hi = t;
                fHi = finite ? value : Double.POSITIVE_INFINITY;
                sHi = finite ? slope : Double.NaN;
                break;
            }
            if (Math.abs(slope) <= curvature) {
                accepted = true;
                step = t;
                return true;
            }
            if (slope >= 0) {
                lo = t;
                fLo = value;
                sLo = slope;
                hi = tPrev;
                fHi = fPrev;
                sHi = sPrev;
                break;
            }
            double next = cubicMinimizer(tPrev, fPrev, sPrev, t, value, slope, t + 0.01 * (t - tPrev), 10 * t);
            tPrev = t;
            fPrev = value;
            sPrev = slope;
            t = next;
        }

        // ---- zoom phase: lo satisfies sufficient decrease with the lowest value so far
        boolean insufficientProgress = false;
        while (true) {
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            double width = right - left;
            if (width * dMax <= 1e-16 * xMax) {
                failure = "the bracket [" + left + ", " + right + "] shrank below round-off of x";
                return false;
            }
            if (evaluations >= limit) {
                failure = "no acceptable step within " + evaluations + " evaluations (zoom, bracket [" + left + ", " + right + "])";
                return false;
            }
            double t2 = Double.isFinite(fHi) && Double.isFinite(sHi)
                    ? cubicMinimizer(lo, fLo, sLo, hi, fHi, sHi, left, right)
                    : 0.5 * (lo + hi);
            double margin = 0.1 * width;
            if (Math.min(right - t2, t2 - left) < margin) {
                if (insufficientProgress || t2 >= right || t2 <= left) {
                    t2 = Math.abs(t2 - right) < Math.abs(t2 - left) ? right - margin : left + margin;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            evaluate(f, x, d, t2, xNew, gNew);
            boolean finite = Double.isFinite(value) && Double.isFinite(slope);
            if (!finite || value > f0 + c1 * t2 * slope0 || value >= fLo) {
                hi = t2;
                fHi = finite ? value : Double.POSITIVE_INFINITY;
                sHi = finite ? slope : Double.NaN;
            } else {
                if (Math.abs(slope) <= curvature) {
                    accepted = true;
                    step = t2;
                    return true;
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    sHi = sLo;
                }
                lo = t2;
                fLo = value;
                sLo = slope;
            }
        }
    }

    private void evaluate(Objective f, double[] x, double[] d, double t, double[] xNew, double[] gNew) {
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + t * d[i];
        }
        value = f.evaluate(xNew, gNew);
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += gNew[i] * d[i];
        }
        slope = s;
        evaluations++;
        if (!(Double.isFinite(value) && Double.isFinite(slope)) && Double.isNaN(nonFiniteStep)) {
            nonFiniteStep = t;
        }
    }

    /**
     * The minimiser of the cubic through {@code (t1, f1, s1)} and {@code (t2, f2, s2)}, clamped to
     * {@code [lower, upper]}; the middle of the bounds if the cubic has no minimiser.
     */
    static double cubicMinimizer(double t1, double f1, double s1, double t2, double f2, double s2,
                                 double lower, double upper) {
        double lo = Math.min(lower, upper);
        double hi = Math.max(lower, upper);
        double d1 = s1 + s2 - 3 * (f1 - f2) / (t1 - t2);
        double d2sq = d1 * d1 - s1 * s2;
        if (d2sq >= 0) {
            double d2 = Math.sqrt(d2sq);
            double m = t1 <= t2
                    ? t2 - (t2 - t1) * ((s2 + d2 - d1) / (s2 - s1 + 2 * d2))
                    : t1 - (t1 - t2) * ((s1 + d2 - d1) / (s1 - s2 + 2 * d2));
            if (Double.isFinite(m)) {
                return Math.min(Math.max(m, lo), hi);
            }
        }
        return 0.5 * (lo + hi);
    }
}
