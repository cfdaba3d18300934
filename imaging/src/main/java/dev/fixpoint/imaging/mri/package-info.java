/**
 * Magnetic resonance imaging on fixpoint: Cartesian {@link dev.fixpoint.imaging.mri.SamplingMask}s,
 * synthetic birdcage {@link dev.fixpoint.imaging.mri.CoilSensitivities}, single- and multi-coil Fourier
 * forward models with the unitary centred 2-D FFT ({@link dev.fixpoint.imaging.mri.MriOperators}),
 * simulated acquisitions ({@link dev.fixpoint.imaging.mri.MriAcquisition}), reconstructions
 * (zero-filled, SENSE, compressed sensing with wavelet-L1 and TV: {@link dev.fixpoint.imaging.mri.MriReconstructions}),
 * a small unrolled network ({@link dev.fixpoint.imaging.mri.UnrolledVarNet}) and the {@code mri} suite.
 *
 * <p>Conventions. Complex data are real pairs ({@link dev.fixpoint.core.ComplexPairs}): an image is
 * {@code [h, w, 2]}, coil sensitivities and multi-coil k-space are {@code [c, h, w, 2]}, single-coil
 * k-space is {@code [h, w, 2]}. K-space is centred: the zero frequency is at {@code (⌊h/2⌋, ⌊w/2⌋)}
 * (numpy's {@code fftshift(fft2(ifftshift(x)), norm="ortho")}). Cartesian masks select phase-encoding
 * lines, i.e. whole k-space columns; readout (the row direction) is always fully sampled.
 */
package dev.fixpoint.imaging.mri;
