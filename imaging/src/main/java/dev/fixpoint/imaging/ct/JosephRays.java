package dev.fixpoint.imaging.ct;

import dev.fixpoint.imaging.phantom.ImageGrid;

/**
 * The precomputed Joseph (1982) discretisation of every ray of a geometry. A ray whose direction is closer to
 * the {@code y} axis ({@code |cos θ| ≥ |sin θ|}) is sampled once per pixel row, at the point where it crosses the
 * row's centre line, by linear interpolation between the two nearest pixel centres of that row; otherwise once per
 * pixel column (on the transposed image). Each sample is weighted by the length of the ray between consecutive
 * centre lines ({@code Δy/|cos θ|} or {@code Δx/|sin θ|}). For ray {@code r} the interpolation position along
 * the crossed lines is {@code u = a[r] + b[r]·line} (in pixel-index units), valid for lines {@code first[r] …
 * last[r]}; outside the grid the image is zero. The forward and adjoint kernels evaluate exactly the same
 * weights, so the adjoint is the exact transpose.
 */
final class JosephRays {
    final int rays;
    final int rows;
    final int cols;
    final double[] a;
    final double[] b;
    final double[] weight;
    final int[] first;
    final int[] last;
    /** true: the ray steps over columns and interpolates along a column (transposed image, shape [cols, rows]). */
    final boolean[] transposed;

    JosephRays(CtGeometry geometry) {
        ImageGrid g = geometry.grid();
        rays = geometry.views() * geometry.bins();
        rows = g.rows();
        cols = g.cols();
        double[] cos = new double[rays];
        double[] sin = new double[rays];
        double[] s = new double[rays];
        geometry.lines(cos, sin, s);
        a = new double[rays];
        b = new double[rays];
        weight = new double[rays];
        first = new int[rays];
        last = new int[rays];
        transposed = new boolean[rays];
        double dx = g.pixelWidth();
        double dy = g.pixelHeight();
        for (int r = 0; r < rays; r++) {
            double c = cos[r];
            double sn = sin[r];
            int lines;
            int width;
            if (Math.abs(c) >= Math.abs(sn)) {
                // row i: y_i = yMax − (i + ½)Δy, x = (s − y_i sin θ)/cos θ, column position u = (x − xMin)/Δx − ½
                a[r] = ((s[r] - (g.yMax() - 0.5 * dy) * sn) / c - g.xMin()) / dx - 0.5;
                b[r] = dy * sn / (c * dx);
                weight[r] = dy / Math.abs(c);
                lines = rows;
                width = cols;
            } else {
                // column j: x_j = xMin + (j + ½)Δx, y = (s − x_j cos θ)/sin θ, row position v = (yMax − y)/Δy − ½
                a[r] = (g.yMax() - (s[r] - (g.xMin() + 0.5 * dx) * c) / sn) / dy - 0.5;
                b[r] = dx * c / (sn * dy);
                weight[r] = dx / Math.abs(sn);
                transposed[r] = true;
                lines = cols;
                width = rows;
            }
            // lines where −1 < a + b·line < width (others contribute nothing); widened by one for rounding
            int lo;
            int hi;
            if (b[r] == 0) {
                boolean inside = a[r] > -1 && a[r] < width;
                lo = inside ? 0 : 1;
                hi = inside ? lines - 1 : 0;
            } else {
                double t1 = (-1 - a[r]) / b[r];
                double t2 = (width - a[r]) / b[r];
                lo = (int) Math.max(0, Math.floor(Math.min(t1, t2)) - 1);
                hi = (int) Math.min(lines - 1, Math.ceil(Math.max(t1, t2)) + 1);
            }
            first[r] = lo;
            last[r] = hi;
        }
    }

    /** @return the line integral of ray {@code r} through {@code img} (row-major [lines, width]) */
    double project(int r, double[] img, int off, int width) {
        double ar = a[r];
        double br = b[r];
        double sum = 0;
        for (int line = first[r], end = last[r]; line <= end; line++) {
            double u = ar + br * line;
            if (u <= -1 || u >= width) {
                continue;
            }
            int j = (int) (u + 1) - 1; // floor for u > −1
            double f = u - j;
            int base = off + line * width;
            if (j >= 0) {
                sum += (1 - f) * img[base + j];
            }
            if (j + 1 < width) {
                sum += f * img[base + j + 1];
            }
        }
        return weight[r] * sum;
    }

    /** Adds {@code value ×} (the weights of ray {@code r}) to {@code acc} (row-major [lines, width]). */
    void backproject(int r, double value, double[] acc, int width) {
        double ar = a[r];
        double br = b[r];
        double v = weight[r] * value;
        for (int line = first[r], end = last[r]; line <= end; line++) {
            double u = ar + br * line;
            if (u <= -1 || u >= width) {
                continue;
            }
            int j = (int) (u + 1) - 1;
            double f = u - j;
            int base = line * width;
            if (j >= 0) {
                acc[base + j] += (1 - f) * v;
            }
            if (j + 1 < width) {
                acc[base + j + 1] += f * v;
            }
        }
    }
}
