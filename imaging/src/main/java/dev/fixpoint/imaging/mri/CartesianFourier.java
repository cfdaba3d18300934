package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;

/**
 * The Cartesian MRI forward model {@code y_c = M·F(S_c x)}, {@code c = 1…C}: coil weighting by the
 * sensitivities {@code S_c}, the unitary centred 2-D DFT {@code F = fftshift ∘ DFT ∘ ifftshift}
 * (operators' {@code FourierOperators.dft2d}, JTransforms), and the sampling mask {@code M} (unsampled
 * entries are set to zero; the range keeps the full grid). Without sensitivities it is the
 * single-coil model {@code [h, w, 2] → [h, w, 2]}; with them {@code [h, w, 2] → [C, h, w, 2]}; without a
 * mask the transform is fully sampled. Adjoint: {@code x = Σ_c conj(S_c)·F⁻¹(M y_c)}.
 *
 * <p>Both directions reject non-finite input with {@code [fixpoint/NonFinite]} (naming the operator
 * and the first bad element). Each call allocates two work images of {@code 2hw} doubles; the DFT
 * plan is shared and serialised, so the operator is thread-safe.
 */
final class CartesianFourier extends LinearOperator {
    private final int h;
    private final int w;
    private final int coils;
    private final double[] sens;      // [C, h, w, 2] flat, or null (single coil)
    private final boolean[] lines;    // sampled columns, or null (fully sampled)
    private final LinearOperator dft;
    private final String label;

    CartesianFourier(int h, int w, Tensor sensitivities, SamplingMask mask, String label) {
        super(new int[]{h, w, 2}, sensitivities == null ? new int[]{h, w, 2}
                : new int[]{sensitivities.dim(0), h, w, 2});
        this.h = h;
        this.w = w;
        this.coils = sensitivities == null ? 1 : sensitivities.dim(0);
        this.sens = sensitivities == null ? null : sensitivities.toArray();
        this.lines = mask == null ? null : mask.requireShape(label, h, w).lines();
        this.dft = FourierOperators.dft2d(h, w);
        this.label = label;
    }

    /** @return true when there are no coil maps or they satisfy {@code Σ|S|² = 1} to 1e-12, so {@code ‖A‖ ≤ 1} */
    boolean normalisedCoils() {
        return sens == null || CoilSensitivities.normalisationError(Tensor.wrap(sens, coils, h, w, 2)) <= 1e-12;
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        x.requireFinite(label + ": image");
        int n = 2 * h * w;
        double[] xd = x.data();
        int xo = x.offset();
        double[] od = out.data();
        int oo = out.offset();
        double[] a = new double[n];
        Tensor ta = Tensor.wrap(a, h, w, 2);
        Tensor tb = Tensor.zeros(h, w, 2);
        double[] b = tb.data();
        for (int c = 0; c < coils; c++) {
            // a ← ifftshift(S_c x)
            for (int i = 0; i < h; i++) {
                int si = (i + h / 2) % h;
                for (int j = 0; j < w; j++) {
                    int sj = (j + w / 2) % w;
                    int p = 2 * (si * w + sj);
                    double re = xd[xo + p];
                    double im = xd[xo + p + 1];
                    int q = 2 * (i * w + j);
                    if (sens != null) {
                        int s = c * n + p;
                        double sr = sens[s];
                        double sm = sens[s + 1];
                        a[q] = sr * re - sm * im;
                        a[q + 1] = sr * im + sm * re;
                    } else {
                        a[q] = re;
                        a[q + 1] = im;
                    }
                }
            }
            dft.applyInto(ta, tb);
            // out_c ← M · fftshift(b)
            int base = oo + c * n;
            for (int i = 0; i < h; i++) {
                int si = (i + h - h / 2) % h;
                for (int j = 0; j < w; j++) {
                    int q = base + 2 * (i * w + j);
                    if (lines != null && !lines[j]) {
                        od[q] = 0;
                        od[q + 1] = 0;
                    } else {
                        int sj = (j + w - w / 2) % w;
                        int p = 2 * (si * w + sj);
                        od[q] = b[p];
                        od[q + 1] = b[p + 1];
                    }
                }
            }
        }
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        y.requireFinite(label + ": k-space");
        int n = 2 * h * w;
        double[] yd = y.data();
        int yo = y.offset();
        double[] od = out.data();
        int oo = out.offset();
        double[] a = new double[n];
        Tensor ta = Tensor.wrap(a, h, w, 2);
        Tensor tb = Tensor.zeros(h, w, 2);
        double[] b = tb.data();
        for (int i = 0; i < n; i++) {
            od[oo + i] = 0;
        }
        for (int c = 0; c < coils; c++) {
            // a ← ifftshift(M y_c)   (adjoint of fftshift is ifftshift)
            int base = yo + c * n;
            for (int i = 0; i < h; i++) {
                int si = (i + h / 2) % h;
                for (int j = 0; j < w; j++) {
                    int sj = (j + w / 2) % w;
                    int q = 2 * (i * w + j);
                    if (lines != null && !lines[sj]) {
                        a[q] = 0;
                        a[q + 1] = 0;
                    } else {
                        int p = base + 2 * (si * w + sj);
                        a[q] = yd[p];
                        a[q + 1] = yd[p + 1];
                    }
                }
            }
            dft.adjointInto(ta, tb);
            // out += conj(S_c) · fftshift(b)   (adjoint of ifftshift is fftshift)
            for (int i = 0; i < h; i++) {
                int si = (i + h - h / 2) % h;
                for (int j = 0; j < w; j++) {
                    int sj = (j + w - w / 2) % w;
                    int p = 2 * (si * w + sj);
                    int q = 2 * (i * w + j);
                    double re = b[p];
                    double im = b[p + 1];
                    if (sens != null) {
                        int s = c * n + q;
                        double sr = sens[s];
                        double sm = sens[s + 1];
                        od[oo + q] += sr * re + sm * im;
                        od[oo + q + 1] += sr * im - sm * re;
                    } else {
                        od[oo + q] += re;
                        od[oo + q + 1] += im;
                    }
                }
            }
        }
    }
}
