package dev.fixpoint.imaging.phantom;

import dev.fixpoint.core.FixpointException;

/**
 * A regular pixel grid of {@code rows × cols} square-or-rectangular pixels covering the rectangle
 * {@code [xMin, xMax] × [yMin, yMax]} of the plane. Pixel {@code (i, j)} has its centre at
 * {@code x = xMin + (j + ½)·Δx}, {@code y = yMax − (i + ½)·Δy} (row 0 at the top). Images on the grid are
 * tensors of shape {@code [rows, cols]}.
 *
 * @param rows number of pixel rows (≥ 1)
 * @param cols number of pixel columns (≥ 1)
 * @param xMin left edge
 * @param xMax right edge ({@code > xMin})
 * @param yMin bottom edge
 * @param yMax top edge ({@code > yMin})
 */
public record ImageGrid(int rows, int cols, double xMin, double xMax, double yMin, double yMax) {

    /** Validates the grid. */
    public ImageGrid {
        if (rows < 1 || cols < 1) {
            throw new FixpointException("BadGrid", "grid size " + rows + "×" + cols + " must be at least 1×1");
        }
        if (!(xMax > xMin) || !(yMax > yMin) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new FixpointException("BadGrid", "extent [" + xMin + ", " + xMax + "]×[" + yMin + ", " + yMax
                    + "] must be a finite rectangle with positive width and height");
        }
    }

    /**
     * @param n      pixels per side
     * @param halfWidth half the side length: the grid covers {@code [−halfWidth, halfWidth]²}
     * @return the square {@code n×n} grid centred at the origin
     */
    public static ImageGrid square(int n, double halfWidth) {
        return new ImageGrid(n, n, -halfWidth, halfWidth, -halfWidth, halfWidth);
    }

    /**
     * @param n pixels per side
     * @return the {@code n×n} grid with pixel size 1 over {@code [−n/2, n/2]²} (for {@code n = 128}: the
     *         {@code [−64, 64]²} grid of the learned primal-dual setting)
     */
    public static ImageGrid unitPixels(int n) {
        return square(n, n / 2.0);
    }

    /** @return the pixel width {@code (xMax − xMin)/cols} */
    public double pixelWidth() {
        return (xMax - xMin) / cols;
    }

    /** @return the pixel height {@code (yMax − yMin)/rows} */
    public double pixelHeight() {
        return (yMax - yMin) / rows;
    }

    /** @return the {@code x} coordinate of the centre of column {@code j} */
    public double x(int j) {
        return xMin + (j + 0.5) * pixelWidth();
    }

    /** @return the {@code y} coordinate of the centre of row {@code i} (row 0 at the top) */
    public double y(int i) {
        return yMax - (i + 0.5) * pixelHeight();
    }

    /** @return the image shape {@code [rows, cols]} */
    public int[] shape() {
        return new int[]{rows, cols};
    }

    /** @return the number of pixels */
    public int size() {
        return rows * cols;
    }

    /** @return the radius of the circle through the corners, about the grid centre */
    public double circumradius() {
        return 0.5 * Math.hypot(xMax - xMin, yMax - yMin);
    }
}
