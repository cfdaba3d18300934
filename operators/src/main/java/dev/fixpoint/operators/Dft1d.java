package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The unitary discrete Fourier transform of length {@code n} on complex data held as real pairs:
 * domain = range = {@code [n, 2]} (real part at index 0, imaginary part at index 1 of the last
 * axis), {@code (Fx)_k = n^{-1/2} Σ_j x_j e^{−2πi jk/n}}. Its adjoint is the inverse unitary
 * DFT, {@code (Fᵀy)_j = n^{-1/2} Σ_k y_k e^{+2πi jk/n}}, so {@code ‖Fx‖ = ‖x‖} and
 * {@code FᵀF = I}. Any {@code n ≥ 1} (JTransforms uses split-radix, mixed-radix or Bluestein).
 *
 * <p>The JTransforms plan is built once. Its tables are read-only after construction, so the
 * operator is immutable and thread-safe without locking (no field of {@code DoubleFFT_1D} is
 * written after its constructor; concurrent use is checked by {@code DftTest}). Apply and adjoint
 * copy the input into the output and transform there in place: no allocation beyond the output
 * (for mixed-radix and Bluestein lengths JTransforms allocates its own scratch per call).
 */
final class Dft1d extends LinearOperator {
    private final int n;
    private final double scale;
    private final DoubleFFT_1D fft;

    Dft1d(int n) {
        super(new int[]{n, 2}, new int[]{n, 2});
        if (n < 1) {
            throw new IllegalArgumentException("Dft1d: length n = " + n + " must be ≥ 1");
        }
        this.n = n;
        this.scale = 1 / Math.sqrt(n);
        this.fft = new DoubleFFT_1D(n);
    }

    @Override
    public String name() {
        return "Dft1d[" + n + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] a = copyInto(x, out);
        fft.complexForward(a, out.offset());
        scale(a, out.offset(), 2 * n, scale);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        double[] a = copyInto(y, out);
        fft.complexInverse(a, out.offset(), false);
        scale(a, out.offset(), 2 * n, scale);
    }

    /** Copies {@code src}'s elements into {@code dst}'s storage; returns that storage. */
    static double[] copyInto(Tensor src, Tensor dst) {
        System.arraycopy(src.data(), src.offset(), dst.data(), dst.offset(), src.size());
        return dst.data();
    }

    /** Multiplies {@code a[from … from+length)} by {@code s}. */
    static void scale(double[] a, int from, int length, double s) {
        for (int i = from, end = from + length; i < end; i++) {
            a[i] *= s;
        }
    }
}
