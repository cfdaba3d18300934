package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/**
 * Factories of the transform-based {@link LinearOperator}s: unitary discrete Fourier transforms on
 * complex data held as real pairs ({@link dev.fixpoint.core.ComplexPairs}), two-dimensional
 * convolutions, and orthonormal wavelet transforms. Each returned operator documents its shapes,
 * sign and normalisation conventions on its factory below; all pass the dot test of
 * {@code LinearOperatorContract}, and the unitary ones satisfy {@code AᵀA = I} to rounding.
 */
public final class FourierOperators {
    private FourierOperators() {
    }

    /**
     * The unitary DFT of length {@code n}: domain = range = {@code [n, 2]} (complex as real pairs),
     * {@code (Fx)_k = n^{-1/2} Σ_j x_j e^{−2πi jk/n}}; the adjoint is the inverse transform.
     *
     * @param n any length ≥ 1
     */
    public static LinearOperator dft1d(int n) {
        return new Dft1d(n);
    }

    /**
     * The unitary 2-D DFT of an {@code h × w} complex image: domain = range = {@code [h, w, 2]},
     * {@code (Fx)_{k,l} = (hw)^{-1/2} Σ_{i,j} x_{i,j} e^{−2πi (ik/h + jl/w)}}; the adjoint is the
     * inverse transform. Large images are transformed in parallel by JTransforms' thread pool.
     *
     * @param h rows ≥ 1
     * @param w columns ≥ 1
     */
    public static LinearOperator dft2d(int h, int w) {
        return new Dft2d(h, w);
    }

    /**
     * "Same"-size single-channel convolution of an {@code h × w} image (domain = range =
     * {@code [h, w]}) with {@code kernel} of shape {@code [kh, kw]} centred at
     * {@code (⌊kh/2⌋, ⌊kw/2⌋)}: {@code (k ∗ x)[i, j] = Σ_{a,b} k[a, b]·x[i + ⌊kh/2⌋ − a, j + ⌊kw/2⌋ − b]}
     * (true convolution: flipped kernel). The adjoint is the correlation with the same boundary.
     * The kernel is copied; any kernel size (odd or even, even larger than the image) is accepted.
     *
     * @param kernel   a finite matrix {@code [kh, kw]} (not modified)
     * @param boundary zero padding or circular extension of the image
     */
    public static LinearOperator convolution2d(Tensor kernel, int h, int w, ConvolutionBoundary boundary) {
        return new Convolution2d(kernel, h, w, boundary);
    }

    /**
     * The orthonormal {@code levels}-level 2-D discrete wavelet transform with periodic boundary of an
     * {@code h × w} image: domain = range = {@code [h, w]}, in-place Mallat layout (coarsest
     * approximation top-left). The adjoint is the inverse.
     *
     * @param levels ≥ 1, with {@code h} and {@code w} divisible by {@code 2^levels}
     * @throws IllegalArgumentException naming the sizes, the levels and the largest admissible level
     *         count when the sizes are not divisible
     */
    public static LinearOperator wavelet2d(int h, int w, WaveletFamily family, int levels) {
        return new Wavelet2d(h, w, family, levels);
    }
}
