package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, Algorithm 7.5) with a
 * strong-Wolfe line search (bracketing and zoom with cubic interpolation; {@code c1 = 1e-4},
 * {@code c2 = 0.9} by default). The inverse-Hessian approximation is the two-loop recursion over the
 * last {@code m} pairs {@code (s, y)}, scaled by {@code γ = sᵀy / yᵀy}; pairs with {@code sᵀy ≤ 0}
 * are skipped. The first step (and any restart after a non-descent direction) is steepest descent
 * with length {@code min(1, 1/‖g‖)}; later ones try {@code t = 1} first.
 *
 * <p>Stops with {@link LbfgsStatus#CONVERGED} when {@code ‖∇f‖₂ ≤ gradientTolerance} or when
 * {@code (f_prev − f) ≤ functionTolerance · max(|f_prev|, |f|, 1)} (0 disables this test); otherwise with the limit that was
 * reached, a line-search failure, or {@link LbfgsStatus#NON_FINITE} when the objective returned NaN/Inf
 * and no finite acceptable step exists (the reason names the iteration and the step). A NaN/Inf at the
 * starting point stops at once. The result always holds the last accepted (finite) iterate.
 *
 * <p>Memory: {@code 2m + 6} vectors of length {@code n}, allocated once per run; iterations allocate
 * only their history entries. An instance holds settings only and may be reused and shared.
 *
 * <pre>{@code
 * LbfgsResult r = Lbfgs.builder().gradientTolerance(1e-8).maxIterations(500).build()
 *         .minimize(Objective.taped(Rosenbrock::value, n), x0);
 * }</pre>
 */
public final class Lbfgs {
    private final int history;
    private final double gradientTolerance;
    private final double functionTolerance;
    private final int maxIterations;
    private final int maxEvaluations;
    private final int maxLineSearchEvaluations;
    private final double c1;
    private final double c2;
    private final LbfgsObserver observer;

    private Lbfgs(Builder b) {
        this.history = b.history;
        this.gradientTolerance = b.gradientTolerance;
        this.functionTolerance = b.functionTolerance;
        this.maxIterations = b.maxIterations;
        this.maxEvaluations = b.maxEvaluations;
        this.maxLineSearchEvaluations = b.maxLineSearchEvaluations;
        this.c1 = b.c1;
        this.c2 = b.c2;
        this.observer = b.observer;
    }

    /** @return a builder with the defaults (m = 10, ‖g‖ ≤ 1e-5, relative Δf ≤ 1e-12, 1000 iterations) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Minimises {@code f} from {@code x0} (not modified).
     *
     * @return the result; never throws for NaN/Inf or non-convergence (see the status)
     */
    public LbfgsResult minimize(Objective f, double[] x0) {
        Objects.requireNonNull(f, "f");
        return new Run(f, x0.clone()).execute();
    }

    /**
     * Minimises a loss over a parameter set's flat vector, starting from the current values: the loss
     * is recorded on a fresh tape per evaluation (see {@link Objective#taped(ParameterSet, Function)}).
     * At the end the parameters <b>hold</b> the result's {@code x} and their gradients its gradient.
     */
    public LbfgsResult minimize(ParameterSet parameters, Function<Tape, Var> loss) {
        LbfgsResult r = minimize(Objective.taped(parameters, loss), parameters.flatten());
        parameters.assign(r.x());
        parameters.zeroGrad();
        int pos = 0;
        for (var p : parameters) {
            var g = p.grad();
            System.arraycopy(r.gradient(), pos, g.data(), g.offset(), g.size());
            pos += g.size();
        }
        return r;
    }

    /** The state of one run. */
    private final class Run {
        private final Objective f;
        private final int n;
        private double[] x;
        private double[] g;
        private double[] xNew;
        private double[] gNew;
        private final double[] d;
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private int stored;      // pairs in memory
        private int newest = -1; // slot of the newest pair
        private double gamma = 1;
        private double value;
        private double gnorm;
        private int iterations;
        private int evaluations;
        private double[] values = new double[16];
        private double[] gnorms = new double[16];
        private final List<LineSearchStep> steps = new ArrayList<>();

        Run(Objective f, double[] x0) {
            this.f = f;
            this.n = x0.length;
            this.x = x0;
            this.g = new double[n];
            this.xNew = new double[n];
            this.gNew = new double[n];
            this.d = new double[n];
            this.s = new double[history][n];
            this.y = new double[history][n];
            this.rho = new double[history];
            this.alpha = new double[history];
        }

        LbfgsResult execute() {
            value = f.evaluate(x, g);
            evaluations = 1;
            gnorm = norm(g);
            if (!Double.isFinite(value) || !Double.isFinite(gnorm)) {
                return result(LbfgsStatus.NON_FINITE, "the objective is not finite at the starting point (iteration 0): f = "
                        + value + ", |g| = " + gnorm);
            }
            record();
            observer.started(x, value, g);
            if (gnorm <= gradientTolerance) {
                return result(LbfgsStatus.CONVERGED, "gradient norm " + gnorm + " ≤ " + gradientTolerance + " at the start");
            }
            StrongWolfeLineSearch search = new StrongWolfeLineSearch(c1, c2, maxLineSearchEvaluations);
            while (iterations < maxIterations) {
                int k = iterations + 1;
                double slope0 = direction();
                boolean restart = stored == 0;
                if (!(slope0 < 0)) {      // not a descent direction (round-off): restart from steepest descent
                    stored = 0;
                    gamma = 1;
                    restart = true;
                    slope0 = steepestDescent();
                }
                double t0 = restart ? Math.min(1.0, 1.0 / gnorm) : 1.0;
                if (evaluations >= maxEvaluations) {
                    return result(LbfgsStatus.MAX_EVALUATIONS, "evaluation limit " + maxEvaluations + " reached before iteration " + k);
                }
                boolean ok = search.search(f, x, value, slope0, d, t0, xNew, gNew, maxEvaluations - evaluations);
                evaluations += search.evaluations;
                if (!ok) {
                    if (!Double.isNaN(search.nonFiniteStep)) {
                        return result(LbfgsStatus.NON_FINITE, "iteration " + k + ": the objective returned NaN/Inf at trial step "
                                + search.nonFiniteStep + " and the line search found no acceptable finite step: " + search.failure);
                    }
                    if (evaluations >= maxEvaluations) {
                        return result(LbfgsStatus.MAX_EVALUATIONS, "evaluation limit " + maxEvaluations
                                + " reached in the line search of iteration " + k);
                    }
                    return result(LbfgsStatus.LINE_SEARCH_FAILED, "iteration " + k + ": " + search.failure
                            + " (|g| = " + gnorm + ")");
                }
                double previous = value;
                double previousSlope = slope0;
                storePair();
                double[] t = x;
                x = xNew;
                xNew = t;
                t = g;
                g = gNew;
                gNew = t;
                value = search.value;
                gnorm = norm(g);
                iterations = k;
                LineSearchStep step = new LineSearchStep(k, search.step, previous, previousSlope, search.value,
                        search.slope, search.evaluations);
                steps.add(step);
                record();
                observer.iterationDone(k, x, value, g, step);
                if (gnorm <= gradientTolerance) {
                    return result(LbfgsStatus.CONVERGED, "gradient norm " + gnorm + " ≤ " + gradientTolerance);
                }
                double change = previous - value;
                if (functionTolerance > 0
                        && change <= functionTolerance * Math.max(Math.max(Math.abs(previous), Math.abs(value)), 1.0)) {
                    return result(LbfgsStatus.CONVERGED, "relative function change " + change + " ≤ " + functionTolerance
                            + " (|g| = " + gnorm + ")");
                }
                if (evaluations >= maxEvaluations) {
                    return result(LbfgsStatus.MAX_EVALUATIONS, "evaluation limit " + maxEvaluations + " reached after iteration " + k
                            + " (|g| = " + gnorm + ")");
                }
            }
            return result(LbfgsStatus.MAX_ITERATIONS, "iteration limit " + maxIterations + " reached (|g| = " + gnorm + ")");
        }

        /** d ← −H·g by the two-loop recursion; @return gᵀd */
        private double direction() {
            for (int i = 0; i < n; i++) {
                d[i] = g[i];
            }
            int slot = newest;
            for (int k = 0; k < stored; k++) {
                double[] sk = s[slot];
                double[] yk = y[slot];
                double a = 0;
                for (int i = 0; i < n; i++) {
                    a += sk[i] * d[i];
                }
                a *= rho[slot];
                alpha[slot] = a;
                for (int i = 0; i < n; i++) {
                    d[i] -= a * yk[i];
                }
                slot = slot == 0 ? history - 1 : slot - 1;
            }
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int k = 0; k < stored; k++) {
                slot = slot == history - 1 ? 0 : slot + 1;
                double[] sk = s[slot];
                double[] yk = y[slot];
                double b = 0;
                for (int i = 0; i < n; i++) {
                    b += yk[i] * d[i];
                }
                b *= rho[slot];
                double c = alpha[slot] - b;
                for (int i = 0; i < n; i++) {
                    d[i] += c * sk[i];
                }
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
                slope += g[i] * d[i];
            }
            return slope;
        }

        private double steepestDescent() {
            double slope = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
                slope -= g[i] * g[i];
            }
            return slope;
        }

        /** Stores s = xNew − x, y = gNew − g in the slot after the newest, kept if the curvature sᵀy is positive. */
        private void storePair() {
            int slot = newest == history - 1 ? 0 : newest + 1;
            double[] sk = s[slot];
            double[] yk = y[slot];
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                sk[i] = si;
                yk[i] = yi;
                sy += si * yi;
                yy += yi * yi;
            }
            if (sy > 1e-10 * yy && yy > 0) {
                rho[slot] = 1 / sy;
                gamma = sy / yy;
                newest = slot;
                stored = Math.min(stored + 1, history);
            } else if (stored == history) {
                stored--; // the rejected pair overwrote the oldest one
            }
        }

        private void record() {
            if (iterations >= values.length) {
                values = Arrays.copyOf(values, 2 * values.length);
                gnorms = Arrays.copyOf(gnorms, 2 * gnorms.length);
            }
            values[iterations] = value;
            gnorms[iterations] = gnorm;
        }

        private LbfgsResult result(LbfgsStatus status, String reason) {
            int h = Double.isFinite(value) && Double.isFinite(gnorm) ? iterations + 1 : 0;
            return new LbfgsResult(status, reason, x.clone(), value, g.clone(), gnorm, iterations, evaluations,
                    Arrays.copyOf(values, h), Arrays.copyOf(gnorms, h), List.copyOf(steps));
        }
    }

    private static double norm(double[] v) {
        double ss = 0;
        for (double a : v) {
            ss += a * a;
        }
        return Math.sqrt(ss);
    }

    /** Settings of {@link Lbfgs}; each setter checks its range. */
    public static final class Builder {
        private int history = 10;
        private double gradientTolerance = 1e-5;
        private double functionTolerance = 1e-12;
        private int maxIterations = 1000;
        private int maxEvaluations = Integer.MAX_VALUE;
        private int maxLineSearchEvaluations = 25;
        private double c1 = 1e-4;
        private double c2 = 0.9;
        private LbfgsObserver observer = new LbfgsObserver() {
        };

        private Builder() {
        }

        /** @param m number of (s, y) pairs kept, {@code ≥ 1} (default 10) */
        public Builder history(int m) {
            this.history = Hyperparameters.atLeast("L-BFGS history size", m, 1);
            return this;
        }

        /** @param tol stop when {@code ‖∇f‖₂ ≤ tol}, {@code ≥ 0} (default 1e-5) */
        public Builder gradientTolerance(double tol) {
            this.gradientTolerance = Hyperparameters.nonNegative("gradient tolerance", tol);
            return this;
        }

        /** @param tol stop when the relative decrease of f is {@code ≤ tol}, {@code ≥ 0}; 0 disables it (default 1e-12) */
        public Builder functionTolerance(double tol) {
            this.functionTolerance = Hyperparameters.nonNegative("function tolerance", tol);
            return this;
        }

        /** @param max iteration limit, {@code ≥ 1} (default 1000) */
        public Builder maxIterations(int max) {
            this.maxIterations = Hyperparameters.atLeast("maximum iterations", max, 1);
            return this;
        }

        /** @param max limit on objective evaluations including line searches, {@code ≥ 1} (default unlimited) */
        public Builder maxEvaluations(int max) {
            this.maxEvaluations = Hyperparameters.atLeast("maximum evaluations", max, 1);
            return this;
        }

        /** @param max evaluations per line search, {@code ≥ 1} (default 25) */
        public Builder maxLineSearchEvaluations(int max) {
            this.maxLineSearchEvaluations = Hyperparameters.atLeast("maximum line-search evaluations", max, 1);
            return this;
        }

        /**
         * @param c1 sufficient-decrease constant, in {@code (0, c2)} (default 1e-4)
         * @param c2 curvature constant, in {@code (c1, 1)} (default 0.9)
         */
        public Builder wolfe(double c1, double c2) {
            if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
                throw new dev.fixpoint.core.FixpointException("BadHyperparameter", "Wolfe constants c1 = " + c1 + ", c2 = " + c2
                        + " are out of range; accepted: 0 < c1 < c2 < 1");
            }
            this.c1 = c1;
            this.c2 = c2;
            return this;
        }

        /** @param observer notified at the start and after each iteration */
        public Builder observer(LbfgsObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** @return the solver */
        public Lbfgs build() {
            return new Lbfgs(this);
        }
    }
}
