package dev.fixpoint.operators;

/**
 * How a convolution ({@link FourierOperators#convolution2d}) extends the image beyond its border.
 */
public enum ConvolutionBoundary {
    /** Zero padding: pixels outside the image are 0 (the adjoint is the exact transpose, borders included). */
    ZERO,
    /** Circular: the image is periodic, pixel {@code (i, j)} outside is {@code (i mod h, j mod w)}. */
    PERIODIC
}
