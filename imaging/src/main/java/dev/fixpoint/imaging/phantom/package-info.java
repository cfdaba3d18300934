/**
 * Test images for reconstruction: {@link dev.fixpoint.imaging.phantom.ImageGrid} (a pixel grid over a
 * rectangle of the plane, pixel centres), {@link dev.fixpoint.imaging.phantom.Ellipse} and
 * {@link dev.fixpoint.imaging.phantom.EllipsePhantom} (sums of constant ellipses, point-sampled at pixel
 * centres), {@link dev.fixpoint.imaging.phantom.SheppLogan} (the standard and modified Shepp–Logan tables)
 * and {@link dev.fixpoint.imaging.phantom.RandomEllipses} (random head-like ellipse phantoms, deterministic
 * from a seed, for training learned reconstructions).
 *
 * <p>Orientation convention (used by every imaging package): an image is a tensor {@code [rows, cols]};
 * column {@code j} goes along {@code x} (increasing to the right), row {@code i} goes along {@code y}
 * <em>decreasing</em> (row 0 is the top, largest {@code y}), so that the tensor displays upright.
 */
package dev.fixpoint.imaging.phantom;
