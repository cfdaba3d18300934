package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-order methods for {@code min_x F(x) = f(x) + g(x)} with {@code f} smooth ({@link SmoothFunction})
 * and {@code g} proximable ({@link ProximalFunction}), or {@code g = 0}:
 *
 * <ul>
 *   <li>{@link #gradientDescent}: {@code x_k = x_{k−1} − t∇f(x_{k−1})};</li>
 *   <li>{@link #nesterov}: Nesterov's accelerated gradient (the momentum sequence
 *       {@code t_{k+1} = (1 + √(1 + 4t_k²))/2}, {@code y_k = x_k + ((t_k − 1)/t_{k+1})(x_k − x_{k−1})});</li>
 *   <li>{@link #ista}: proximal gradient {@code x_k = prox_{tg}(x_{k−1} − t∇f(x_{k−1}))};</li>
 *   <li>{@link #fista}: FISTA (Beck–Teboulle 2009), the proximal step taken at the extrapolated
 *       {@code y_{k−1}} with the same momentum as Nesterov's method.</li>
 * </ul>
 * The accelerated methods support adaptive {@link Restart}. The step is a {@link StepSize}: 1/L (the
 * default when L is known), a fixed t, or Beck–Teboulle backtracking (the default otherwise).
 *
 * <p><b>Residual</b> (compared to the tolerance): the norm of the gradient mapping
 * {@code G = (y_{k−1} − x_k)/t} (for {@code g = 0} simply {@code ‖∇f(y_{k−1})‖}), relative to
 * {@code s = max(‖∇f(x₀)‖, ‖G₁‖)}: {@code r_k = ‖G_k‖₂ / s}. {@code G = 0} exactly at a minimiser.
 * <b>Objective</b>: {@code F(x_k)}, indicator functions counted as 0. The accelerated methods compute
 * it only when needed (history on, a listener, or the function restart); otherwise the objective
 * history holds NaN and each iteration costs one gradient and one prox.
 *
 * <p>Result: the solution {@code x_k}; auxiliary {@code "lipschitz"} (the final {@code 1/t}, a scalar)
 * and {@code "restarts"} (how many times the momentum was reset, a scalar). Instances are immutable
 * but the smooth function may hold work buffers: do not run two solves sharing one
 * {@link LeastSquares} concurrently.
 */
public final class ProximalGradient {
    private static final Logger LOG = LoggerFactory.getLogger(ProximalGradient.class);
    private static final int MAX_BACKTRACKS = 200;

    private final String name;
    private final SmoothFunction f;
    private final ProximalFunction g;
    private final boolean accelerated;
    private final StepSize step;
    private final Restart restart;
    private final StoppingCriteria stopping;
    private final IterationListener listener;

    private ProximalGradient(Builder b, StepSize step) {
        this.name = b.name;
        this.f = b.f;
        this.g = b.g;
        this.accelerated = b.accelerated;
        this.step = step;
        this.restart = b.restart;
        this.stopping = b.stopping;
        this.listener = b.listener;
    }

    /** @return a builder of gradient descent on {@code f} */
    public static Builder gradientDescent(SmoothFunction f) {
        return new Builder("gradient-descent", f, null, false);
    }

    /** @return a builder of Nesterov's accelerated gradient on {@code f} */
    public static Builder nesterov(SmoothFunction f) {
        return new Builder("nesterov", f, null, true);
    }

    /** @return a builder of ISTA / proximal gradient on {@code f + g} */
    public static Builder ista(SmoothFunction f, ProximalFunction g) {
        return new Builder("ista", f, Objects.requireNonNull(g, "g"), false);
    }

    /** @return a builder of FISTA on {@code f + g} */
    public static Builder fista(SmoothFunction f, ProximalFunction g) {
        return new Builder("fista", f, Objects.requireNonNull(g, "g"), true);
    }

    /** Configures a {@link ProximalGradient}; defaults: step as described there, no restart, {@link StoppingCriteria#defaults()}. */
    public static final class Builder {
        private final String name;
        private final SmoothFunction f;
        private final ProximalFunction g;
        private final boolean accelerated;
        private StepSize step;
        private Restart restart = Restart.NONE;
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private IterationListener listener = IterationListener.NONE;

        private Builder(String name, SmoothFunction f, ProximalFunction g, boolean accelerated) {
            this.name = name;
            this.f = Objects.requireNonNull(f, "f");
            this.g = g;
            this.accelerated = accelerated;
        }

        /** Sets the step rule. */
        public Builder step(StepSize value) {
            this.step = Objects.requireNonNull(value, "step");
            return this;
        }

        /** Sets the restart scheme (accelerated methods only). */
        public Builder restart(Restart value) {
            if (!accelerated && value != Restart.NONE) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + name
                        + " has no momentum to restart; restart " + value + " applies to nesterov and fista only");
            }
            this.restart = Objects.requireNonNull(value, "restart");
            return this;
        }

        /** Sets when to stop. */
        public Builder stopping(StoppingCriteria value) {
            this.stopping = Objects.requireNonNull(value, "stopping");
            return this;
        }

        /** Sets the per-iteration observer. */
        public Builder listener(IterationListener value) {
            this.listener = value == null ? IterationListener.NONE : value;
            return this;
        }

        /**
         * @return the solver
         * @throws FixpointException {@code [fixpoint/InvalidStep]} for a fixed step above 2/L (L known),
         *         {@code [fixpoint/UnknownLipschitz]} for a 1/L step when L is unknown
         */
        public ProximalGradient build() {
            StepSize s = step;
            if (s == null) {
                s = Double.isFinite(f.lipschitz()) ? StepSize.inverseLipschitz() : StepSize.backtracking();
            }
            if (s.kind() == StepSize.Kind.INVERSE_LIPSCHITZ) {
                double l = f.lipschitz();
                if (!Double.isFinite(l) || !(l > 0)) {
                    throw new FixpointException(Double.isFinite(l) ? "InvalidStep" : "UnknownLipschitz", name
                            + ": step 1/L needs a finite positive Lipschitz constant of ∇f, but " + f.name()
                            + " reports L = " + l + "; use StepSize.backtracking() or StepSize.fixed(t)");
                }
            } else if (s.kind() == StepSize.Kind.FIXED) {
                double l = f.lipschitz();
                SolverChecks.requireStepWithinTwoOverL(name, s.value(), l);
                if (accelerated && Double.isFinite(l) && s.value() > 1 / l) {
                    LOG.warn("{}: step t = {} exceeds 1/L = {}; the accelerated method is only guaranteed to converge for t <= 1/L",
                            name, s.value(), 1 / l);
                }
            }
            return new ProximalGradient(this, s);
        }
    }

    /** @return the method's name: gradient-descent, nesterov, ista or fista */
    public String name() {
        return name;
    }

    /**
     * Runs the method from {@code x0}.
     *
     * @param x0 starting point of {@code f}'s shape (not modified), or null for zeros
     * @return the result; never throws for divergence (status {@code DIVERGED} with the iteration)
     */
    public SolverResult solve(Tensor x0) {
        int[] shape = f.shape();
        Tensor x = SolverChecks.startingPoint(name, "starting point x0", x0, shape);
        Tensor xNew = Tensor.zeros(shape);
        Tensor y = x.copy();
        Tensor grad = Tensor.zeros(shape);
        Tensor v = Tensor.zeros(shape);
        IterationMonitor monitor = new IterationMonitor(name, stopping, listener);
        boolean backtracking = step.kind() == StepSize.Kind.BACKTRACKING;
        double lip = switch (step.kind()) {
            case FIXED -> 1 / step.value();
            case INVERSE_LIPSCHITZ -> f.lipschitz();
            case BACKTRACKING -> step.value();
        };
        boolean needObjective = !accelerated || stopping.recordHistory() || restart == Restart.FUNCTION
                || listener != IterationListener.NONE;

        double fy = f.valueAndGradient(y, grad);
        boolean gradientFresh = true;
        double gradientNorm0 = grad.norm();
        double objective = fy + SolverChecks.valueOrZeroForIndicator(g, x);
        double scale = Double.NaN;
        double tk = 1;
        int restarts = 0;
        SolverStatus status = null;
        for (int k = 1; status == null; k++) {
            if (!gradientFresh) {
                fy = f.valueAndGradient(y, grad);
            }
            if (!Double.isFinite(fy) || !grad.isFinite()) {
                status = monitor.stop(SolverStatus.DIVERGED, "non-finite " + (Double.isFinite(fy) ? "gradient" : "value "
                        + fy) + " of f at iteration " + k);
                break;
            }
            double fNew = Double.NaN;
            int backtracks = 0;
            while (true) {
                v.assign(y).axpyInPlace(-1 / lip, grad);
                if (!v.isFinite()) {
                    status = monitor.stop(SolverStatus.DIVERGED, "non-finite gradient step at iteration " + k);
                    break;
                }
                if (g != null) {
                    g.proxInto(v, 1 / lip, xNew);
                } else {
                    xNew.assign(v);
                }
                if (!backtracking) {
                    break;
                }
                fNew = f.value(xNew);
                if (sufficientDecrease(fNew, fy, grad, xNew, y, lip)) {
                    break;
                }
                lip *= step.factor();
                if (++backtracks > MAX_BACKTRACKS || !Double.isFinite(lip)) {
                    status = monitor.stop(SolverStatus.BREAKDOWN, String.format("backtracking found no step at iteration "
                            + "%d: the sufficient decrease still fails with L = %.3g after %d increases (is f smooth, "
                            + "and is its gradient correct?)", k, lip, backtracks));
                    break;
                }
            }
            if (status != null) {
                break;
            }
            double gradientMapping = lip * SolverChecks.distance(xNew, y);
            if (Double.isNaN(scale)) {
                scale = Math.max(Math.max(gradientNorm0, gradientMapping), Double.MIN_NORMAL);
            }
            double residual = gradientMapping / scale;

            boolean restartNow = false;
            double objectiveNew = Double.NaN;
            if (!accelerated) {
                fNew = f.valueAndGradient(xNew, grad); // the gradient at the next y = x_k
                gradientFresh = true;
                objectiveNew = fNew + SolverChecks.valueOrZeroForIndicator(g, xNew);
                y.assign(xNew);
            } else {
                if (needObjective) {
                    if (Double.isNaN(fNew)) {
                        fNew = f.value(xNew);
                    }
                    objectiveNew = fNew + SolverChecks.valueOrZeroForIndicator(g, xNew);
                }
                if (restart == Restart.FUNCTION) {
                    restartNow = objectiveNew > objective;
                } else if (restart == Restart.GRADIENT) {
                    restartNow = momentumUphill(y, xNew, x);
                }
                if (restartNow) {
                    tk = 1;
                    y.assign(xNew);
                    restarts++;
                } else {
                    double tNext = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
                    extrapolate(xNew, x, (tk - 1) / tNext, y);
                    tk = tNext;
                }
                gradientFresh = false;
            }
            Tensor swap = x;
            x = xNew;
            xNew = swap;
            objective = objectiveNew;
            status = needObjective ? monitor.record(k, objectiveNew, residual) : monitor.record(k, residual);
        }
        SolverResult result = monitor.result(x, Map.of("lipschitz", Tensor.scalar(lip),
                "restarts", Tensor.scalar(restarts)));
        if (result.status() == SolverStatus.DIVERGED && step.kind() == StepSize.Kind.FIXED
                && !Double.isFinite(f.lipschitz())) {
            result = SolverChecks.withReason(result, String.format("; probable cause: the fixed step t = %.6g is too "
                    + "large (the Lipschitz constant L of ∇f is unknown, and a step above 2/L diverges); use a smaller "
                    + "step or StepSize.backtracking()", step.value()));
        }
        return result;
    }

    /** Beck–Teboulle test {@code f(p) ≤ f(y) + ⟨∇f(y), p − y⟩ + (L/2)‖p − y‖²}, with a rounding slack. */
    private static boolean sufficientDecrease(double fp, double fy, Tensor grad, Tensor p, Tensor y, double lip) {
        double[] pd = p.data();
        double[] yd = y.data();
        double[] gd = grad.data();
        int po = p.offset();
        int yo = y.offset();
        int go = grad.offset();
        double inner = 0;
        double sq = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            double d = pd[po + i] - yd[yo + i];
            inner += gd[go + i] * d;
            sq += d * d;
        }
        double slack = 1e-12 * Math.abs(fy) + Double.MIN_NORMAL;
        return fp <= fy + inner + 0.5 * lip * sq + slack;
    }

    /** O'Donoghue–Candès gradient test {@code ⟨y − x_new, x_new − x⟩ > 0}. */
    private static boolean momentumUphill(Tensor y, Tensor xNew, Tensor x) {
        double[] yd = y.data();
        double[] nd = xNew.data();
        double[] xd = x.data();
        int yo = y.offset();
        int no = xNew.offset();
        int xo = x.offset();
        double s = 0;
        for (int i = 0, n = y.size(); i < n; i++) {
            s += (yd[yo + i] - nd[no + i]) * (nd[no + i] - xd[xo + i]);
        }
        return s > 0;
    }

    /** {@code out ← xNew + beta·(xNew − x)}. */
    private static void extrapolate(Tensor xNew, Tensor x, double beta, Tensor out) {
        double[] nd = xNew.data();
        double[] xd = x.data();
        double[] od = out.data();
        int no = xNew.offset();
        int xo = x.offset();
        int oo = out.offset();
        for (int i = 0, n = out.size(); i < n; i++) {
            od[oo + i] = nd[no + i] + beta * (nd[no + i] - xd[xo + i]);
        }
    }

    @Override
    public String toString() {
        return name + "[f=" + f.name() + (g == null ? "" : ", g=" + g.name()) + ", step=" + step
                + (accelerated ? ", restart=" + restart : "") + ", " + stopping + "]";
    }
}
