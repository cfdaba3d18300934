package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Arrays;
import java.util.Map;

/**
 * Total-variation reconstruction {@code min_x ½‖Ax − y‖² + λ·TV(x)} subject to {@code x ≥ 0}, by the primal–dual
 * hybrid gradient method of Chambolle &amp; Pock (2011) on {@code K = [A; ∇]}, with scalar steps
 * {@code τ = σ = 0.99/‖K‖} or the diagonal preconditioning of Pock &amp; Chambolle (2011, α = 1).
 *
 * <p><b>λ convention.</b> {@code A} is the {@link RayTransform} (line integrals in the grid's length unit — pixel
 * units on a unit-pixel grid), {@code y} the sinogram in the same units, and
 * {@code TV(x) = Σ_{i,j} √((x_{i+1,j} − x_{i,j})² + (x_{i,j+1} − x_{i,j})²)} (isotropic, forward differences of
 * unit spacing, Neumann boundary, no normalisation by the number of pixels). The data term is not divided by the
 * number of measurements. In this convention λ = 2 is the learned-primal-dual benchmark value (128×128, 30 angles,
 * 183 bins, 5 % noise). If A were scaled by {@code c} (e.g. line integrals in units of the image width), the
 * equivalent λ scales by {@code c²}.
 *
 * <p>Iteration (x̄₀ = x₀, dual first): {@code p⁺ = (p + Σ_A(Ax̄ − y))/(1 + Σ_A)},
 * {@code q⁺ = proj_{|q_ij|₂ ≤ λ}(q + Σ_∇∇x̄)}, {@code x⁺ = max(0, x − T(Aᵀp⁺ + ∇ᵀq⁺))}, {@code x̄ = 2x⁺ − x};
 * one application of A and one of Aᵀ per iteration ({@code Ax̄ = 2Ax⁺ − Ax}). <b>Residual</b>: {@code ‖x⁺ − x‖/max(‖x⁺‖, 1e-300)};
 * <b>objective</b>: {@code ½‖Ax⁺ − y‖² + λTV(x⁺)}. Immutable.
 */
public final class TvReconstruction {
    private final RayTransform a;
    private final double lambda;
    private final boolean preconditioned;
    private final StoppingCriteria stopping;
    private final IterationListener listener;
    private final double stepRatio;

    /**
     * @param a              the ray transform
     * @param lambda         the TV weight λ ≥ 0 (convention above)
     * @param preconditioned diagonal (Pock–Chambolle) steps instead of scalar ones
     * @param stopping       when to stop (e.g. {@code StoppingCriteria.fixedIterations(1000)})
     * @param listener       per-iteration observer, or null
     */
    public TvReconstruction(RayTransform a, double lambda, boolean preconditioned, StoppingCriteria stopping,
                            IterationListener listener) {
        this(a, lambda, preconditioned, 1.0, stopping, listener);
    }

    /**
     * Scalar steps with a primal/dual balance: {@code τ = ρ·0.99/‖K‖}, {@code σ = 0.99/(ρ‖K‖)} (so
     * {@code τσ‖K‖² < 1} for every ρ).
     *
     * @param a         the ray transform
     * @param lambda    the TV weight λ ≥ 0
     * @param stepRatio ρ &gt; 0 (1: {@code τ = σ}); ignored with preconditioning
     * @param stopping  when to stop
     * @param listener  per-iteration observer, or null
     * @return the reconstruction with scalar steps
     */
    public static TvReconstruction withStepRatio(RayTransform a, double lambda, double stepRatio,
                                                 StoppingCriteria stopping, IterationListener listener) {
        return new TvReconstruction(a, lambda, false, stepRatio, stopping, listener);
    }

    private TvReconstruction(RayTransform a, double lambda, boolean preconditioned, double stepRatio,
                             StoppingCriteria stopping, IterationListener listener) {
        if (!(stepRatio > 0) || Double.isInfinite(stepRatio)) {
            throw new FixpointException("BadArgument", "step ratio ρ = " + stepRatio + " must be finite and > 0");
        }
        this.stepRatio = stepRatio;
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new FixpointException("BadArgument", "TV weight λ = " + lambda + " must be finite and ≥ 0");
        }
        this.a = a;
        this.lambda = lambda;
        this.preconditioned = preconditioned;
        this.stopping = stopping;
        this.listener = listener == null ? IterationListener.NONE : listener;
    }

    /** @return {@code TV(x)} (isotropic, forward differences, Neumann) of an image {@code [rows, cols]} */
    public static double totalVariation(Tensor x) {
        int h = x.dim(0);
        int w = x.dim(1);
        double sum = 0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double v = x.get(i, j);
                double gi = i + 1 < h ? x.get(i + 1, j) - v : 0;
                double gj = j + 1 < w ? x.get(i, j + 1) - v : 0;
                sum += Math.sqrt(gi * gi + gj * gj);
            }
        }
        return sum;
    }

    /**
     * @param y  the sinogram {@code [views, bins]} (finite; not modified)
     * @param x0 the start {@code [rows, cols]} (e.g. FBP; not modified), or null for zeros
     * @return the result; auxiliaries {@code "dualData"} ({@code [views, bins]}) and {@code "dualGradient"}
     *         ({@code [2, rows, cols]})
     */
    public SolverResult solve(Tensor y, Tensor x0) {
        if (!Arrays.equals(y.shape(), a.rangeShape())) {
            throw new ShapeMismatchException("TvReconstruction data", y.shape(), a.rangeShape(),
                    "the sinogram shape of the geometry");
        }
        y.requireFinite("TvReconstruction data");
        int h = a.domainShape()[0];
        int w = a.domainShape()[1];
        int n = h * w;
        LinearOperator grad = Operators.gradient2d(h, w);
        Tensor x = x0 == null ? Tensor.zeros(h, w) : x0.copy().map(v -> Math.max(0, v));
        x.requireFinite("TvReconstruction start");
        // steps
        Tensor tau;
        Tensor sigmaA;
        double sigmaG;
        if (preconditioned) {
            Tensor colA = a.absoluteColumnSums();
            double[] c = colA.data();
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    // |∇|ᵀ1: each pixel enters its own two differences and those of its upper and left neighbours
                    int count = (i + 1 < h ? 1 : 0) + (j + 1 < w ? 1 : 0) + (i > 0 ? 1 : 0) + (j > 0 ? 1 : 0);
                    c[i * w + j] += count;
                }
            }
            tau = colA.map(s -> s > 0 ? 1 / s : 1.0);
            sigmaA = a.absoluteRowSums().map(s -> s > 0 ? 1 / s : 1.0);
            sigmaG = 0.5;
        } else {
            double normA = a.normEstimate(1e-6, 10_000);
            double normK = Math.sqrt(normA * normA + 8.0);
            tau = Tensor.full(stepRatio * 0.99 / normK, h, w);
            sigmaA = Tensor.full(0.99 / (stepRatio * normK), a.rangeShape());
            sigmaG = 0.99 / (stepRatio * normK);
        }
        Tensor p = Tensor.zeros(a.rangeShape());
        Tensor q = Tensor.zeros(2, h, w);
        Tensor ax = a.apply(x);
        Tensor axNew = Tensor.zeros(a.rangeShape());
        Tensor atp = Tensor.zeros(h, w);
        Tensor gtq = Tensor.zeros(h, w);
        Tensor xNew = Tensor.zeros(h, w);
        Tensor xBar = Tensor.zeros(h, w);
        Tensor gBar = Tensor.zeros(2, h, w);
        double[] xd = x.data();
        double[] xn = xNew.data();
        double[] xb = xBar.data();
        double[] td = tau.data();
        double[] pd = p.data();
        double[] qd = q.data();
        double[] sa = sigmaA.data();
        double[] yd = y.data();
        int yo = y.offset();
        double[] axd = ax.data();
        double[] axn = axNew.data();
        IterationMonitor monitor = new IterationMonitor(preconditioned ? "tv-pdhg-preconditioned" : "tv-pdhg",
                stopping, listener);
        Tensor axBar = ax.copy();
        System.arraycopy(xd, 0, xb, 0, n);
        double[] axb = axBar.data();
        for (int it = 1; ; it++) {
            // dual step at x̄
            for (int r = 0; r < pd.length; r++) {
                pd[r] = (pd[r] + sa[r] * (axb[r] - yd[yo + r])) / (1 + sa[r]);
            }
            grad.applyInto(xBar, gBar);
            double[] gb = gBar.data();
            for (int k = 0; k < n; k++) {
                double q0 = qd[k] + sigmaG * gb[k];
                double q1 = qd[n + k] + sigmaG * gb[n + k];
                double mag = Math.sqrt(q0 * q0 + q1 * q1);
                double scale = mag > lambda ? lambda / mag : 1.0;
                qd[k] = q0 * scale;
                qd[n + k] = q1 * scale;
            }
            // primal step
            a.adjointInto(p, atp);
            grad.adjointInto(q, gtq);
            double[] atpd = atp.data();
            double[] gtqd = gtq.data();
            double diff = 0;
            double norm = 0;
            for (int k = 0; k < n; k++) {
                double v = Math.max(0, xd[k] - td[k] * (atpd[k] + gtqd[k]));
                xn[k] = v;
                xb[k] = 2 * v - xd[k];
                double d = v - xd[k];
                diff += d * d;
                norm += v * v;
            }
            a.applyInto(xNew, axNew);
            double fit = 0;
            for (int r = 0; r < axd.length; r++) {
                double r1 = axn[r] - yd[yo + r];
                fit += r1 * r1;
                axb[r] = 2 * axn[r] - axd[r];
            }
            System.arraycopy(xn, 0, xd, 0, n);
            System.arraycopy(axn, 0, axd, 0, axd.length);
            double objective = 0.5 * fit + (lambda > 0 ? lambda * totalVariation(x) : 0);
            SolverStatus status = monitor.record(it, objective, Math.sqrt(diff / Math.max(norm, 1e-300)));
            if (status != null) {
                break;
            }
        }
        return monitor.result(x, Map.of("dualData", p, "dualGradient", q));
    }
}
