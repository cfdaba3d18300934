package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.WaveletFamily;

/**
 * Factories of the MRI {@link LinearOperator}s (conventions in the package comment). Every operator
 * passes the dot test of {@code LinearOperatorContract} at 1e-12 relative on ℝ²ⁿ (the real inner
 * product of the real pairs, i.e. {@code Re⟨·,·⟩} of the complex one).
 */
public final class MriOperators {
    private MriOperators() {
    }

    /**
     * @return the unitary centred 2-D DFT {@code fftshift ∘ DFT ∘ ifftshift} on {@code [h, w, 2]}
     *         (numpy: {@code fftshift(fft2(ifftshift(x), norm="ortho"))})
     */
    public static LinearOperator centredFft(int h, int w) {
        return new CartesianFourier(h, w, null, null, "CentredFft2d[" + h + "×" + w + "]");
    }

    /**
     * @param mask the sampling mask of the {@code [h, w]} k-space
     * @return {@code x ↦ M·F x}, {@code [h, w, 2] → [h, w, 2]}
     */
    public static LinearOperator singleCoil(SamplingMask mask) {
        return new CartesianFourier(mask.rows(), mask.columns(), null, mask,
                "SingleCoilMri[" + mask.rows() + "×" + mask.columns() + ", R = " + fmt(mask.acceleration()) + "]");
    }

    /**
     * @param sensitivities coil maps {@code [C, h, w, 2]} (copied), e.g. {@link CoilSensitivities#birdcage}
     * @param mask          the sampling mask, of shape {@code [h, w]}, or null for full sampling
     * @return {@code x ↦ (M·F(S_c x))_c}, {@code [h, w, 2] → [C, h, w, 2]}
     * @throws FixpointException {@code [fixpoint/MaskShape]} when the mask does not match the maps,
     *         {@code [fixpoint/NonFinite]} for non-finite maps
     */
    public static LinearOperator multiCoil(Tensor sensitivities, SamplingMask mask) {
        int[] s = CoilSensitivities.requireShape(sensitivities);
        sensitivities.requireFinite("coil sensitivities");
        String r = mask == null ? "full" : "R = " + fmt(mask.acceleration());
        return new CartesianFourier(s[1], s[2], sensitivities, mask,
                "MultiCoilMri[" + s[0] + " coils, " + s[1] + "×" + s[2] + ", " + r + "]");
    }

    /**
     * @return the orthonormal periodic wavelet transform of complex images (real and imaginary parts
     *         separately), {@code [h, w, 2] → [h, w, 2]}, coarsest approximation top-left
     */
    public static LinearOperator complexWavelet(int h, int w, WaveletFamily family, int levels) {
        return new ComplexExtension(FourierOperators.wavelet2d(h, w, family, levels));
    }

    /**
     * @return the forward-difference gradient (Neumann boundary) of complex images,
     *         {@code [h, w, 2] → [2, h, w, 2]} (component 0 vertical, 1 horizontal); adjoint −div
     */
    public static LinearOperator complexGradient(int h, int w) {
        return new ComplexExtension(Operators.gradient2d(h, w));
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
