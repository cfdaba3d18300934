package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/**
 * The orthonormal multi-level two-dimensional discrete wavelet transform with periodic boundary:
 * domain = range = {@code [h, w]}, coefficients in the in-place Mallat layout.
 *
 * <p>One level on a signal {@code x} of even length {@code n} (indices modulo {@code n}):
 * {@code a_i = Σ_k h_k x_{2i+k}} (approximation, stored at {@code 0 … n/2−1}) and
 * {@code d_i = Σ_k g_k x_{2i+k}} (detail, at {@code n/2 … n−1}), with {@code h}, {@code g} the
 * filters of the {@link WaveletFamily}. Level {@code ℓ = 0 … levels−1} transforms every row and then
 * every column of the top-left {@code (h/2^ℓ) × (w/2^ℓ)} block, so after all levels the coarsest
 * approximation is the top-left {@code (h/2^levels) × (w/2^levels)} block, the details of each level
 * surround it (top-right: high-pass along rows; bottom-left: high-pass along columns; bottom-right:
 * both). For Haar and a 2×2 image: {@code [[a+b+c+d, a−b+c−d], [a+b−c−d, a−b−c+d]]/2}.
 *
 * <p>The transform is orthogonal, so the adjoint is the inverse (synthesis), {@code ‖Wx‖ = ‖x‖}
 * and {@code WᵀW = WWᵀ = I}. {@code h} and {@code w} must be divisible by {@code 2^levels}
 * (filters longer than a block wrap around it several times; still orthogonal). Each call allocates
 * one scratch line of {@code 2·max(h, w)} doubles; immutable and thread-safe.
 */
final class Wavelet2d extends LinearOperator {
    private final int h;
    private final int w;
    private final int levels;
    private final WaveletFamily family;
    private final double[] lo;
    private final double[] hi;

    Wavelet2d(int h, int w, WaveletFamily family, int levels) {
        super(new int[]{h, w}, new int[]{h, w});
        if (family == null) {
            throw new IllegalArgumentException("Wavelet2d: family must be one of "
                    + java.util.Arrays.toString(WaveletFamily.values()) + ", got null");
        }
        if (levels < 1 || levels > 30) {
            throw new IllegalArgumentException("Wavelet2d: levels = " + levels + " must be in [1, 30]");
        }
        if (h < 1 || w < 1 || h % (1 << levels) != 0 || w % (1 << levels) != 0) {
            throw new IllegalArgumentException("Wavelet2d: image size " + h + "×" + w + " must be divisible by 2^levels = "
                    + (1 << levels) + " (levels = " + levels + "); use at most " + maxLevels(h, w)
                    + " levels for this size or pad the image");
        }
        this.h = h;
        this.w = w;
        this.levels = levels;
        this.family = family;
        this.lo = family.lowPass();
        this.hi = family.highPass();
    }

    /** @return the largest number of levels for which both sizes are divisible by {@code 2^levels} */
    static int maxLevels(int h, int w) {
        if (h < 1 || w < 1) {
            return 0;
        }
        return Math.min(Integer.numberOfTrailingZeros(h), Integer.numberOfTrailingZeros(w));
    }

    @Override
    public String name() {
        return "Wavelet2d[" + family + ", " + levels + " levels, " + h + "×" + w + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] a = Dft1d.copyInto(x, out);
        int off = out.offset();
        double[] line = new double[2 * Math.max(h, w)];
        for (int l = 0; l < levels; l++) {
            int rows = h >> l;
            int cols = w >> l;
            for (int r = 0; r < rows; r++) {
                int base = off + r * w;
                System.arraycopy(a, base, line, 0, cols);
                analyse(line, cols);
                System.arraycopy(line, cols, a, base, cols);
            }
            for (int c = 0; c < cols; c++) {
                int base = off + c;
                for (int r = 0; r < rows; r++) {
                    line[r] = a[base + r * w];
                }
                analyse(line, rows);
                for (int r = 0; r < rows; r++) {
                    a[base + r * w] = line[rows + r];
                }
            }
        }
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        double[] a = Dft1d.copyInto(y, out);
        int off = out.offset();
        double[] line = new double[2 * Math.max(h, w)];
        for (int l = levels - 1; l >= 0; l--) {
            int rows = h >> l;
            int cols = w >> l;
            for (int c = 0; c < cols; c++) {
                int base = off + c;
                for (int r = 0; r < rows; r++) {
                    line[r] = a[base + r * w];
                }
                synthesise(line, rows);
                for (int r = 0; r < rows; r++) {
                    a[base + r * w] = line[rows + r];
                }
            }
            for (int r = 0; r < rows; r++) {
                int base = off + r * w;
                System.arraycopy(a, base, line, 0, cols);
                synthesise(line, cols);
                System.arraycopy(line, cols, a, base, cols);
            }
        }
    }

    /**
     * One analysis step on {@code buf[0 … n)} (n even); the result (approximation then detail) is
     * written to {@code buf[n … 2n)}.
     */
    private void analyse(double[] buf, int n) {
        int half = n / 2;
        int taps = lo.length;
        for (int i = 0; i < half; i++) {
            double s = 0;
            double d = 0;
            int start = 2 * i;
            if (start + taps <= n) {
                for (int k = 0; k < taps; k++) {
                    double v = buf[start + k];
                    s += lo[k] * v;
                    d += hi[k] * v;
                }
            } else {
                for (int k = 0; k < taps; k++) {
                    double v = buf[(start + k) % n];
                    s += lo[k] * v;
                    d += hi[k] * v;
                }
            }
            buf[n + i] = s;
            buf[n + half + i] = d;
        }
    }

    /**
     * The transpose of {@link #analyse}: {@code buf[0 … n)} holds approximation then detail; the
     * signal {@code x_{2i+k} += h_k a_i + g_k d_i} is written to {@code buf[n … 2n)}.
     */
    private void synthesise(double[] buf, int n) {
        int half = n / 2;
        int taps = lo.length;
        java.util.Arrays.fill(buf, n, 2 * n, 0.0);
        for (int i = 0; i < half; i++) {
            double s = buf[i];
            double d = buf[half + i];
            int start = 2 * i;
            if (start + taps <= n) {
                for (int k = 0; k < taps; k++) {
                    buf[n + start + k] += lo[k] * s + hi[k] * d;
                }
            } else {
                for (int k = 0; k < taps; k++) {
                    buf[n + (start + k) % n] += lo[k] * s + hi[k] * d;
                }
            }
        }
    }
}
