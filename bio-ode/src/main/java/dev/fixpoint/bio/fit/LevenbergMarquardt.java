package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Levenberg–Marquardt for bound-constrained nonlinear least squares, min ½‖r(x)‖² + c on a box.
 *
 * <p>Each iteration solves the damped normal equations (JᵀJ + μD) h = −Jᵀr on the <em>free</em> variables with a
 * dense Cholesky factorisation, where D = diag(JᵀJ) <em>at the current point</em> is Marquardt's scaling (floored at
 * 10⁻¹² of its largest entry), so the method is invariant to the scaling of the variables. MINPACK's running maximum
 * of the column norms is deliberately not used: when a column is huge early on (on PEtab problems the σ columns while
 * σ is near its lower bound, or any column at one wild trial point) the running maximum keeps that variable damped by
 * its first Jacobian for the rest of the run and the iteration crawls (Boehm_JProteomeRes2014: 1000 iterations ended
 * at NLL 5·10⁸ from a start this scaling takes to a local optimum in 70). Variables whose bound is within
 * ε = min(10⁻³, ‖P(x − Jᵀr) − x‖∞) and whose gradient points out of the box are held on that bound. The step is
 * projected onto the box; the gain ratio ρ = actual / predicted decrease (predicted from the linear model along the
 * projected step) drives Nielsen's damping update: ρ &gt; 0 accepts and sets μ ← μ·max(1/3, 1 − (2ρ − 1)³), ν ← 2;
 * otherwise μ ← μν, ν ← 2ν. A trial point evaluates the residuals only; the Jacobian is evaluated once the step is
 * accepted (a trial whose residuals or Jacobian throw or are not finite is rejected like a step with ρ ≤ 0), so a
 * rejected step costs one residual evaluation, not a sensitivity solve.
 *
 * <p>Stops on the projected-gradient norm ({@link OptimizerStatus#CONVERGED_GRADIENT}), the relative decrease of an
 * accepted step ({@link OptimizerStatus#CONVERGED_VALUE}), the relative step ‖Δx‖₂ ≤ xtol·(‖x‖₂ + xtol) of an accepted
 * step ({@link OptimizerStatus#CONVERGED_STEP}, xtol = {@link OptimizerOptions#stepTolerance()}), a predicted decrease
 * below 10⁻¹⁵·½‖r‖² (no progress possible in floating point; {@link OptimizerStatus#CONVERGED_VALUE}), the iteration
 * and evaluation limits (every residual evaluation, with or without Jacobian, counts as one), or μ &gt; 10²⁰
 * ({@link OptimizerStatus#FAILED}). Per-trial μ, ρ, step norms and the number of free variables are logged at DEBUG.
 *
 * <p>As an {@link Optimizer} it accepts only a {@link LeastSquaresObjective}; any other problem is rejected with
 * {@code [fixpoint/NotLeastSquares]}. Stateless: one instance may serve several threads.
 */
public final class LevenbergMarquardt implements Optimizer {

    private static final Logger LOG = LoggerFactory.getLogger(LevenbergMarquardt.class);
    private static final double ACTIVE_EPS = 1e-3;
    private static final double MAX_DAMPING = 1e20;
    private static final double ROUNDING = 1e-15;

    private final OptimizerOptions options;
    private final boolean runningMax;

    /** Levenberg–Marquardt with {@link OptimizerOptions#defaults()}. */
    public LevenbergMarquardt() {
        this(OptimizerOptions.defaults());
    }

    /** @param options stopping rules */
    public LevenbergMarquardt(OptimizerOptions options) {
        this(options, false);
    }

    /**
     * @param options    stopping rules
     * @param runningMax true for MINPACK's scaling D = running maximum of diag(JᵀJ) (kept for comparison: one wild
     *                   Jacobian freezes a variable for the rest of the run), false for the current diag(JᵀJ)
     */
    LevenbergMarquardt(OptimizerOptions options, boolean runningMax) {
        this.options = Objects.requireNonNull(options, "options");
        this.runningMax = runningMax;
    }

    /** @return the stopping rules */
    public OptimizerOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * @throws FixpointException {@code [fixpoint/NotLeastSquares]} if {@code problem} is not a {@link LeastSquaresObjective}
     */
    @Override
    public OptimizerResult minimize(BoundedProblem problem, double[] x0) {
        if (problem instanceof LeastSquaresObjective ls) {
            return minimize(ls.leastSquares(), x0);
        }
        throw new FixpointException("NotLeastSquares", "Levenberg–Marquardt needs residuals, but the problem is a "
                + problem.getClass().getName() + "; wrap a LeastSquaresProblem in LeastSquaresObjective or use ProjectedLbfgs");
    }

    /**
     * Minimises ½‖r(x)‖² + c from x0.
     *
     * @param problem the residual problem; evaluated from the calling thread only
     * @param x0      start, length n; not modified; projected onto the bounds if outside
     * @return the result; its value includes the problem's constant c
     */
    public OptimizerResult minimize(LeastSquaresProblem problem, double[] x0) {
        return new Run(problem, x0).run();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** The state of one minimisation (buffers allocated once). */
    private final class Run {
        final LeastSquaresProblem p;
        final int n;
        final int m;
        final double[] lo;
        final double[] up;
        final double constant;
        double[] x;
        double[] r;
        double[][] jac;
        double[] xNew;
        double[] rNew;
        double[][] jacNew;
        final double[][] jtj;
        final double[] grad;
        final double[] scale;
        final double[][] system;
        final double[] rhs;
        final double[] h;
        final int[] freeIndex;
        final boolean[] free;
        int evaluations;
        int iterations;
        double cost;

        Run(LeastSquaresProblem problem, double[] x0) {
            p = problem;
            n = problem.dimension();
            m = problem.residualCount();
            lo = problem.lower();
            up = problem.upper();
            constant = problem.constant();
            if (m < 1) {
                throw new FixpointException("InvalidProblem", "residual count = " + m + ", expected ≥ 1");
            }
            x = Box.start(n, lo, up, x0);
            r = new double[m];
            jac = new double[m][n];
            xNew = new double[n];
            rNew = new double[m];
            jacNew = new double[m][n];
            jtj = new double[n][n];
            grad = new double[n];
            scale = new double[n];
            system = new double[n][n];
            rhs = new double[n];
            h = new double[n];
            freeIndex = new int[n];
            free = new boolean[n];
        }

        /**
         * Residuals at {@code at} into {@code res}, and the Jacobian into {@code j} unless it is null.
         *
         * @return ½‖r‖², or NaN if the problem threw or gave non-finite numbers (reason in {@link #lastError})
         */
        double evaluate(double[] at, double[] res, double[][] j) {
            evaluations++;
            try {
                p.residuals(at, res, j);
            } catch (RuntimeException e) {
                lastError = Box.describe(e);
                return Double.NaN;
            }
            double s = 0;
            for (double v : res) {
                s += v * v;
            }
            for (int k = 0; j != null && k < m; k++) {
                if (!ProjectedLbfgs.finite(j[k])) {
                    lastError = "Jacobian is not finite";
                    return Double.NaN;
                }
            }
            if (!Double.isFinite(s)) {
                lastError = "residuals are not finite";
            }
            return 0.5 * s;
        }

        String lastError = "";

        OptimizerResult run() {
            cost = evaluate(x, r, jac);
            if (!Double.isFinite(cost)) {
                return new OptimizerResult(x.clone(), Double.NaN, Double.NaN, 0, evaluations, OptimizerStatus.FAILED,
                        "residuals cannot be evaluated at the start: " + lastError);
            }
            normalEquations();
            double mu = 1e-3;
            double nu = 2;
            StoppingRules stopping = new StoppingRules(options);
            while (true) {
                double pg = Box.projectedGradientNorm(x, grad, lo, up);
                StoppingRules.Stop stop = stopping.check(pg, iterations, evaluations);
                if (stop != null) {
                    return result(pg, stop.status(), stop.message());
                }
                if (mu > MAX_DAMPING) {
                    return result(pg, OptimizerStatus.FAILED, "damping μ grew beyond " + MAX_DAMPING
                            + " without a decrease at iteration " + iterations + " (projected gradient norm " + pg
                            + (lastError.isEmpty() ? "" : "; last trial: " + lastError) + ")");
                }
                if (!step(mu, Math.min(ACTIVE_EPS, pg))) {
                    mu *= nu;
                    nu *= 2;
                    continue;
                }
                double predicted = predictedDecrease();
                if (predicted >= 0 && predicted <= ROUNDING * cost) {
                    return result(pg, OptimizerStatus.CONVERGED_VALUE, "predicted decrease " + predicted
                            + " is below the rounding of the objective at iteration " + iterations
                            + " (projected gradient norm " + pg + ")");
                }
                double newCost = predicted > 0 ? evaluate(xNew, rNew, null) : Double.NaN;
                double rho = Double.isFinite(newCost) ? (cost - newCost) / predicted : -1;
                if (LOG.isDebugEnabled()) {
                    trace(mu, rho, newCost, pg);
                }
                if (rho > 0 && Double.isFinite(evaluate(xNew, rNew, jacNew))) {
                    stopping.acceptedDecrease((cost - newCost) / Math.max(1.0, Math.max(Math.abs(cost + constant),
                            Math.abs(newCost + constant))));
                    stopping.acceptedStep(norm(h), norm(xNew));
                    swap();
                    cost = newCost;
                    normalEquations();
                    iterations++;
                    double t = 2 * rho - 1;
                    mu *= Math.max(1.0 / 3.0, 1 - t * t * t);
                    nu = 2;
                } else {
                    mu *= nu;
                    nu *= 2;
                }
            }
        }

        /** JᵀJ, Jᵀr and the Marquardt scaling D = diag(JᵀJ) at x. */
        void normalEquations() {
            for (int a = 0; a < n; a++) {
                java.util.Arrays.fill(jtj[a], 0.0);
            }
            java.util.Arrays.fill(grad, 0.0);
            for (int k = 0; k < m; k++) {
                double[] row = jac[k];
                double rk = r[k];
                for (int a = 0; a < n; a++) {
                    double ra = row[a];
                    if (ra == 0) {
                        continue;
                    }
                    grad[a] += ra * rk;
                    double[] out = jtj[a];
                    for (int b = 0; b <= a; b++) {
                        out[b] += ra * row[b];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    jtj[b][a] = jtj[a][b];
                }
                scale[a] = runningMax ? Math.max(scale[a], jtj[a][a]) : jtj[a][a];
            }
        }

        /** Damped step on the free variables into xNew (projected). @return false if the system is not SPD */
        boolean step(double mu, double eps) {
            int k = 0;
            double maxScale = 0;
            for (int a = 0; a < n; a++) {
                maxScale = Math.max(maxScale, scale[a]);
            }
            double floor = Math.max(maxScale * 1e-12, 1e-300);
            for (int a = 0; a < n; a++) {
                boolean atLower = x[a] <= lo[a] + eps && grad[a] > 0;
                boolean atUpper = x[a] >= up[a] - eps && grad[a] < 0;
                free[a] = !(atLower || atUpper);
                h[a] = atLower ? lo[a] - x[a] : atUpper ? up[a] - x[a] : 0.0;
                if (free[a]) {
                    freeIndex[k++] = a;
                }
            }
            for (int i = 0; i < k; i++) {
                int a = freeIndex[i];
                for (int j = 0; j < k; j++) {
                    system[i][j] = jtj[a][freeIndex[j]];
                }
                system[i][i] += mu * Math.max(scale[a], floor);
                double fixedCoupling = 0;
                for (int b = 0; b < n; b++) {
                    if (!free[b] && h[b] != 0) {
                        fixedCoupling += jtj[a][b] * h[b];
                    }
                }
                rhs[i] = -grad[a] - fixedCoupling;
            }
            if (k > 0 && !DenseCholesky.solve(system, rhs, k)) {
                return false;
            }
            for (int i = 0; i < k; i++) {
                h[freeIndex[i]] = rhs[i];
            }
            boolean moved = false;
            for (int a = 0; a < n; a++) {
                xNew[a] = Math.min(up[a], Math.max(lo[a], x[a] + h[a]));
                h[a] = xNew[a] - x[a];
                moved |= h[a] != 0;
            }
            return moved;
        }

        /** −gᵀh − ½‖Jh‖² for the projected step h = xNew − x. */
        double predictedDecrease() {
            double gh = 0;
            for (int a = 0; a < n; a++) {
                gh += grad[a] * h[a];
            }
            double jh2 = 0;
            for (int q = 0; q < m; q++) {
                double[] row = jac[q];
                double v = 0;
                for (int a = 0; a < n; a++) {
                    v += row[a] * h[a];
                }
                jh2 += v * v;
            }
            return -gh - 0.5 * jh2;
        }

        /** DEBUG line for one trial: μ, ρ, ‖h‖, ‖D^½h‖, free variables, and D_a / (JᵀJ)_aa per variable. */
        void trace(double mu, double rho, double newCost, double pg) {
            double hn = 0;
            double sc = 0;
            int nf = 0;
            StringBuilder ratio = new StringBuilder();
            for (int a = 0; a < n; a++) {
                hn += h[a] * h[a];
                sc += scale[a] * h[a] * h[a];
                nf += free[a] ? 1 : 0;
                ratio.append(String.format(" %.1e", scale[a] / Math.max(jtj[a][a], 1e-300)));
            }
            LOG.debug(String.format("it %d ev %d f %.6g new %.6g mu %.3e rho %.3f |h| %.3e |D^½h| %.3e free %d pg %.3e D/diag%s",
                    iterations, evaluations, cost + constant, newCost + constant, mu, rho, Math.sqrt(hn), Math.sqrt(sc),
                    nf, pg, ratio));
        }

        void swap() {
            double[] t = x;
            x = xNew;
            xNew = t;
            t = r;
            r = rNew;
            rNew = t;
            double[][] tj = jac;
            jac = jacNew;
            jacNew = tj;
        }

        OptimizerResult result(double pg, OptimizerStatus status, String message) {
            return new OptimizerResult(x.clone(), cost + constant, pg, iterations, evaluations, status, message);
        }
    }
}
