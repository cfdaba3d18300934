package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * One-dimensional (anisotropic) total variation {@code f(x) = λ Σ_{i=0}^{n−2} |x_{i+1} − x_i|} on a
 * vector of shape {@code [n]}, with its <em>exact</em> proximal map.
 *
 * <p><b>Prox.</b> {@code prox_{τf}(v) = argmin_x ½‖x − v‖² + τλ Σ|x_{i+1} − x_i|} (1-D total-variation
 * denoising, the fused-lasso signal approximator) is computed by the direct algorithm of
 * L. Condat, "A direct algorithm for 1D total variation denoising", <i>IEEE Signal Processing
 * Letters</i> 20(11):1054–1057, 2013 (doi:10.1109/LSP.2013.2278339). The algorithm scans the signal
 * once, maintaining the lowest and highest value the current segment can take and the running dual
 * (taut-string) sums for both; it emits a segment when one of them leaves {@code [−τλ, τλ]} and
 * restarts after it. It is exact — no tolerance, no iterations; the result is the minimiser up to
 * floating-point rounding — and runs in {@code O(n)} time on typical signals (the worst case, which
 * needs adversarial inputs, is {@code O(n²)}). It allocates nothing beyond the output; {@code n = 0}
 * and {@code n = 1} return {@code v} itself (copied), as does {@code τλ = 0}.
 *
 * <p><b>Dual.</b> With {@code (Dx)_i = x_{i+1} − x_i} ({@code D} is {@code (n−1)×n}), the prox
 * satisfies {@code x = v − Dᵀz} for the unique {@code z} with {@code |z_i| ≤ τλ} and
 * {@code z_i = τλ·sign(x_{i+1} − x_i)} wherever {@code x} jumps. {@link #conjugateValue} is the
 * indicator of {@code {Dᵀz : ‖z‖_∞ ≤ λ}}: {@code y} must sum to zero and its partial sums must lie
 * in {@code [−λ, λ]} (checked with a relative slack of {@code 1e-9}, documented there).
 *
 * <p>Inputs must have rank 1; another rank throws {@link ShapeMismatchException}. Immutable and
 * thread-safe. The static {@link #denoise} works on raw arrays for callers with their own storage.
 */
public final class TotalVariation1d extends ProximalFunction {
    private final double lambda;

    /**
     * @param lambda the weight {@code λ ≥ 0} (0 gives the zero function, whose prox is the identity)
     * @throws FixpointException {@code [fixpoint/BadParameter]} for negative, NaN or infinite {@code λ}
     */
    public TotalVariation1d(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new FixpointException("BadParameter", "TotalVariation1d: λ = " + lambda
                    + " must be finite and ≥ 0");
        }
        this.lambda = lambda;
    }

    /** @return the weight {@code λ} */
    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "tv1d(λ=" + lambda + ")";
    }

    /** @return {@code λ Σ |x_{i+1} − x_i|} for a vector {@code x} of shape {@code [n]} */
    @Override
    public double value(Tensor x) {
        requireVector(x, "value");
        double[] a = x.data();
        int o = x.offset();
        int n = x.size();
        double s = 0;
        for (int i = o; i < o + n - 1; i++) {
            s += Math.abs(a[i + 1] - a[i]);
        }
        return lambda * s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        requireVector(v, "prox");
        denoise(v.data(), v.offset(), out.data(), out.offset(), v.size(), tau * lambda);
    }

    /**
     * The value of the conjugate, the indicator of {@code {Dᵀz : ‖z‖_∞ ≤ λ}}: 0 when
     * {@code |Σ_i y_i| ≤ ε} and every partial sum satisfies {@code |Σ_{i≤k} y_i| ≤ λ + ε}, where
     * {@code ε = 1e-9·(λ + Σ|y_i|)} absorbs rounding in the sums; {@code +∞} otherwise.
     */
    @Override
    public double conjugateValue(Tensor y) {
        requireVector(y, "conjugateValue");
        double[] a = y.data();
        int o = y.offset();
        int n = y.size();
        double abs = 0;
        for (int i = o; i < o + n; i++) {
            abs += Math.abs(a[i]);
        }
        double eps = 1e-9 * (lambda + abs);
        double partial = 0;
        for (int i = o; i < o + n; i++) {
            partial += a[i];
            if (Math.abs(partial) > lambda + eps) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return Math.abs(partial) <= eps ? 0.0 : Double.POSITIVE_INFINITY;
    }

    /**
     * Exact 1-D total-variation denoising on raw arrays:
     * {@code x ← argmin_x ½‖x − y‖² + t Σ|x_{i+1} − x_i|} (Condat 2013, see the class comment).
     * Reads {@code y[yOffset … yOffset+n)} and writes {@code x[xOffset … xOffset+n)}; nothing else is
     * modified and nothing is allocated. The two ranges must not overlap. No argument checks beyond
     * the array bounds: {@code t ≥ 0} and finite {@code y} are the caller's responsibility.
     *
     * @param y       input signal (not modified)
     * @param yOffset index of {@code y_0}
     * @param x       output signal (overwritten)
     * @param xOffset index of {@code x_0}
     * @param n       number of samples ({@code ≥ 0})
     * @param t       threshold {@code t = τλ ≥ 0}
     */
    public static void denoise(double[] y, int yOffset, double[] x, int xOffset, int n, double t) {
        if (n <= 1 || t == 0) {
            System.arraycopy(y, yOffset, x, xOffset, n);
            return;
        }
        // Segment [k0, k]: candidate low value vLow with running dual uLow (its last admissible
        // jump at kLow), candidate high value vHigh with uHigh (last admissible jump at kHigh).
        // The dual u is Σ (y − value) over the segment plus the boundary term left by the previous
        // jump (0 at the start, +t after a jump down, −t after a jump up); it must stay in [−t, t]
        // and end at 0 at the last sample.
        int k = 0;
        int k0 = 0;
        int kLow = 0;
        int kHigh = 0;
        double vLow = y[yOffset] - t;
        double vHigh = y[yOffset] + t;
        double uLow = t;
        double uHigh = -t;
        int last = n - 1;
        while (true) {
            if (k == last) {
                if (uLow < 0) {
                    // Even the lowest admissible value leaves a negative final dual: the segment ends
                    // at kLow with value vLow and the signal jumps down after it.
                    k0 = emit(x, xOffset, k0, kLow, vLow);
                    k = k0;
                    kLow = k0;
                    vLow = y[yOffset + k0];
                    uLow = t;
                    uHigh = vLow + t - vHigh;
                } else if (uHigh > 0) {
                    k0 = emit(x, xOffset, k0, kHigh, vHigh);
                    k = k0;
                    kHigh = k0;
                    vHigh = y[yOffset + k0];
                    uHigh = -t;
                    uLow = vHigh - t - vLow;
                } else {
                    // Both bounds admit a zero final dual: the last segment takes the value that
                    // makes it exactly zero.
                    emit(x, xOffset, k0, k, vLow + uLow / (k - k0 + 1));
                    return;
                }
                continue;
            }
            double next = y[yOffset + k + 1];
            uLow += next - vLow;
            uHigh += next - vHigh;
            if (uLow < -t) {
                // the next sample is too low for any value ≥ vLow: jump down after kLow
                k0 = emit(x, xOffset, k0, kLow, vLow);
                k = k0;
                kLow = k0;
                kHigh = k0;
                vLow = y[yOffset + k0];
                vHigh = vLow + 2 * t;
                uLow = t;
                uHigh = -t;
            } else if (uHigh > t) {
                // the next sample is too high for any value ≤ vHigh: jump up after kHigh
                k0 = emit(x, xOffset, k0, kHigh, vHigh);
                k = k0;
                kLow = k0;
                kHigh = k0;
                vHigh = y[yOffset + k0];
                vLow = vHigh - 2 * t;
                uLow = t;
                uHigh = -t;
            } else {
                k++;
                if (uLow >= t) {
                    // raise the low value so that its dual is back on the bound
                    kLow = k;
                    vLow += (uLow - t) / (k - k0 + 1);
                    uLow = t;
                }
                if (uHigh <= -t) {
                    kHigh = k;
                    vHigh += (uHigh + t) / (k - k0 + 1);
                    uHigh = -t;
                }
            }
        }
    }

    /** Writes {@code value} at {@code from … max(from, to)} and returns the next segment start. */
    private static int emit(double[] x, int xOffset, int from, int to, double value) {
        int i = from;
        do {
            x[xOffset + i] = value;
            i++;
        } while (i <= to);
        return i;
    }

    private void requireVector(Tensor t, String what) {
        if (t.rank() != 1) {
            throw new ShapeMismatchException(name() + "." + what + ": expected a vector of shape [n], got shape "
                    + Arrays.toString(t.shape()) + " (rank " + t.rank() + "); reshape or use TotalVariation2d for images");
        }
    }
}
