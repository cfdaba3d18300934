/**
 * Computational imaging on fixpoint: CT ({@code ct}: geometries, ray transforms with exactly matched
 * adjoints, FBP, iterative and learned reconstructions), MRI ({@code mri}: sampling masks, coil
 * sensitivities, Fourier forward models and reconstructions), phantoms, image-quality metrics and
 * image I/O. {@link dev.fixpoint.imaging.ImagingPlugin} contributes the suites.
 */
package dev.fixpoint.imaging;
