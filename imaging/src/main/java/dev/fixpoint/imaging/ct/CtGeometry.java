package dev.fixpoint.imaging.ct;

import dev.fixpoint.imaging.phantom.ImageGrid;

/**
 * A 2-D CT acquisition geometry: an image grid and a set of lines (rays) arranged as a sinogram of shape
 * {@code [views, bins]}. Every ray is the full line {@code {p : p·(cos θ, sin θ) = s}} (the image is zero
 * outside its grid), so a geometry is fully described by the table of {@code (θ, s)} per ray; the ray transform
 * ({@link RayTransform}) and the reconstructions work for any geometry. Lengths are in the grid's units (for
 * {@link ImageGrid#unitPixels} that is pixels, so line integrals are "in pixel units").
 */
public abstract sealed class CtGeometry permits ParallelBeamGeometry, FanBeamGeometry {
    private final ImageGrid grid;
    private final int views;
    private final int bins;

    CtGeometry(ImageGrid grid, int views, int bins) {
        this.grid = grid;
        this.views = views;
        this.bins = bins;
    }

    /** @return the image grid */
    public final ImageGrid grid() {
        return grid;
    }

    /** @return the number of views (source or projection angles): the sinogram's first dimension */
    public final int views() {
        return views;
    }

    /** @return the number of detector bins per view: the sinogram's second dimension */
    public final int bins() {
        return bins;
    }

    /** @return {@code [views, bins]} */
    public final int[] sinogramShape() {
        return new int[]{views, bins};
    }

    /**
     * Fills the line parameters of every ray, index {@code view·bins + bin}: the unit normal
     * {@code (cos θ, sin θ)} and the signed offset {@code s}.
     */
    abstract void lines(double[] cos, double[] sin, double[] offset);

    /** @return the largest distance from the origin (rotation centre) to a corner of the grid */
    static double imageRadius(ImageGrid g) {
        double rx = Math.max(Math.abs(g.xMin()), Math.abs(g.xMax()));
        double ry = Math.max(Math.abs(g.yMin()), Math.abs(g.yMax()));
        return Math.hypot(rx, ry);
    }

    static void requireCount(String what, int n) {
        if (n < 1) {
            throw new dev.fixpoint.core.FixpointException("BadGeometry", what + " = " + n + " must be ≥ 1");
        }
    }

    static double requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new dev.fixpoint.core.FixpointException("BadGeometry", what + " = " + v + " must be finite and > 0");
        }
        return v;
    }
}
