package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/**
 * Single-channel two-dimensional convolution of an {@code h × w} image with a {@code kh × kw}
 * kernel, "same" size: domain = range = {@code [h, w]}. With the kernel centre
 * {@code (ch, cw) = (⌊kh/2⌋, ⌊kw/2⌋)},
 * <pre>
 *   (k ∗ x)[i, j] = Σ_{a &lt; kh, b &lt; kw} k[a, b] · x[i + ch − a, j + cw − b]
 * </pre>
 * — a true convolution (flipped kernel): a unit impulse at {@code (p, q)} becomes a copy of the
 * kernel with {@code k[ch, cw]} at {@code (p, q)}. For odd kernel sizes this is
 * {@code scipy.signal.convolve2d(x, k, mode='same')} ({@code boundary='fill'} for
 * {@link ConvolutionBoundary#ZERO}, {@code 'wrap'} for {@link ConvolutionBoundary#PERIODIC}).
 * Out-of-image pixels are 0 (ZERO) or wrapped modulo {@code h, w} (PERIODIC; kernels larger than
 * the image wrap several times).
 *
 * <p>The adjoint is the correlation with the same kernel and boundary,
 * {@code (Aᵀy)[p, q] = Σ k[a, b] · y[p + a − ch, q + b − cw]}, the exact transpose (for ZERO,
 * terms falling outside the image are dropped, matching the forward zero padding).
 *
 * <p>Direct loops, {@code O(h·w·kh·kw)}, with branch-free inner loops over contiguous rows; meant
 * for small kernels. The kernel is copied at construction: immutable and thread-safe.
 */
final class Convolution2d extends LinearOperator {
    private final double[] kernel;
    private final int kh;
    private final int kw;
    private final int h;
    private final int w;
    private final ConvolutionBoundary boundary;

    Convolution2d(Tensor kernel, int h, int w, ConvolutionBoundary boundary) {
        super(new int[]{h, w}, new int[]{h, w});
        if (kernel.rank() != 2 || kernel.size() == 0) {
            throw new IllegalArgumentException("Convolution2d: the kernel must be a non-empty matrix [kh, kw], got shape "
                    + java.util.Arrays.toString(kernel.shape()));
        }
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("Convolution2d: image size " + h + "×" + w + " must be at least 1×1");
        }
        if (boundary == null) {
            throw new IllegalArgumentException("Convolution2d: boundary must be one of "
                    + java.util.Arrays.toString(ConvolutionBoundary.values()) + ", got null");
        }
        kernel.requireFinite("Convolution2d kernel");
        this.kernel = kernel.toArray();
        this.kh = kernel.dim(0);
        this.kw = kernel.dim(1);
        this.h = h;
        this.w = w;
        this.boundary = boundary;
    }

    @Override
    public String name() {
        return "Convolution2d[" + kh + "×" + kw + " on " + h + "×" + w + ", " + boundary + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        run(x, out, -1);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        run(y, out, +1);
    }

    /**
     * {@code out[i, j] = Σ k[a, b] · in[i + sign·(a − ch), j + sign·(b − cw)]}: sign −1 is the
     * convolution, +1 the correlation (its transpose).
     */
    private void run(Tensor in, Tensor out, int sign) {
        double[] src = in.data();
        double[] dst = out.data();
        int so = in.offset();
        int doff = out.offset();
        java.util.Arrays.fill(dst, doff, doff + h * w, 0.0);
        int ch = kh / 2;
        int cw = kw / 2;
        for (int a = 0; a < kh; a++) {
            int di = sign * (a - ch);             // source row = i + di
            for (int b = 0; b < kw; b++) {
                double k = kernel[a * kw + b];
                if (k == 0) {
                    continue;
                }
                int dj = sign * (b - cw);         // source column = j + dj
                if (boundary == ConvolutionBoundary.ZERO) {
                    accumulateZero(src, so, dst, doff, k, di, dj);
                } else {
                    accumulatePeriodic(src, so, dst, doff, k, Math.floorMod(di, h), Math.floorMod(dj, w));
                }
            }
        }
    }

    /** {@code dst[i, j] += k · src[i + di, j + dj]} where the source pixel is inside the image. */
    private void accumulateZero(double[] src, int so, double[] dst, int doff, double k, int di, int dj) {
        int i0 = Math.max(0, -di);
        int i1 = Math.min(h, h - di);
        int j0 = Math.max(0, -dj);
        int j1 = Math.min(w, w - dj);
        for (int i = i0; i < i1; i++) {
            int d = doff + i * w;
            int s = so + (i + di) * w + dj;
            for (int j = j0; j < j1; j++) {
                dst[d + j] += k * src[s + j];
            }
        }
    }

    /** {@code dst[i, j] += k · src[(i + di) mod h, (j + dj) mod w]} for {@code 0 ≤ di < h, 0 ≤ dj < w}. */
    private void accumulatePeriodic(double[] src, int so, double[] dst, int doff, double k, int di, int dj) {
        int split = w - dj;                       // columns j < split read j + dj, the rest j + dj − w
        for (int i = 0; i < h; i++) {
            int si = i + di;
            if (si >= h) {
                si -= h;
            }
            int d = doff + i * w;
            int s = so + si * w;
            for (int j = 0; j < split; j++) {
                dst[d + j] += k * src[s + j + dj];
            }
            for (int j = split; j < w; j++) {
                dst[d + j] += k * src[s + j + dj - w];
            }
        }
    }
}
