/**
 * 2-D computed tomography: geometries ({@link dev.fixpoint.imaging.ct.ParallelBeamGeometry},
 * {@link dev.fixpoint.imaging.ct.FanBeamGeometry} with equiangular or flat detectors), the ray transform by Joseph's
 * method with its exactly matched adjoint ({@link dev.fixpoint.imaging.ct.RayTransform}), filtered back-projection
 * ({@link dev.fixpoint.imaging.ct.FilteredBackProjection}), iterative reconstructions (SIRT, CGLS, TV by PDHG),
 * noise models, and the learned primal-dual reconstruction.
 *
 * <p>Conventions: images are {@code [rows, cols]} on an {@link dev.fixpoint.imaging.phantom.ImageGrid} (row 0 at the
 * top); sinograms are {@code [views, bins]}; a ray is the line {@code {p : p·(cos θ, sin θ) = s}}; lengths and line
 * integrals are in the grid's units (pixel units on a unit-pixel grid).
 */
package dev.fixpoint.imaging.ct;
