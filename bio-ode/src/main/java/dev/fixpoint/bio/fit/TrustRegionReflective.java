package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interior trust-region reflective method for box-constrained minimisation (Coleman and Li 1994, 1996), in the
 * style of Fides (Fröhlich and Sorger 2022), with a Gauss–Newton, structured-secant, hybrid or BFGS Hessian.
 *
 * <p>Each iteration works in the affine-scaled variables ŝ = D⁻¹p with D = diag(|v|^½), where v_i is the distance to
 * the bound the gradient points at (x_i − u_i if g_i &lt; 0, x_i − l_i if g_i ≥ 0; |v_i| = 1 when that bound is
 * infinite). The scaled model ψ(ŝ) = ĝᵀŝ + ½ ŝᵀ(DBD + C)ŝ with ĝ = Dg and C = diag(|g_i|) on variables with a finite
 * bound in the gradient's direction is minimised exactly on ‖ŝ‖ ≤ Δ ({@link TrustRegionSubproblem}, an
 * eigendecomposition, meant for n up to a few dozen). Iterates stay strictly inside the box: if the step p = Dŝ
 * leaves it, three candidates are compared by ψ — the step truncated at θ times the distance to the boundary
 * (θ = max(0.95, 1 − ‖P(x − g) − x‖∞)), the reflective step (move to the boundary, flip the components that hit it,
 * and minimise ψ along the reflected direction within the box and the trust region) and the scaled-gradient (Cauchy)
 * step within the box and the trust region. The ratio ρ = (f(x + p) − f(x) + ½ŝᵀCŝ) / ψ(ŝ) accepts the step when
 * ρ &gt; 0 and updates Δ: ρ &lt; ¼ gives Δ ← min(Δ/4, ‖ŝ‖/4); ρ &gt; ¾ with ‖ŝ‖ ≥ 0.9Δ gives Δ ← max(2Δ, 2‖ŝ‖);
 * Δ starts at 1.
 *
 * <p>Hessians ({@link Hessian}): for a {@link LeastSquaresObjective} the Gauss–Newton JᵀJ (default), or JᵀJ + A with
 * A a structured-secant (BFGS-type) correction for the residual curvature Σ r_k∇²r_k, updated from
 * y# = (J₊ − J)ᵀr₊ (Dennis, Gay and Welsch's choice) and sized by min(1, |sᵀy#| / |sᵀAs|) before each update
 * (Dennis and Walker), or the hybrid of both that switches from JᵀJ to JᵀJ + A once Gauss–Newton stalls (on
 * Boehm_JProteomeRes2014 pure GN crawls along curved valleys near local optima); for any other {@link BoundedProblem} a dense BFGS matrix
 * (scaled by yᵀy/sᵀy before its first update, pairs with sᵀy ≤ 10⁻¹²‖s‖‖y‖ skipped). For least squares a trial
 * point evaluates the residuals only; the Jacobian is computed once the step is accepted.
 *
 * <p>Stops on the projected-gradient max-norm ({@link OptimizerStatus#CONVERGED_GRADIENT}), the relative decrease of
 * an accepted step ({@link OptimizerStatus#CONVERGED_VALUE}), an accepted step ‖Δx‖₂ ≤ xtol·(‖x‖₂ + xtol) or a trust
 * radius that shrank below that size ({@link OptimizerStatus#CONVERGED_STEP}), the iteration and evaluation limits
 * ({@link OptimizerStatus#MAX_ITERATIONS}; every objective or residual evaluation counts). Stateless: one instance
 * may serve several threads.
 */
public final class TrustRegionReflective implements Optimizer {

    private static final Logger LOG = LoggerFactory.getLogger(TrustRegionReflective.class);
    private static final double ROUNDING = 2.2e-16;

    /** The model Hessian B. */
    public enum Hessian {
        /** JᵀJ from the residual Jacobian (least-squares problems; other problems fall back to {@link #BFGS}). */
        GAUSS_NEWTON,
        /** JᵀJ + A, A a BFGS-type structured-secant correction (least squares; otherwise {@link #BFGS}). */
        STRUCTURED_SECANT,
        /** A dense BFGS approximation from gradient differences (any problem). */
        BFGS,
        /**
         * Gauss–Newton until it stalls — the objective fell by less than 1 % (relative, floor 1) over the last
         * {@value TrustRegionReflective#STALL_WINDOW} accepted iterations — then JᵀJ + A as {@link #STRUCTURED_SECANT},
         * with A updated from the first iteration on (least squares; otherwise {@link #BFGS}).
         */
        HYBRID
    }

    /** Accepted iterations over which {@link Hessian#HYBRID} measures the decrease of Gauss–Newton. */
    static final int STALL_WINDOW = 10;
    private static final double STALL_DECREASE = 1e-2;

    private final OptimizerOptions options;
    private final Hessian hessian;

    /** Gauss–Newton (BFGS for non-least-squares problems) with {@link OptimizerOptions#defaults()}. */
    public TrustRegionReflective() {
        this(OptimizerOptions.defaults(), Hessian.GAUSS_NEWTON);
    }

    /** @param options stopping rules; Gauss–Newton Hessian (BFGS for non-least-squares problems) */
    public TrustRegionReflective(OptimizerOptions options) {
        this(options, Hessian.GAUSS_NEWTON);
    }

    /**
     * @param options stopping rules
     * @param hessian the model Hessian; GAUSS_NEWTON and STRUCTURED_SECANT need a {@link LeastSquaresObjective} and
     *                fall back to BFGS on other problems
     */
    public TrustRegionReflective(OptimizerOptions options, Hessian hessian) {
        this.options = Objects.requireNonNull(options, "options");
        this.hessian = Objects.requireNonNull(hessian, "hessian");
    }

    /** @return the stopping rules */
    public OptimizerOptions options() {
        return options;
    }

    /** @return the Hessian choice */
    public Hessian hessian() {
        return hessian;
    }

    /** {@inheritDoc} A {@link LeastSquaresObjective} is minimised on its residuals unless the Hessian is BFGS. */
    @Override
    public OptimizerResult minimize(BoundedProblem problem, double[] x0) {
        Objects.requireNonNull(problem, "problem");
        Box.check(problem);
        if (problem instanceof LeastSquaresObjective ls && hessian != Hessian.BFGS) {
            return minimize(ls.leastSquares(), x0);
        }
        return new Run(new Model.Gradient(problem), Hessian.BFGS, problem.lower(), problem.upper(), x0).run();
    }

    /**
     * Minimises ½‖r(x)‖² + c on the box from x0.
     *
     * @param problem the residual problem; evaluated from the calling thread only
     * @param x0      start, length n; not modified; projected onto the bounds (and moved just inside) if needed
     * @return the result; its value includes the constant c
     */
    public OptimizerResult minimize(LeastSquaresProblem problem, double[] x0) {
        Objects.requireNonNull(problem, "problem");
        Box.check(problem.dimension(), problem.lower(), problem.upper());
        if (problem.residualCount() < 1) {
            throw new FixpointException("InvalidProblem", "residual count = " + problem.residualCount()
                    + ", expected ≥ 1");
        }
        return new Run(new Model.Residuals(problem), hessian == Hessian.BFGS ? Hessian.GAUSS_NEWTON : hessian,
                problem.lower(), problem.upper(), x0).run();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** The state of one minimisation. */
    private final class Run {
        final Model model;
        final Hessian kind;
        final int n;
        final double[] lo;
        final double[] up;
        double[] x;
        double[] xNew;
        double[] g;
        double[] gNew;
        final double[][] b;
        final double[][] correction;
        final double[] v;
        final double[] d;
        final double[] c;
        final double[][] hs;
        final double[] gs;
        final double[] sHat;
        final double[] p;
        final double[] cand;
        final double[] dir;
        final double[] work;
        final double[] best;
        final double[] zero;
        double f;
        double delta = 1.0;
        int iterations;
        boolean bfgsScaled;
        boolean switched;
        final double[] history = new double[STALL_WINDOW + 1];

        Run(Model model, Hessian kind, double[] lower, double[] upper, double[] x0) {
            this.model = model;
            this.kind = kind;
            n = lower.length;
            lo = lower;
            up = upper;
            x = Box.start(n, lo, up, x0);
            xNew = new double[n];
            g = new double[n];
            gNew = new double[n];
            b = new double[n][n];
            correction = new double[n][n];
            v = new double[n];
            d = new double[n];
            c = new double[n];
            hs = new double[n][n];
            gs = new double[n];
            sHat = new double[n];
            p = new double[n];
            cand = new double[n];
            dir = new double[n];
            work = new double[n];
            best = new double[n];
            zero = new double[n];
            for (int i = 0; i < n; i++) {
                b[i][i] = 1.0;
            }
        }

        OptimizerResult run() {
            f = model.trial(x);
            if (Double.isFinite(f)) {
                f = model.accept(x, g);
                model.commit();
            }
            if (!Double.isFinite(f) || !ProjectedLbfgs.finite(g)) {
                return new OptimizerResult(x.clone(), Double.NaN, Double.NaN, 0, model.evaluations,
                        OptimizerStatus.FAILED, "objective cannot be evaluated at the start: " + model.lastError);
            }
            hessianAtAcceptedPoint();
            history[0] = f;
            StoppingRules stopping = new StoppingRules(options);
            while (true) {
                double pg = Box.projectedGradientNorm(x, g, lo, up);
                StoppingRules.Stop stop = stopping.check(pg, iterations, model.evaluations);
                if (stop != null) {
                    return result(pg, stop.status(), stop.message());
                }
                double theta = Math.max(0.95, 1 - pg);
                double predicted = step(theta);
                double xNorm = norm(x);
                double xtol = Math.max(options.stepTolerance() * (xNorm + options.stepTolerance()),
                        ROUNDING * (xNorm + 1));
                if (delta * maxScale() <= xtol) {
                    return result(pg, OptimizerStatus.CONVERGED_STEP, "trust radius " + delta
                            + " shrank below the step tolerance at iteration " + iterations
                            + " (projected gradient norm " + pg + (model.lastError.isEmpty() ? ""
                            : "; last trial: " + model.lastError) + ")");
                }
                if (!(predicted < 0)) {
                    delta *= 0.25;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + p[i];
                }
                double fNew = model.trial(xNew);
                double curvatureC = 0;
                double sNorm2 = 0;
                for (int i = 0; i < n; i++) {
                    curvatureC += c[i] * p[i] * p[i];
                    sNorm2 += d[i] > 0 ? p[i] * p[i] / (d[i] * d[i]) : 0;
                }
                double sNorm = Math.sqrt(sNorm2);
                double rho = Double.isFinite(fNew) ? (fNew - f + 0.5 * curvatureC) / predicted : -1;
                if (LOG.isDebugEnabled()) {
                    LOG.debug(String.format("it %d ev %d f %.8g new %.8g rho %.3f delta %.3e |s| %.3e pg %.3e",
                            iterations, model.evaluations, f, fNew, rho, delta, sNorm, pg));
                }
                boolean accepted = false;
                if (rho > 0) {
                    double fAcc = model.accept(xNew, gNew);
                    if (Double.isFinite(fAcc) && ProjectedLbfgs.finite(gNew)) {
                        accepted = true;
                        stopping.acceptedDecrease((f - fAcc) / Math.max(1.0, Math.max(Math.abs(f), Math.abs(fAcc))));
                        stopping.acceptedStep(norm(p), norm(xNew));
                        updateHessian();
                        model.commit();
                        double[] t = x;
                        x = xNew;
                        xNew = t;
                        t = g;
                        g = gNew;
                        gNew = t;
                        f = fAcc;
                        iterations++;
                        if (kind == Hessian.HYBRID && !switched) {
                            history[iterations % history.length] = f;
                            double old = history[(iterations + 1) % history.length];
                            if (iterations >= STALL_WINDOW
                                    && old - f < STALL_DECREASE * Math.max(1, Math.abs(f))) {
                                switched = true;
                                LOG.debug("Gauss–Newton stalled at iteration {} (f {} → {} over {} iterations); "
                                        + "adding the structured-secant correction", iterations, old, f, STALL_WINDOW);
                            }
                        }
                        hessianAtAcceptedPoint();
                    } else {
                        rho = -1;
                    }
                }
                if (rho < 0.25) {
                    delta = Math.min(0.25 * delta, 0.25 * sNorm);
                } else if (rho > 0.75 && sNorm >= 0.9 * delta) {
                    delta = Math.max(2 * delta, 2 * sNorm);
                }
            }
        }

        /** @return max_i D_ii, so that Δ·maxScale bounds ‖p‖∞ */
        double maxScale() {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, d[i]);
            }
            return m;
        }

        /** Sets B = JᵀJ (+ correction) for least squares at the accepted point. */
        void hessianAtAcceptedPoint() {
            if (kind == Hessian.BFGS) {
                return;
            }
            ((Model.Residuals) model).gaussNewton(b);
            if (kind == Hessian.STRUCTURED_SECANT || switched) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        b[i][j] += correction[i][j];
                    }
                }
            }
        }

        /** BFGS on B, or the structured-secant update of the correction, after x → xNew (p = xNew − x). */
        void updateHessian() {
            if (kind == Hessian.GAUSS_NEWTON) {
                return;
            }
            double[] y = work;
            double[][] target;
            if (kind == Hessian.BFGS) {
                for (int i = 0; i < n; i++) {
                    y[i] = gNew[i] - g[i];
                }
                target = b;
                if (!bfgsScaled) {
                    double yy = dot(y, y);
                    double sy = dot(p, y);
                    if (sy > 0) {
                        for (int i = 0; i < n; i++) {
                            Arrays.fill(b[i], 0);
                            b[i][i] = yy / sy;
                        }
                        bfgsScaled = true;
                    }
                }
                secantUpdate(target, b, y);
            } else {
                // y = J₊ᵀJ₊ s + y#, y# = J₊ᵀr₊ − Jᵀr₊; update A so that (J₊ᵀJ₊ + A₊)s = y
                Model.Residuals ls = (Model.Residuals) model;
                double[][] full = hs;
                ls.gaussNewtonNew(full);
                double[] jjs = dir;
                for (int i = 0; i < n; i++) {
                    jjs[i] = dot(full[i], p);
                }
                ls.oldJacobianTransposeNewResiduals(y);
                double sYsharp = 0;
                double sAs = 0;
                for (int i = 0; i < n; i++) {
                    y[i] = gNew[i] - y[i];
                    sYsharp += p[i] * y[i];
                    sAs += p[i] * dot(correction[i], p);
                }
                // Dennis–Walker sizing: shrink A when it overestimates the curvature along s (zero-residual limit)
                double sizing = sAs != 0 ? Math.min(1, Math.abs(sYsharp / sAs)) : 1;
                for (int i = 0; i < n; i++) {
                    y[i] += jjs[i];
                    for (int j = 0; j < n; j++) {
                        correction[i][j] *= sizing;
                        full[i][j] += correction[i][j];
                    }
                }
                secantUpdate(correction, full, y);
            }
        }

        /** target += yyᵀ/sᵀy − (Ms)(Ms)ᵀ/sᵀMs with s = p, skipped unless sᵀy &gt; 10⁻¹²‖s‖‖y‖ and sᵀMs &gt; 0. */
        void secantUpdate(double[][] target, double[][] m, double[] y) {
            double sy = dot(p, y);
            if (!(sy > 1e-12 * norm(p) * norm(y))) {
                return;
            }
            double[] ms = cand;
            for (int i = 0; i < n; i++) {
                ms[i] = dot(m[i], p);
            }
            double sms = dot(p, ms);
            if (!(sms > 0)) {
                return;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    target[i][j] += y[i] * y[j] / sy - ms[i] * ms[j] / sms;
                }
            }
        }

        /**
         * Scaling, subproblem and bound handling: leaves the step in {@link #p} (x + p strictly inside the box or on
         * a bound the variable already sits on) and returns the model value ψ of that step.
         */
        double step(double theta) {
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                double bound = gi < 0 ? up[i] : lo[i];
                boolean finite = Double.isFinite(bound);
                v[i] = finite ? Math.abs(x[i] - bound) : 1.0;
                d[i] = Math.sqrt(v[i]);
                c[i] = finite && v[i] > 0 ? Math.abs(gi) / v[i] : 0.0;
                gs[i] = d[i] * gi;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    hs[i][j] = d[i] * b[i][j] * d[j];
                }
                hs[i][i] += c[i] * v[i];
            }
            TrustRegionSubproblem.solve(hs, gs, delta, sHat);
            for (int i = 0; i < n; i++) {
                p[i] = d[i] * sHat[i];
            }
            double tau = boundaryFraction(p, zero);
            if (tau >= 1) {
                return psi(p);
            }
            // candidate 1: truncated
            for (int i = 0; i < n; i++) {
                best[i] = theta * tau * p[i];
            }
            double bestPsi = psi(best);
            // candidate 2: reflected
            for (int i = 0; i < n; i++) {
                cand[i] = tau * p[i];
                double xi = x[i] + cand[i];
                boolean hit = p[i] != 0 && (xi >= up[i] - 1e-15 * Math.max(1, Math.abs(up[i]))
                        || xi <= lo[i] + 1e-15 * Math.max(1, Math.abs(lo[i])));
                dir[i] = hit ? -p[i] : p[i];
            }
            double refl = lineMinimum(cand, dir, theta);
            if (refl >= 0) {
                for (int i = 0; i < n; i++) {
                    work[i] = cand[i] + refl * dir[i];
                }
                double value = psi(work);
                if (value < bestPsi) {
                    bestPsi = value;
                    System.arraycopy(work, 0, best, 0, n);
                }
            }
            // candidate 3: scaled gradient (Cauchy) step
            for (int i = 0; i < n; i++) {
                dir[i] = -d[i] * d[i] * g[i];
            }
            double cauchy = lineMinimum(zero, dir, theta);
            if (cauchy > 0) {
                for (int i = 0; i < n; i++) {
                    work[i] = cauchy * dir[i];
                }
                double value = psi(work);
                if (value < bestPsi) {
                    bestPsi = value;
                    System.arraycopy(work, 0, best, 0, n);
                }
            }
            System.arraycopy(best, 0, p, 0, n);
            return bestPsi;
        }

        /** ψ(p) = gᵀp + ½(pᵀBp + Σ c_i p_i²), the scaled model expressed in the unscaled step. */
        double psi(double[] step) {
            double quad = 0;
            for (int i = 0; i < n; i++) {
                quad += step[i] * (dot(b[i], step) + c[i] * step[i]);
            }
            return dot(g, step) + 0.5 * quad;
        }

        /** @return the largest t ≤ ∞ with x + base + t·direction inside the box */
        double boundaryFraction(double[] direction, double[] base) {
            double t = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double xi = x[i] + base[i];
                if (direction[i] > 0) {
                    t = Math.min(t, (up[i] - xi) / direction[i]);
                } else if (direction[i] < 0) {
                    t = Math.min(t, (lo[i] - xi) / direction[i]);
                }
            }
            return Math.max(0, t);
        }

        /**
         * Minimises ψ(base + t·direction) over 0 ≤ t ≤ min(θ·box limit, trust-region limit ‖D⁻¹(base + t·dir)‖ ≤ Δ).
         *
         * @return the minimising t, or −1 if there is no admissible positive t
         */
        double lineMinimum(double[] base, double[] direction, double theta) {
            double tBox = theta * boundaryFraction(direction, base);
            double aa = 0;
            double ab = 0;
            double bb = 0;
            for (int i = 0; i < n; i++) {
                if (d[i] > 0) {
                    double w = 1 / (d[i] * d[i]);
                    aa += w * direction[i] * direction[i];
                    ab += w * direction[i] * base[i];
                    bb += w * base[i] * base[i];
                } else if (direction[i] != 0) {
                    return -1;
                }
            }
            if (aa == 0) {
                return -1;
            }
            double disc = ab * ab - aa * (bb - delta * delta);
            if (disc < 0) {
                return -1;
            }
            double tTr = (-ab + Math.sqrt(disc)) / aa;
            double tMax = Math.min(tBox, tTr);
            if (!(tMax > 0)) {
                return -1;
            }
            double slope = dot(g, direction);
            double curv = 0;
            for (int i = 0; i < n; i++) {
                double mdi = dot(b[i], direction) + c[i] * direction[i];
                slope += base[i] * mdi;
                curv += direction[i] * mdi;
            }
            if (slope >= 0 && curv >= 0) {
                return 0;
            }
            double t = curv > 0 ? -slope / curv : tMax;
            return Math.min(tMax, Math.max(0, t));
        }

        OptimizerResult result(double pg, OptimizerStatus status, String message) {
            return new OptimizerResult(x.clone(), f, pg, iterations, model.evaluations, status, message);
        }
    }

    /** The objective as the iteration sees it: trial values, accepted points with gradients, and for least squares JᵀJ. */
    private abstract static class Model {
        int evaluations;
        String lastError = "";

        /** @return f at a trial point, NaN if it cannot be evaluated (reason in lastError) */
        abstract double trial(double[] x);

        /** Evaluates what an accepted point needs (x is the last trial point); g overwritten. @return f or NaN */
        abstract double accept(double[] x, double[] g);

        /** Makes the point of the last {@link #accept} the current one. */
        void commit() {
        }

        /** Any {@link BoundedProblem}: value and gradient at every trial. */
        static final class Gradient extends Model {
            final BoundedProblem p;
            final double[] gTrial;
            double fTrial;

            Gradient(BoundedProblem p) {
                this.p = p;
                gTrial = new double[p.dimension()];
            }

            @Override
            double trial(double[] x) {
                evaluations++;
                try {
                    fTrial = p.valueAndGradient(x, gTrial);
                } catch (RuntimeException e) {
                    lastError = Box.describe(e);
                    return Double.NaN;
                }
                if (!Double.isFinite(fTrial) || !ProjectedLbfgs.finite(gTrial)) {
                    lastError = "objective or gradient is not finite (value " + fTrial + ")";
                    return Double.NaN;
                }
                return fTrial;
            }

            @Override
            double accept(double[] x, double[] g) {
                System.arraycopy(gTrial, 0, g, 0, g.length);
                return fTrial;
            }
        }

        /** A least-squares problem: residuals at a trial, residuals and Jacobian at an accepted point. */
        static final class Residuals extends Model {
            final LeastSquaresProblem p;
            final int n;
            final int m;
            final double constant;
            final double[] rTrial;
            double[] r;
            double[] rNew;
            double[][] jac;
            double[][] jacNew;

            Residuals(LeastSquaresProblem p) {
                this.p = p;
                n = p.dimension();
                m = p.residualCount();
                constant = p.constant();
                rTrial = new double[m];
                r = new double[m];
                rNew = new double[m];
                jac = new double[m][n];
                jacNew = new double[m][n];
            }

            double evaluate(double[] x, double[] res, double[][] j) {
                evaluations++;
                try {
                    p.residuals(x, res, j);
                } catch (RuntimeException e) {
                    lastError = Box.describe(e);
                    return Double.NaN;
                }
                double s = 0;
                for (double e : res) {
                    s += e * e;
                }
                if (!Double.isFinite(s)) {
                    lastError = "residuals are not finite";
                    return Double.NaN;
                }
                for (int k = 0; j != null && k < m; k++) {
                    if (!ProjectedLbfgs.finite(j[k])) {
                        lastError = "Jacobian is not finite";
                        return Double.NaN;
                    }
                }
                return 0.5 * s + constant;
            }

            @Override
            double trial(double[] x) {
                return evaluate(x, rTrial, null);
            }

            @Override
            double accept(double[] x, double[] g) {
                double f = evaluate(x, rNew, jacNew);
                Arrays.fill(g, 0);
                for (int k = 0; k < m; k++) {
                    double[] row = jacNew[k];
                    double rk = rNew[k];
                    for (int j = 0; j < n; j++) {
                        g[j] += row[j] * rk;
                    }
                }
                return f;
            }

            @Override
            void commit() {
                double[] t = r;
                r = rNew;
                rNew = t;
                double[][] tj = jac;
                jac = jacNew;
                jacNew = tj;
            }

            /** out = JᵀJ of the current point. */
            void gaussNewton(double[][] out) {
                product(jac, out);
            }

            /** out = J₊ᵀJ₊ of the last accepted (not yet committed) point. */
            void gaussNewtonNew(double[][] out) {
                product(jacNew, out);
            }

            /** out = Jᵀr₊ with the current J and the residuals of the last accepted point. */
            void oldJacobianTransposeNewResiduals(double[] out) {
                Arrays.fill(out, 0);
                for (int k = 0; k < m; k++) {
                    double[] row = jac[k];
                    double rk = rNew[k];
                    for (int j = 0; j < n; j++) {
                        out[j] += row[j] * rk;
                    }
                }
            }

            private void product(double[][] j, double[][] out) {
                for (int a = 0; a < n; a++) {
                    Arrays.fill(out[a], 0);
                }
                for (int k = 0; k < m; k++) {
                    double[] row = j[k];
                    for (int a = 0; a < n; a++) {
                        double ra = row[a];
                        if (ra == 0) {
                            continue;
                        }
                        double[] o = out[a];
                        for (int bb = 0; bb <= a; bb++) {
                            o[bb] += ra * row[bb];
                        }
                    }
                }
                for (int a = 0; a < n; a++) {
                    for (int bb = 0; bb < a; bb++) {
                        out[bb][a] = out[a][bb];
                    }
                }
            }
        }
    }
}
