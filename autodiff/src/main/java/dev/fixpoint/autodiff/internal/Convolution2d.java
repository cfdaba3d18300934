package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Padding;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as in deep-learning libraries) of a batch
 * {@code input [N, C, H, W]} with {@code kernel [K, C, kh, kw]}, giving {@code [N, K, OH, OW]}:
 * {@code out[n,k,p,q] = Σ_{c,i,j} kernel[k,c,i,j] · in[n, c, p·s + i − padTop, q·s + j − padLeft]}
 * (zero outside the input).
 *
 * <p><b>Method.</b> im2col + gemm: for each image, the patches are unfolded into a column matrix
 * {@code cols [C·kh·kw, OH·OW]} (row {@code (c·kh + i)·kw + j}, column {@code p·OW + q}), so that the
 * kernel, viewed without copying as {@code [K, C·kh·kw]} (its row-major layout), gives the output
 * image {@code [K, OH·OW]} — exactly the row-major layout of {@code out[n]} — in one gemm written in
 * place. One {@code cols} buffer is allocated per call and reused for every image.
 *
 * <p><b>Derivatives.</b> Three bilinear operations form a closed family: the convolution
 * {@code conv(x, w)}, its adjoint in the input {@code inputGrad(g, w) = col2im(wᵀ·g)} and its adjoint
 * in the kernel {@code kernelGrad(x, g) = Σₙ gₙ·colsₙᵀ}. Each one's VJP is made of the other two, so
 * the convolution is differentiable to any order; all products are backend gemms with
 * transposition flags.
 */
public final class Convolution2d {
    private Convolution2d() {
    }

    /**
     * @param input   {@code [N, C, H, W]}
     * @param kernel  {@code [K, C, kh, kw]}
     * @param stride  ≥ 1, the same along both axes
     * @param padding see {@link Padding}
     * @return {@code [N, K, OH, OW]}
     */
    public static Var conv2d(Var input, Var kernel, int stride, Padding padding) {
        Geometry g = Geometry.of(input.shape(), kernel.shape(), stride, padding);
        return new Conv(g).apply(input, kernel);
    }

    /** Sizes of one convolution; {@code n} is the batch size. */
    record Geometry(int n, int c, int h, int w, int k, int kh, int kw, int stride, int padTop, int padLeft,
                    int oh, int ow) {
        static Geometry of(int[] in, int[] ker, int stride, Padding padding) {
            if (in.length != 4 || ker.length != 4 || in[1] != ker[1]) {
                throw new ShapeMismatchException("conv2d", in, ker,
                        "input must be [N, C, H, W] and kernel [K, C, kh, kw] with the same C");
            }
            if (stride < 1) {
                throw new IllegalArgumentException("conv2d: stride must be ≥ 1, got " + stride);
            }
            int[] ph = padding.along(in[2], ker[2], stride);
            int[] pw = padding.along(in[3], ker[3], stride);
            int oh = Math.floorDiv(in[2] + ph[0] + ph[1] - ker[2], stride) + 1;
            int ow = Math.floorDiv(in[3] + pw[0] + pw[1] - ker[3], stride) + 1;
            if (oh < 1 || ow < 1 || ker[2] < 1 || ker[3] < 1) {
                throw new ShapeMismatchException("conv2d", in, ker, "the (padded) input must be at least as large as the kernel"
                        + " (padding " + padding + ")");
            }
            return new Geometry(in[0], in[1], in[2], in[3], ker[0], ker[2], ker[3], stride, ph[0], pw[0], oh, ow);
        }

        int patch() {
            return c * kh * kw;
        }

        int pixels() {
            return oh * ow;
        }

        int[] inputShape() {
            return new int[]{n, c, h, w};
        }

        int[] kernelShape() {
            return new int[]{k, c, kh, kw};
        }

        int[] outputShape() {
            return new int[]{n, k, oh, ow};
        }
    }

    /** Unfolds image {@code n} of {@code x} into {@code cols [patch, pixels]} (overwritten). */
    static void im2col(Geometry g, Tensor x, int n, double[] cols) {
        double[] d = x.data();
        int img = x.offset() + n * g.c * g.h * g.w;
        int pixels = g.pixels();
        for (int c = 0; c < g.c; c++) {
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = ((c * g.kh + i) * g.kw + j) * pixels;
                    for (int p = 0; p < g.oh; p++) {
                        int ii = p * g.stride - g.padTop + i;
                        int dst = row + p * g.ow;
                        if (ii < 0 || ii >= g.h) {
                            Arrays.fill(cols, dst, dst + g.ow, 0.0);
                            continue;
                        }
                        int src = img + (c * g.h + ii) * g.w;
                        for (int q = 0; q < g.ow; q++) {
                            int jj = q * g.stride - g.padLeft + j;
                            cols[dst + q] = jj >= 0 && jj < g.w ? d[src + jj] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** Folds {@code cols [patch, pixels]} back, adding into image {@code n} of {@code x} (fresh storage). */
    static void col2im(Geometry g, double[] cols, Tensor x, int n) {
        double[] d = x.data();
        int img = n * g.c * g.h * g.w;
        int pixels = g.pixels();
        for (int c = 0; c < g.c; c++) {
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = ((c * g.kh + i) * g.kw + j) * pixels;
                    for (int p = 0; p < g.oh; p++) {
                        int ii = p * g.stride - g.padTop + i;
                        if (ii < 0 || ii >= g.h) {
                            continue;
                        }
                        int src = row + p * g.ow;
                        int dst = img + (c * g.h + ii) * g.w;
                        for (int q = 0; q < g.ow; q++) {
                            int jj = q * g.stride - g.padLeft + j;
                            if (jj >= 0 && jj < g.w) {
                                d[dst + jj] += cols[src + q];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code conv(x, w)}: {@code out[n] = w [K, patch] · cols(x[n])}. */
    static Tensor conv(Geometry g, Tensor x, Tensor w) {
        Tensor out = Tensor.zeros(g.outputShape());
        Tensor cols = Tensor.zeros(g.patch(), g.pixels());
        Tensor wm = w.reshape(g.k, g.patch());
        for (int n = 0; n < g.n; n++) {
            im2col(g, x, n, cols.data());
            Tensor.matmulInto(1.0, wm, false, cols, false, 0.0, out.rows(n, n + 1).reshape(g.k, g.pixels()));
        }
        return out;
    }

    /** {@code inputGrad(gy, w)}: {@code dx[n] = col2im(wᵀ · gy[n])}, of the input's shape. */
    static Tensor inputGrad(Geometry g, Tensor gy, Tensor w) {
        Tensor dx = Tensor.zeros(g.inputShape());
        Tensor cols = Tensor.zeros(g.patch(), g.pixels());
        Tensor wm = w.reshape(g.k, g.patch());
        for (int n = 0; n < g.n; n++) {
            Tensor.matmulInto(1.0, wm, true, gy.rows(n, n + 1).reshape(g.k, g.pixels()), false, 0.0, cols);
            col2im(g, cols.data(), dx, n);
        }
        return dx;
    }

    /** {@code kernelGrad(x, gy)}: {@code dw = Σₙ gy[n] · cols(x[n])ᵀ}, of the kernel's shape. */
    static Tensor kernelGrad(Geometry g, Tensor x, Tensor gy) {
        Tensor dw = Tensor.zeros(g.kernelShape());
        Tensor cols = Tensor.zeros(g.patch(), g.pixels());
        Tensor dwm = dw.reshape(g.k, g.patch());
        for (int n = 0; n < g.n; n++) {
            im2col(g, x, n, cols.data());
            Tensor.matmulInto(1.0, gy.rows(n, n + 1).reshape(g.k, g.pixels()), false, cols, true, 1.0, dwm);
        }
        return dw;
    }

    /** Sum of two optional tangent contributions. */
    private static Tensor plus(Tensor a, Tensor b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** {@code conv(x, w)}; inputs {@code (x, w)}. */
    private static final class Conv extends Op {
        private final Geometry g;

        Conv(Geometry g) {
            this.g = g;
        }

        @Override
        public String name() {
            return "conv2d";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return conv(g, in[0], in[1]);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var gy) {
            return new Var[]{ctx.needsGrad(0) ? new InputGrad(g).apply(gy, ctx.input(1)) : null,
                    ctx.needsGrad(1) ? new KernelGrad(g).apply(ctx.input(0), gy) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return plus(t[0] == null ? null : conv(g, t[0], ctx.input(1).value()),
                    t[1] == null ? null : conv(g, ctx.input(0).value(), t[1]));
        }
    }

    /** {@code inputGrad(gy, w)}; inputs {@code (gy, w)}, output of the convolution input's shape. */
    private static final class InputGrad extends Op {
        private final Geometry g;

        InputGrad(Geometry g) {
            this.g = g;
        }

        @Override
        public String name() {
            return "conv2d input adjoint";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return inputGrad(g, in[0], in[1]);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var u) {
            // ⟨u, inputGrad(gy, w)⟩ = ⟨conv(u, w), gy⟩
            return new Var[]{ctx.needsGrad(0) ? new Conv(g).apply(u, ctx.input(1)) : null,
                    ctx.needsGrad(1) ? new KernelGrad(g).apply(u, ctx.input(0)) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return plus(t[0] == null ? null : inputGrad(g, t[0], ctx.input(1).value()),
                    t[1] == null ? null : inputGrad(g, ctx.input(0).value(), t[1]));
        }
    }

    /** {@code kernelGrad(x, gy)}; inputs {@code (x, gy)}, output of the kernel's shape. */
    private static final class KernelGrad extends Op {
        private final Geometry g;

        KernelGrad(Geometry g) {
            this.g = g;
        }

        @Override
        public String name() {
            return "conv2d kernel adjoint";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return kernelGrad(g, in[0], in[1]);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var u) {
            // ⟨u, kernelGrad(x, gy)⟩ = ⟨conv(x, u), gy⟩
            return new Var[]{ctx.needsGrad(0) ? new InputGrad(g).apply(ctx.input(1), u) : null,
                    ctx.needsGrad(1) ? new Conv(g).apply(ctx.input(0), u) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return plus(t[0] == null ? null : kernelGrad(g, t[0], ctx.input(1).value()),
                    t[1] == null ? null : kernelGrad(g, ctx.input(0).value(), t[1]));
        }
    }
}
