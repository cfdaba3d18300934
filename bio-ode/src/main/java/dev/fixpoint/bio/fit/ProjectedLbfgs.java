package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;

/**
 * Limited-memory BFGS with box constraints, in the style of L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995) but with
 * the simpler projected active-set step of Bertsekas (1982) instead of the generalised Cauchy point:
 * <ol>
 *   <li>the variables whose bound is within ε = min(10⁻³, ‖P(x − ∇f) − x‖∞) and whose gradient points out of the box
 *       are <em>fixed</em> for this iteration and move along −γ∇f (so the projection puts them on the bound);</li>
 *   <li>the <em>free</em> variables get the quasi-Newton direction −H∇f from the two-loop recursion over the last
 *       {@code memory} curvature pairs restricted to the free variables, with H₀ = γI, γ = sᵀy / yᵀy;</li>
 *   <li>a projected backtracking line search along x(α) = P(x + αd) accepts the first α with the Armijo condition
 *       f(x(α)) ≤ f(x) + 10⁻⁴ ∇f(x)ᵀ(x(α) − x), shrinking by safeguarded quadratic interpolation; an objective that
 *       throws or returns NaN/∞ means "step too long" and shrinks α by 4;</li>
 *   <li>a curvature pair is stored only when sᵀy &gt; 2.2·10⁻¹⁶ yᵀy (otherwise skipped); when the quasi-Newton
 *       direction is not a descent direction or its line search fails, the memory is cleared and the step is
 *       retried along the scaled steepest descent.</li>
 * </ol>
 * Stops on the projected-gradient max-norm, the relative value change, the iteration and evaluation limits
 * ({@link OptimizerOptions}). Stateless: one instance may serve several threads (each with its own problem).
 */
public final class ProjectedLbfgs implements Optimizer {

    private static final double ARMIJO = 1e-4;
    private static final double CURVATURE_EPS = 2.2e-16;
    private static final double ACTIVE_EPS = 1e-3;
    private static final int MAX_BACKTRACKS = 40;

    private final OptimizerOptions options;
    private final int memory;

    /** L-BFGS with {@link OptimizerOptions#defaults()} and memory 10. */
    public ProjectedLbfgs() {
        this(OptimizerOptions.defaults(), 10);
    }

    /**
     * @param options stopping rules
     * @param memory  number of curvature pairs kept (1 … 100; 5–20 is usual)
     */
    public ProjectedLbfgs(OptimizerOptions options, int memory) {
        if (memory < 1 || memory > 100) {
            throw new FixpointException("InvalidOption", "L-BFGS memory = " + memory + ", expected 1 … 100");
        }
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.memory = memory;
    }

    /** @return the stopping rules */
    public OptimizerOptions options() {
        return options;
    }

    @Override
    public OptimizerResult minimize(BoundedProblem problem, double[] x0) {
        return new Run(problem, x0).run();
    }

    /** The state of one minimisation (buffers allocated once). */
    private final class Run {
        final BoundedProblem p;
        final int n;
        final double[] lo;
        final double[] up;
        final double[] x;
        final double[] g;
        final double[] d;
        final double[] xNew;
        final double[] gNew;
        final boolean[] free;
        final double[][] s;
        final double[][] y;
        final double[] alpha;
        final double[] syFree;
        int head;
        int count;
        int evaluations;
        int iterations;
        double f;
        double gamma;

        Run(BoundedProblem problem, double[] x0) {
            p = problem;
            n = problem.dimension();
            lo = problem.lower();
            up = problem.upper();
            x = Box.start(n, lo, up, x0);
            g = new double[n];
            d = new double[n];
            xNew = new double[n];
            gNew = new double[n];
            free = new boolean[n];
            s = new double[memory][n];
            y = new double[memory][n];
            alpha = new double[memory];
            syFree = new double[memory];
        }

        OptimizerResult run() {
            try {
                evaluations++;
                f = p.valueAndGradient(x, g);
            } catch (RuntimeException e) {
                return new OptimizerResult(x.clone(), Double.NaN, Double.NaN, 0, evaluations, OptimizerStatus.FAILED,
                        "objective threw at the start: " + Box.describe(e));
            }
            if (!Double.isFinite(f) || !finite(g)) {
                return new OptimizerResult(x.clone(), f, Double.NaN, 0, evaluations, OptimizerStatus.FAILED,
                        "objective or gradient is not finite at the start (value = " + f + ")");
            }
            StoppingRules stopping = new StoppingRules(options); // no step rule: L-BFGS stops on gradient and value
            while (true) {
                double pg = Box.projectedGradientNorm(x, g, lo, up);
                StoppingRules.Stop stop = stopping.check(pg, iterations, evaluations);
                if (stop != null) {
                    return result(pg, stop.status(), stop.message());
                }
                double eps = Math.min(ACTIVE_EPS, pg);
                for (int i = 0; i < n; i++) {
                    free[i] = !((x[i] <= lo[i] + eps && g[i] > 0) || (x[i] >= up[i] - eps && g[i] < 0));
                }
                boolean steepest = count == 0 || !quasiNewtonDirection();
                if (steepest) {
                    count = 0;
                    steepestDirection();
                }
                double fOld = f;
                boolean accepted = lineSearch();
                if (!accepted && !steepest) {
                    count = 0;
                    steepestDirection();
                    accepted = lineSearch();
                }
                if (!accepted) {
                    return result(pg, evaluations >= options.maxEvaluations() ? OptimizerStatus.MAX_ITERATIONS
                            : OptimizerStatus.FAILED, "line search found no decrease along the steepest-descent "
                            + "direction at iteration " + iterations + " (projected gradient norm " + pg + ")");
                }
                iterations++;
                storePair();
                System.arraycopy(xNew, 0, x, 0, n);
                System.arraycopy(gNew, 0, g, 0, n);
                stopping.acceptedDecrease((fOld - f) / Math.max(1.0, Math.max(Math.abs(fOld), Math.abs(f))));
            }
        }

        /** d = −γ∇f with γ from the last pair, or 1/‖∇f‖₂ without memory. */
        void steepestDirection() {
            double scale = gamma;
            if (count == 0) {
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += g[i] * g[i];
                }
                scale = 1.0 / Math.max(Math.sqrt(norm), 1e-300);
            }
            for (int i = 0; i < n; i++) {
                d[i] = -scale * g[i];
            }
        }

        /** Two-loop recursion on the free variables; fixed ones get −γg. @return false if d is not a descent direction */
        boolean quasiNewtonDirection() {
            for (int i = 0; i < n; i++) {
                d[i] = free[i] ? g[i] : 0.0;
            }
            for (int k = count - 1; k >= 0; k--) {
                int j = (head + k) % memory;
                double sy = 0;
                double sq = 0;
                double[] sj = s[j];
                double[] yj = y[j];
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        sy += sj[i] * yj[i];
                        sq += sj[i] * d[i];
                    }
                }
                syFree[j] = sy;
                if (!(sy > 1e-300)) {
                    alpha[j] = 0;
                    continue;
                }
                alpha[j] = sq / sy;
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        d[i] -= alpha[j] * yj[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int k = 0; k < count; k++) {
                int j = (head + k) % memory;
                double sy = syFree[j];
                if (!(sy > 1e-300)) {
                    continue;
                }
                double[] sj = s[j];
                double[] yj = y[j];
                double yr = 0;
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        yr += yj[i] * d[i];
                    }
                }
                double beta = yr / sy;
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        d[i] += sj[i] * (alpha[j] - beta);
                    }
                }
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                d[i] = free[i] ? -d[i] : -gamma * g[i];
                slope += g[i] * d[i];
            }
            return slope < 0 && finite(d);
        }

        /** Projected backtracking; on success xNew, gNew and f hold the accepted point. */
        boolean lineSearch() {
            double a = 1.0;
            for (int t = 0; t < MAX_BACKTRACKS && evaluations < options.maxEvaluations(); t++) {
                double decrease = 0;
                boolean moved = false;
                for (int i = 0; i < n; i++) {
                    double xi = Math.min(up[i], Math.max(lo[i], x[i] + a * d[i]));
                    xNew[i] = xi;
                    moved |= xi != x[i];
                    decrease += g[i] * (xi - x[i]);
                }
                if (!moved || !(decrease < 0)) {
                    return false;
                }
                double fTrial;
                try {
                    evaluations++;
                    fTrial = p.valueAndGradient(xNew, gNew);
                } catch (RuntimeException e) {
                    a *= 0.25;
                    continue;
                }
                if (!Double.isFinite(fTrial) || !finite(gNew)) {
                    a *= 0.25;
                    continue;
                }
                if (fTrial <= f + ARMIJO * decrease) {
                    f = fTrial;
                    return true;
                }
                double curvature = fTrial - f - decrease;
                double shrink = curvature > 0 ? -decrease / (2 * curvature) : 0.5;
                a *= Math.min(0.5, Math.max(0.1, shrink));
            }
            return false;
        }

        void storePair() {
            int j = count < memory ? (head + count) % memory : head;
            double sy = 0;
            double yy = 0;
            double[] sj = s[j];
            double[] yj = y[j];
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                sy += si * yi;
                yy += yi * yi;
            }
            if (!(sy > CURVATURE_EPS * yy) || yy == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                sj[i] = xNew[i] - x[i];
                yj[i] = gNew[i] - g[i];
            }
            if (count < memory) {
                count++;
            } else {
                head = (head + 1) % memory;
            }
            gamma = sy / yy;
        }

        OptimizerResult result(double pg, OptimizerStatus status, String message) {
            return new OptimizerResult(x.clone(), f, pg, iterations, evaluations, status, message);
        }
    }

    static boolean finite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
