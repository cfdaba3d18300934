package dev.fixpoint.imaging.phantom;

import dev.fixpoint.core.Tensor;
import java.util.List;

/**
 * A phantom made of {@link Ellipse}s: its intensity at a point is the sum of the values of the ellipses
 * that contain it. Coordinates of the ellipses are relative to a square of half-width {@code 1}, which
 * {@link #sample(ImageGrid)} stretches over the grid (so the same phantom can be sampled over {@code [−1,1]²}
 * or {@code [−64,64]²}).
 */
public final class EllipsePhantom {
    private final List<Ellipse> ellipses;

    /** @param ellipses the ellipses, in normalised coordinates ({@code [−1, 1]²} is the image square) */
    public EllipsePhantom(List<Ellipse> ellipses) {
        this.ellipses = List.copyOf(ellipses);
    }

    /** @return the ellipses (unmodifiable) */
    public List<Ellipse> ellipses() {
        return ellipses;
    }

    /**
     * Point-samples the phantom at the pixel centres of {@code grid}: pixel centre {@code (x, y)} is mapped to
     * normalised coordinates {@code (2(x−xc)/W, 2(y−yc)/H)} with {@code (xc, yc)} the grid centre and
     * {@code W×H} its extent.
     *
     * @return a new image of shape {@code [rows, cols]}
     */
    public Tensor sample(ImageGrid grid) {
        Tensor img = Tensor.zeros(grid.rows(), grid.cols());
        double[] d = img.data();
        double xc = 0.5 * (grid.xMin() + grid.xMax());
        double yc = 0.5 * (grid.yMin() + grid.yMax());
        double sx = 2.0 / (grid.xMax() - grid.xMin());
        double sy = 2.0 / (grid.yMax() - grid.yMin());
        for (Ellipse e : ellipses) {
            for (int i = 0; i < grid.rows(); i++) {
                double y = (grid.y(i) - yc) * sy;
                for (int j = 0; j < grid.cols(); j++) {
                    if (e.contains((grid.x(j) - xc) * sx, y)) {
                        d[i * grid.cols() + j] += e.value();
                    }
                }
            }
        }
        return img;
    }

    /**
     * The exact line integral of the (continuous) phantom for the parallel-beam line
     * {@code {p : p·(cos θ, sin θ) = s}} in the coordinates of a square grid of half-width {@code halfWidth}
     * centred at the origin (lengths in those units).
     */
    public double lineIntegral(double theta, double s, double halfWidth) {
        double sum = 0;
        for (Ellipse e : ellipses) {
            sum += e.scaled(halfWidth).lineIntegral(theta, s);
        }
        return sum;
    }
}
