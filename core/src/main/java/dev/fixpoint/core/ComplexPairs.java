package dev.fixpoint.core;

import java.util.Arrays;

/**
 * Complex data as real pairs (ℂⁿ ≅ ℝ²ⁿ): a complex tensor of shape {@code (…, n)} is a real
 * {@link Tensor} of shape {@code (…, n, 2)}, real part at index 0 and imaginary part at index 1 of
 * the last axis (interleaved, as FFT libraries such as JTransforms expect). Because the complex
 * structure is only a convention on real storage, the adjoint of a complex-linear map is its
 * ordinary real adjoint and autodiff needs no complex special cases.
 *
 * <p>Stateless; every method returns a new tensor.
 */
public final class ComplexPairs {
    private ComplexPairs() {
    }

    /** @return the complex tensor {@code re + i·im} (shapes must agree), shape {@code re.shape + [2]} */
    public static Tensor of(Tensor re, Tensor im) {
        if (!re.sameShape(im)) {
            throw new ShapeMismatchException("ComplexPairs.of", re.shape(), im.shape(), "real and imaginary parts need equal shapes");
        }
        int[] s = Arrays.copyOf(re.shape(), re.rank() + 1);
        s[re.rank()] = 2;
        double[] out = new double[2 * re.size()];
        double[] r = re.data();
        double[] m = im.data();
        for (int i = 0; i < re.size(); i++) {
            out[2 * i] = r[re.offset() + i];
            out[2 * i + 1] = m[im.offset() + i];
        }
        return Tensor.wrap(out, s);
    }

    /** @return the real parts of a complex tensor (last axis of length 2 removed) */
    public static Tensor real(Tensor z) {
        return part(z, 0);
    }

    /** @return the imaginary parts of a complex tensor */
    public static Tensor imag(Tensor z) {
        return part(z, 1);
    }

    /** @return the moduli {@code |z|} */
    public static Tensor abs(Tensor z) {
        check(z, "abs");
        int n = z.size() / 2;
        double[] d = z.data();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.hypot(d[z.offset() + 2 * i], d[z.offset() + 2 * i + 1]);
        }
        return Tensor.wrap(out, Arrays.copyOf(z.shape(), z.rank() - 1));
    }

    /** @return the complex conjugate */
    public static Tensor conj(Tensor z) {
        check(z, "conj");
        Tensor out = z.copy();
        double[] d = out.data();
        for (int i = 1; i < d.length; i += 2) {
            d[i] = -d[i];
        }
        return out;
    }

    /** @return the elementwise complex product {@code z·w} */
    public static Tensor mul(Tensor z, Tensor w) {
        check(z, "mul");
        if (!z.sameShape(w)) {
            throw new ShapeMismatchException("ComplexPairs.mul", z.shape(), w.shape(), "complex operands need equal shapes");
        }
        double[] a = z.data();
        double[] b = w.data();
        double[] out = new double[z.size()];
        for (int i = 0; i < out.length; i += 2) {
            double ar = a[z.offset() + i];
            double ai = a[z.offset() + i + 1];
            double br = b[w.offset() + i];
            double bi = b[w.offset() + i + 1];
            out[i] = ar * br - ai * bi;
            out[i + 1] = ar * bi + ai * br;
        }
        return Tensor.wrap(out, z.shape());
    }

    private static Tensor part(Tensor z, int which) {
        check(z, which == 0 ? "real" : "imag");
        int n = z.size() / 2;
        double[] d = z.data();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d[z.offset() + 2 * i + which];
        }
        return Tensor.wrap(out, Arrays.copyOf(z.shape(), z.rank() - 1));
    }

    private static void check(Tensor z, String op) {
        if (z.rank() == 0 || z.dim(-1) != 2) {
            throw new ShapeMismatchException("ComplexPairs." + op + ": a complex tensor needs a last axis of length 2, got shape "
                    + Arrays.toString(z.shape()));
        }
    }
}
