package dev.fixpoint.solvers.amp;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Approximate message passing with soft thresholding (Donoho, Maleki and Montanari 2009) for
 * {@code y = A·x + w}, {@code A} of shape {@code [m, n]}, {@code δ = m/n}. From {@code x⁰ = 0},
 * {@code z⁰ = y}, iteration {@code t = 1, 2, …} computes
 * <pre>
 *   τ̂_{t−1} = ‖z^{t−1}‖₂ / √m
 *   x^t     = η(x^{t−1} + Aᵀ z^{t−1};  α·τ̂_{t−1})                 (η: soft threshold)
 *   z^t     = y − A x^t + (1/δ)·z^{t−1}·⟨η'⟩ = y − A x^t + (‖x^t‖₀ / m)·z^{t−1}
 * </pre>
 * where {@code ⟨η'⟩ = ‖x^t‖₀ / n} is the average derivative of the threshold (the fraction of
 * entries above it), so the Onsager coefficient is {@code ‖x^t‖₀ / m}.
 *
 * <p><b>Batches.</b> {@code y} is a vector {@code [m]} or a batch of columns {@code [m, B]}; each
 * column is an independent AMP run with its own {@code τ̂} and Onsager coefficient, and each half
 * step is one BLAS gemm over the whole batch. The iteration allocates nothing after its start.
 *
 * <p><b>Stopping</b> ({@link IterationMonitor}): the residual tested against the tolerance is the
 * relative change {@code ‖x^t − x^{t−1}‖_F / max(‖x^t‖_F, ‖x^{t−1}‖_F)} over the whole batch (0
 * when both are 0). Non-finite values stop the run as {@code DIVERGED} naming the iteration; so
 * does a noise-level estimate {@code max τ̂_t} above {@code divergenceFactor × max τ̂₀} (AMP
 * diverges on matrices far from the i.i.d. Gaussian model).
 *
 * <p>The result's solution is {@code x^T} of {@code y}'s batch shape ({@code [n]} or {@code [n, B]});
 * auxiliaries: {@code "residual"} (z^T, {@code y}'s shape) and {@code "tau"} (τ̂_{T−1} per
 * column, {@code [B]}). Immutable and thread-safe (each run has its own buffers).
 */
public final class Amp {
    private final Tensor matrix;
    private final int m;
    private final int n;
    private final double alpha;

    /**
     * @param matrix A, {@code [m, n]}, finite; kept by reference (not modified, not copied)
     * @param alpha  the threshold multiplier α ≥ 0 (finite): the threshold is {@code α·τ̂}
     */
    public Amp(Tensor matrix, double alpha) {
        if (matrix.rank() != 2) {
            throw new ShapeMismatchException("amp: A must be a matrix [m, n], got shape " + Arrays.toString(matrix.shape()));
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new FixpointException("InvalidParameter", "amp: alpha must be finite and >= 0, got " + alpha);
        }
        matrix.requireFinite("amp: matrix A");
        this.matrix = matrix;
        this.m = matrix.dim(0);
        this.n = matrix.dim(1);
        this.alpha = alpha;
    }

    /** @return the threshold multiplier α */
    public double alpha() {
        return alpha;
    }

    /** @return A, {@code [m, n]} (shared; do not modify) */
    public Tensor matrix() {
        return matrix;
    }

    /** @return the undersampling ratio δ = m / n */
    public double delta() {
        return (double) m / n;
    }

    /** @return {@link #solve(Tensor, StoppingCriteria, IterationListener, AmpObserver)} without observer */
    public SolverResult solve(Tensor y, StoppingCriteria criteria, IterationListener listener) {
        return solve(y, criteria, listener, AmpObserver.NONE);
    }

    /**
     * Runs AMP on {@code y} until the stopping criteria hold.
     *
     * @param y        measurements {@code [m]} or {@code [m, B]}, finite (not modified)
     * @param criteria stopping rules; the residual is the relative change of x (see the class comment)
     * @param listener per-iteration scalars, or {@code null}
     * @param observer per-iteration iterates, or {@code null}
     * @return the result; solution {@code [n]} or {@code [n, B]}
     */
    public SolverResult solve(Tensor y, StoppingCriteria criteria, IterationListener listener, AmpObserver observer) {
        Tensor y2 = batchView(y);
        int b = y2.dim(1);
        Tensor x = Tensor.zeros(n, b);
        Tensor xNew = Tensor.zeros(n, b);
        Tensor r = Tensor.zeros(n, b);
        Tensor z = y2.copy();
        double[] tau = new double[b];
        double[] onsager = new double[b];
        AmpObserver obs = observer == null ? AmpObserver.NONE : observer;
        IterationMonitor monitor = new IterationMonitor("amp", criteria, listener);
        double firstTau = Double.NaN;
        for (int t = 1; ; t++) {
            double tauMax = columnRms(z, tau);
            if (t == 1) {
                firstTau = tauMax;
            } else if (Double.isFinite(tauMax) && tauMax > criteria.divergenceFactor() * Math.max(firstTau, Double.MIN_NORMAL)) {
                monitor.stop(SolverStatus.DIVERGED, String.format("noise-level estimate max τ̂ %.3g exceeds %.3g × τ̂₀ = %.3g at iteration %d",
                        tauMax, criteria.divergenceFactor(), firstTau, t));
                break;
            }
            r.assign(x);
            Tensor.matmulInto(1.0, matrix, true, z, false, 1.0, r);
            double change = threshold(r, tau, x, xNew, onsager);
            Tensor swap = x;
            x = xNew;
            xNew = swap;
            // z ← (‖x^t‖₀/m)·z + y − A x^t
            scaleColumns(z, onsager);
            z.axpyInPlace(1.0, y2);
            Tensor.matmulInto(-1.0, matrix, false, x, false, 1.0, z);
            obs.onIteration(t, x, z, tau);
            if (monitor.record(t, Double.isFinite(tauMax) ? change : Double.NaN) != null) {
                break;
            }
        }
        Tensor solution = y.rank() == 1 ? x.reshape(n) : x;
        Tensor residual = y.rank() == 1 ? z.reshape(m) : z;
        return monitor.result(solution, Map.of("residual", residual, "tau", Tensor.wrap(tau, b)));
    }

    /**
     * Runs exactly {@code iterations} iterations (fewer only if a stopping test fires: an exact
     * fixed point, or divergence) and records the error against the truth.
     *
     * @param y          measurements {@code [m]} or {@code [m, B]}
     * @param truth      the true signal, {@code y}'s batch shape with n rows, or {@code null} (then the NMSE is NaN)
     * @param iterations T ≥ 1
     * @return NMSE of x^t (ratio of totals over the batch, and per sample) and RMS τ̂_{t−1} for t = 1..T
     */
    public AmpTrace trace(Tensor y, Tensor truth, int iterations) {
        if (iterations < 1) {
            throw new FixpointException("InvalidParameter", "amp: iterations must be >= 1, got " + iterations);
        }
        Tensor y2 = batchView(y);
        int b = y2.dim(1);
        Tensor truth2 = truth == null ? null : truthView(truth, b);
        double[] reference = truth2 == null ? null : columnSquares(truth2);
        double[] nmse = new double[iterations];
        double[][] samples = new double[iterations][b];
        double[] tauRms = new double[iterations];
        Arrays.fill(nmse, Double.NaN);
        for (double[] row : samples) {
            Arrays.fill(row, Double.NaN);
        }
        double[] error = new double[b];
        AmpObserver observer = (t, estimate, residual, tau) -> {
            double s = 0;
            for (double v : tau) {
                s += v * v;
            }
            tauRms[t - 1] = Math.sqrt(s / tau.length);
            if (truth2 != null) {
                columnErrors(estimate, truth2, error);
                double err = 0;
                double ref = 0;
                for (int j = 0; j < b; j++) {
                    samples[t - 1][j] = error[j] / reference[j];
                    err += error[j];
                    ref += reference[j];
                }
                nmse[t - 1] = err / ref;
            }
        };
        SolverResult result = solve(y2, StoppingCriteria.fixedIterations(iterations), null, observer);
        int done = result.iterations();
        return new AmpTrace(result, Arrays.copyOf(nmse, done), Arrays.copyOf(samples, done), Arrays.copyOf(tauRms, done));
    }

    /**
     * @return copies of x¹..x^T ({@code T = iterations}, fewer if a stopping test fires), each of
     *         {@code y}'s batch shape with n rows
     */
    public List<Tensor> iterates(Tensor y, int iterations) {
        List<Tensor> out = new ArrayList<>(iterations);
        solve(y, StoppingCriteria.fixedIterations(iterations), null,
                (t, estimate, residual, tau) -> out.add(y.rank() == 1 ? estimate.reshape(n).copy() : estimate.copy()));
        return out;
    }

    private Tensor batchView(Tensor y) {
        if ((y.rank() != 1 && y.rank() != 2) || y.dim(0) != m) {
            throw new ShapeMismatchException("amp", matrix.shape(), y.shape(),
                    "y is [m] or [m, B] with m = rows of A");
        }
        y.requireFinite("amp: measurements y");
        return y.rank() == 1 ? y.reshape(m, 1) : y;
    }

    private Tensor truthView(Tensor truth, int b) {
        boolean ok = truth.rank() == 1 ? b == 1 && truth.dim(0) == n : truth.rank() == 2 && truth.dim(0) == n && truth.dim(1) == b;
        if (!ok) {
            throw new ShapeMismatchException("amp trace", truth.shape(), new int[]{n, b}, "the truth is [n] or [n, B] like the estimate");
        }
        return truth.rank() == 1 ? truth.reshape(n, 1) : truth;
    }

    /** tau[j] ← ‖z_j‖/√m per column; @return the largest (NaN if any is non-finite) */
    private double columnRms(Tensor z, double[] tau) {
        int b = tau.length;
        Arrays.fill(tau, 0.0);
        double[] zd = z.data();
        for (int i = 0; i < m; i++) {
            int row = i * b;
            for (int j = 0; j < b; j++) {
                double v = zd[row + j];
                tau[j] += v * v;
            }
        }
        double max = 0;
        for (int j = 0; j < b; j++) {
            tau[j] = Math.sqrt(tau[j] / m);
            if (!Double.isFinite(tau[j])) {
                return Double.NaN;
            }
            max = Math.max(max, tau[j]);
        }
        return max;
    }

    /**
     * xNew ← η(r; α·tau_j) per column; onsager[j] ← ‖xNew_j‖₀ / m.
     *
     * @return relative change ‖xNew − x‖_F / max(‖xNew‖_F, ‖x‖_F), 0 when both are 0
     */
    private double threshold(Tensor r, double[] tau, Tensor x, Tensor xNew, double[] onsager) {
        int b = tau.length;
        double[] rd = r.data();
        double[] xd = x.data();
        double[] nd = xNew.data();
        Arrays.fill(onsager, 0.0);
        double diff = 0;
        double newNorm = 0;
        double oldNorm = 0;
        for (int i = 0; i < n; i++) {
            int row = i * b;
            for (int j = 0; j < b; j++) {
                double v = rd[row + j];
                double th = alpha * tau[j];
                double out = v > th ? v - th : (v < -th ? v + th : 0.0);
                if (out != 0.0) {
                    onsager[j] += 1;
                }
                double old = xd[row + j];
                nd[row + j] = out;
                diff += (out - old) * (out - old);
                newNorm += out * out;
                oldNorm += old * old;
            }
        }
        for (int j = 0; j < b; j++) {
            onsager[j] /= m;
        }
        double scale = Math.max(newNorm, oldNorm);
        return scale > 0 ? Math.sqrt(diff / scale) : (diff == 0 ? 0 : Double.NaN);
    }

    private static void scaleColumns(Tensor z, double[] factor) {
        int b = factor.length;
        double[] zd = z.data();
        for (int i = 0; i < zd.length; i += b) {
            for (int j = 0; j < b; j++) {
                zd[i + j] *= factor[j];
            }
        }
    }

    /** @return ‖t_j‖² per column of an [n, B] tensor */
    private static double[] columnSquares(Tensor t) {
        int b = t.dim(1);
        double[] out = new double[b];
        double[] d = t.data();
        int o = t.offset();
        for (int i = 0; i < t.size(); i++) {
            double v = d[o + i];
            out[i % b] += v * v;
        }
        return out;
    }

    /** out[j] ← ‖estimate_j − truth_j‖² per column */
    private static void columnErrors(Tensor estimate, Tensor truth, double[] out) {
        int b = out.length;
        Arrays.fill(out, 0.0);
        double[] e = estimate.data();
        double[] t = truth.data();
        int eo = estimate.offset();
        int to = truth.offset();
        for (int i = 0; i < estimate.size(); i++) {
            double d = e[eo + i] - t[to + i];
            out[i % b] += d * d;
        }
    }

    @Override
    public String toString() {
        return String.format("Amp[m=%d, n=%d, delta=%.4g, alpha=%.4g]", m, n, delta(), alpha);
    }
}
