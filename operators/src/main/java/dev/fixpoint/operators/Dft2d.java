package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The unitary two-dimensional discrete Fourier transform of an {@code h × w} complex image held as
 * real pairs: domain = range = {@code [h, w, 2]} (row-major, real/imaginary interleaved),
 * {@code (Fx)_{k,l} = (hw)^{-1/2} Σ_{i,j} x_{i,j} e^{−2πi (ik/h + jl/w)}}. Its adjoint is the
 * inverse unitary DFT, so {@code ‖Fx‖ = ‖x‖} and {@code FᵀF = I}. Any {@code h, w ≥ 1}; a
 * {@code 1 × w} or {@code h × 1} transform is the one-dimensional one.
 *
 * <p>The JTransforms plan is built once. {@code DoubleFFT_2D} is <em>not</em> thread-safe (its
 * complex transforms temporarily rewrite a field of the plan), so concurrent calls on one operator
 * are serialised on the plan; the operator is thread-safe, and callers that need concurrent 2-D
 * transforms use one operator per thread. The {@code 1 × w} / {@code h × 1} case uses a
 * {@code DoubleFFT_1D} plan, which is read-only after construction and not locked. For images of at
 * least {@code CommonUtils.getThreadsBeginN_2D()} (65 536) pixels JTransforms parallelises each
 * transform over its shared thread pool ({@code pl.edu.icm.jlargearrays.ConcurrencyUtils}; the
 * number of threads is set there). That pool's threads are not daemon threads and stay alive for 60 s
 * after their last task, so a {@code main} that ends without {@code System.exit} lingers that long
 * unless it calls {@code ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination()}.
 *
 * <p>Apply and adjoint copy the input into the output and transform in place (JTransforms
 * allocates small per-call scratch of its own); an output that does not start at offset 0 of an
 * array of exactly {@code 2hw} doubles (a view) is transformed in a temporary array and copied back.
 */
final class Dft2d extends LinearOperator {
    private final int h;
    private final int w;
    private final double scale;
    private final DoubleFFT_2D fft2;  // null when h == 1 or w == 1 (JTransforms needs both > 1)
    private final DoubleFFT_1D fft1;  // used instead in that case

    Dft2d(int h, int w) {
        super(new int[]{h, w, 2}, new int[]{h, w, 2});
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("Dft2d: image size " + h + "×" + w + " must be at least 1×1");
        }
        this.h = h;
        this.w = w;
        this.scale = 1 / Math.sqrt((double) h * w);
        if (h > 1 && w > 1) {
            this.fft2 = new DoubleFFT_2D(h, w);
            this.fft1 = null;
        } else {
            this.fft2 = null;
            this.fft1 = new DoubleFFT_1D((long) h * w);
        }
    }

    @Override
    public String name() {
        return "Dft2d[" + h + "×" + w + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        transform(x, out, true);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        transform(y, out, false);
    }

    private void transform(Tensor in, Tensor out, boolean forward) {
        int len = 2 * h * w;
        if (fft1 != null) {
            double[] a = Dft1d.copyInto(in, out);
            if (forward) {
                fft1.complexForward(a, out.offset());
            } else {
                fft1.complexInverse(a, out.offset(), false);
            }
            Dft1d.scale(a, out.offset(), len, scale);
            return;
        }
        boolean direct = out.offset() == 0 && out.data().length == len;
        double[] a = direct ? Dft1d.copyInto(in, out) : in.toArray();
        synchronized (fft2) { // DoubleFFT_2D rewrites its own 'columns' field during complex transforms
            if (forward) {
                fft2.complexForward(a);
            } else {
                fft2.complexInverse(a, false);
            }
        }
        if (direct) {
            Dft1d.scale(a, 0, len, scale);
        } else {
            double[] o = out.data();
            for (int i = 0, j = out.offset(); i < len; i++, j++) {
                o[j] = a[i] * scale;
            }
        }
    }
}
