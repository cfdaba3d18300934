package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * Two-dimensional total variation of an image {@code x} of shape {@code [h, w]} (row-major; axis 0
 * is the row index {@code i}, axis 1 the column index {@code j}), with forward differences and a
 * Neumann boundary: {@code (D₀x)_{ij} = x_{i+1,j} − x_{ij}} for {@code i < h−1} and 0 on the last
 * row, {@code (D₁x)_{ij} = x_{i,j+1} − x_{ij}} for {@code j < w−1} and 0 on the last column.
 * <ul>
 *   <li>{@link Norm#ISOTROPIC}: {@code f(x) = λ Σ_ij √((D₀x)_{ij}² + (D₁x)_{ij}²)};</li>
 *   <li>{@link Norm#ANISOTROPIC}: {@code f(x) = λ Σ_ij |(D₀x)_{ij}| + |(D₁x)_{ij}|}.</li>
 * </ul>
 * For {@code h = 1} (or {@code w = 1}) both equal {@link TotalVariation1d} along the other axis.
 *
 * <p><b>Prox.</b> {@code prox_{τf}(v) = argmin_x ½‖x − v‖² + τλ·TV(x)} has no closed form; it is
 * computed by the fast gradient projection method on the dual (Beck &amp; Teboulle, IEEE TIP 2009):
 * {@code x = v − τλ·Dᵀp} with the dual field {@code p} of shape {@code [2, h, w]}, per pixel in the
 * unit Euclidean disc (isotropic) or the unit square (anisotropic). Every iterate gives a feasible
 * primal–dual pair, so the <em>duality gap</em> {@code G = P(x) − D(p) ≥ P(x) − P(x*) ≥ ½‖x − x*‖²}
 * is a rigorous certificate ({@code P} the prox objective above). The stopping criterion is the
 * <em>relative duality gap</em> {@code G / P(x) ≤ tolerance}, evaluated every 10 iterations; hence
 * the returned point satisfies {@code ‖x − x*‖ ≤ √(2·tolerance·P(x))}. The default tolerance
 * {@code 1e-6} therefore bounds the error at about {@code 1.4e-3·√P(x)}; use {@code 1e-12} or below
 * when near machine precision is wanted (the solver's convergence is {@code O(1/k²)} in the dual
 * objective, so tight tolerances cost many iterations).
 *
 * <p><b>Not converging.</b> {@link #prox}/{@link #proxInto} throw {@code [fixpoint/NoConvergence]}
 * (with the reached relative gap and the iteration count) when {@code maxIterations} is hit;
 * {@link #solve} never throws for that reason and returns a {@link Result} whose
 * {@link Result#converged()} is false. {@link #solve} also accepts a dual warm start and returns the
 * final dual. {@link #conjugateValue} is not available in closed form (the default exception); the
 * conjugate's prox works through the Moreau identity.
 *
 * <p>Immutable and thread-safe; each solve allocates its workspace (six {@code h·w} arrays) once.
 */
public final class TotalVariation2d extends ProximalFunction {
    /** Default relative duality-gap tolerance of {@link #prox}. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default iteration limit of {@link #prox}. */
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;

    /** The pointwise norm of the discrete gradient. */
    public enum Norm {
        /** {@code ‖(D₀x, D₁x)‖₂} per pixel (rotation-invariant up to discretisation). */
        ISOTROPIC,
        /** {@code |D₀x| + |D₁x|} per pixel. */
        ANISOTROPIC
    }

    private final double lambda;
    private final Norm norm;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param lambda        weight {@code λ ≥ 0}
     * @param norm          isotropic or anisotropic
     * @param tolerance     relative duality-gap tolerance of the prox, in {@code (0, 1)}
     * @param maxIterations iteration limit of the prox, {@code ≥ 1}
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming the offending value
     */
    public TotalVariation2d(double lambda, Norm norm, double tolerance, int maxIterations) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new FixpointException("BadParameter", "TotalVariation2d: λ = " + lambda + " must be finite and ≥ 0");
        }
        if (norm == null) {
            throw new FixpointException("BadParameter", "TotalVariation2d: norm is null; use one of "
                    + Arrays.toString(Norm.values()));
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new FixpointException("BadParameter", "TotalVariation2d: tolerance = " + tolerance
                    + " must lie in (0, 1) (it bounds the relative duality gap)");
        }
        if (maxIterations < 1) {
            throw new FixpointException("BadParameter", "TotalVariation2d: maxIterations = " + maxIterations + " must be ≥ 1");
        }
        this.lambda = lambda;
        this.norm = norm;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return isotropic TV with weight {@code λ} and the default tolerance and iteration limit */
    public static TotalVariation2d isotropic(double lambda) {
        return new TotalVariation2d(lambda, Norm.ISOTROPIC, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** @return anisotropic TV with weight {@code λ} and the default tolerance and iteration limit */
    public static TotalVariation2d anisotropic(double lambda) {
        return new TotalVariation2d(lambda, Norm.ANISOTROPIC, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** @return the same function with another prox tolerance and iteration limit */
    public TotalVariation2d withTolerance(double newTolerance, int newMaxIterations) {
        return new TotalVariation2d(lambda, norm, newTolerance, newMaxIterations);
    }

    /** @return the weight {@code λ} */
    public double lambda() {
        return lambda;
    }

    /** @return the pointwise gradient norm */
    public Norm norm() {
        return norm;
    }

    /** @return the relative duality-gap tolerance of the prox */
    public double tolerance() {
        return tolerance;
    }

    /** @return the iteration limit of the prox */
    public int maxIterations() {
        return maxIterations;
    }

    @Override
    public String name() {
        return "tv2d-" + (norm == Norm.ISOTROPIC ? "iso" : "aniso") + "(λ=" + lambda + ")";
    }

    /** @return {@code λ·TV(x)} for an image of shape {@code [h, w]} */
    @Override
    public double value(Tensor x) {
        requireImage(x, "value");
        int h = x.dim(0);
        int w = x.dim(1);
        double[] a = x.data();
        int o = x.offset();
        double tv = 0;
        for (int i = 0; i < h; i++) {
            int row = o + i * w;
            for (int j = 0; j < w; j++) {
                int k = row + j;
                double g0 = i < h - 1 ? a[k + w] - a[k] : 0;
                double g1 = j < w - 1 ? a[k + 1] - a[k] : 0;
                tv += norm == Norm.ISOTROPIC ? Math.sqrt(g0 * g0 + g1 * g1) : Math.abs(g0) + Math.abs(g1);
            }
        }
        return lambda * tv;
    }

    /**
     * Computes the prox with this function's tolerance and iteration limit, from a zero dual.
     *
     * @throws FixpointException {@code [fixpoint/NoConvergence]} when the iteration limit is reached
     */
    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        Result r = solveUnchecked(v, tau, null);
        if (!r.converged()) {
            throw new FixpointException("NoConvergence", name() + ".prox on a " + v.dim(0) + "×" + v.dim(1)
                    + " image (τ = " + tau + "): relative duality gap " + r.relativeGap() + " after "
                    + r.iterations() + " iterations, tolerance " + tolerance
                    + "; raise the iteration limit or the tolerance with withTolerance(…)");
        }
        out.assign(r.solution());
    }

    /**
     * Solves {@code argmin_x ½‖x − v‖² + τλ·TV(x)} and reports diagnostics; never throws because
     * the iteration limit was reached (see {@link Result#converged()}).
     *
     * @param v         image of shape {@code [h, w]} (not modified)
     * @param tau       step {@code τ > 0}
     * @param dualStart warm start of shape {@code [2, h, w]} (e.g. {@link Result#dual()} of a previous
     *                  solve; projected onto the dual set, not modified), or null to start from zero
     * @return solution, dual, iterations, duality gap
     * @throws FixpointException {@code [fixpoint/BadParameter]} for a bad {@code τ},
     *         {@code [fixpoint/NonFinite]} for NaN/Inf in {@code v} or {@code dualStart},
     *         {@link ShapeMismatchException} for wrong shapes
     */
    public Result solve(Tensor v, double tau, Tensor dualStart) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new FixpointException("BadParameter", name() + ".solve: step τ = " + tau
                    + " must be a finite positive number");
        }
        requireImage(v, "solve");
        v.requireFinite(name() + ".solve input");
        if (dualStart != null) {
            int[] expected = {2, v.dim(0), v.dim(1)};
            if (!Arrays.equals(dualStart.shape(), expected)) {
                throw new ShapeMismatchException(name() + ".solve dual start", dualStart.shape(), expected,
                        "the dual start must have shape [2, h, w] for an [h, w] image");
            }
            dualStart.requireFinite(name() + ".solve dual start");
        }
        return solveUnchecked(v, tau, dualStart);
    }

    private Result solveUnchecked(Tensor v, double tau, Tensor dualStart) {
        requireImage(v, "prox");
        int h = v.dim(0);
        int w = v.dim(1);
        FastGradientProjection fgp = new FastGradientProjection(h, w, norm == Norm.ISOTROPIC, v.data(), v.offset(),
                dualStart == null ? null : dualStart.data(), dualStart == null ? 0 : dualStart.offset());
        boolean converged = fgp.run(tau * lambda, tolerance, maxIterations);
        double gap = fgp.gap();
        if (!Double.isFinite(gap) || !Double.isFinite(fgp.primalObjective())) {
            throw new FixpointException("NonFinite", name() + ".prox: the duality gap became " + gap
                    + " by iteration " + fgp.iterations() + " (input magnitude " + v.normInf() + ")");
        }
        double[] dual = new double[2 * h * w];
        fgp.copyDual(dual, 0);
        return new Result(Tensor.wrap(fgp.primal(), h, w), Tensor.wrap(dual, 2, h, w), fgp.iterations(), gap,
                fgp.primalObjective(), converged);
    }

    private void requireImage(Tensor t, String what) {
        if (t.rank() != 2) {
            throw new ShapeMismatchException(name() + "." + what + ": expected an image of shape [h, w], got shape "
                    + Arrays.toString(t.shape()) + " (rank " + t.rank() + ")");
        }
    }

    /**
     * The outcome of {@link #solve}: the prox point, the dual certificate and the convergence
     * diagnostics. Immutable view; the tensors are owned by the caller.
     */
    public static final class Result {
        private final Tensor solution;
        private final Tensor dual;
        private final int iterations;
        private final double gap;
        private final double objective;
        private final boolean converged;

        Result(Tensor solution, Tensor dual, int iterations, double gap, double objective, boolean converged) {
            this.solution = solution;
            this.dual = dual;
            this.iterations = iterations;
            this.gap = gap;
            this.objective = objective;
            this.converged = converged;
        }

        /** @return the primal point {@code x = v − τλ·Dᵀp}, shape {@code [h, w]} */
        public Tensor solution() {
            return solution;
        }

        /** @return the dual field {@code p} of shape {@code [2, h, w]} ({@code p[0]} pairs with D₀, {@code p[1]} with D₁) */
        public Tensor dual() {
            return dual;
        }

        /** @return the number of FGP iterations performed (0 when the start was already optimal) */
        public int iterations() {
            return iterations;
        }

        /** @return the duality gap {@code G ≥ ½‖x − x*‖²} at the returned pair */
        public double gap() {
            return gap;
        }

        /** @return the prox objective {@code P(x) = ½‖x − v‖² + τλ·TV(x)} at the returned point */
        public double objective() {
            return objective;
        }

        /** @return {@code G / P(x)}, the stopping criterion (0 when {@code P(x) = 0}) */
        public double relativeGap() {
            return objective > 0 ? gap / objective : 0;
        }

        /** @return true when {@code relativeGap() ≤ tolerance} was reached within the iteration limit */
        public boolean converged() {
            return converged;
        }

        @Override
        public String toString() {
            return "TotalVariation2d.Result[iterations=" + iterations + ", gap=" + gap + ", relativeGap="
                    + relativeGap() + ", converged=" + converged + "]";
        }
    }
}
