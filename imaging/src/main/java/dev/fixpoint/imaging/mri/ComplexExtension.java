package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import java.util.Arrays;

/**
 * The complex extension of a real linear operator {@code R: ℝ^d → ℝ^r}: applied to the real and the
 * imaginary part separately, from {@code [d…, 2]} to {@code [r…, 2]} (real pairs). Its adjoint is the
 * extension of {@code Rᵀ}. Used for orthonormal wavelets and the image gradient of complex images.
 */
final class ComplexExtension extends LinearOperator {
    private final LinearOperator real;

    ComplexExtension(LinearOperator real) {
        super(withPairs(real.domainShape()), withPairs(real.rangeShape()));
        this.real = real;
    }

    private static int[] withPairs(int[] shape) {
        int[] s = Arrays.copyOf(shape, shape.length + 1);
        s[shape.length] = 2;
        return s;
    }

    @Override
    public String name() {
        return "Complex[" + real.name() + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        run(x, out, real.domainShape(), real.rangeShape(), true);
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        run(y, out, real.rangeShape(), real.domainShape(), false);
    }

    private void run(Tensor in, Tensor out, int[] inShape, int[] outShape, boolean forward) {
        int n = in.size() / 2;
        int m = out.size() / 2;
        double[] src = in.data();
        int so = in.offset();
        double[] dst = out.data();
        int doff = out.offset();
        for (int part = 0; part < 2; part++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = src[so + 2 * i + part];
            }
            Tensor t = Tensor.wrap(a, inShape);
            Tensor r = forward ? real.apply(t) : real.adjoint(t);
            double[] b = r.data();
            int bo = r.offset();
            for (int i = 0; i < m; i++) {
                dst[doff + 2 * i + part] = b[bo + i];
            }
        }
    }
}
