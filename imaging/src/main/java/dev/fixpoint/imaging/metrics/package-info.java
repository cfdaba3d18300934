/**
 * Image-quality metrics with the conventions of the imaging literature: {@link dev.fixpoint.imaging.metrics.Psnr}
 * (peak signal-to-noise ratio with an explicit data range), {@link dev.fixpoint.imaging.metrics.Ssim} (structural
 * similarity exactly as Wang et al. 2004) and {@link dev.fixpoint.imaging.metrics.Nmse} (normalised mean squared
 * error). All take real 2-D images {@code [h, w]}; for complex images compare magnitudes
 * ({@link dev.fixpoint.core.ComplexPairs#abs}).
 */
package dev.fixpoint.imaging.metrics;
