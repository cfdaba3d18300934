package dev.fixpoint.imaging.phantom;

import java.util.List;

/**
 * The Shepp–Logan head phantoms (Shepp &amp; Logan 1974) in the table convention of MATLAB's
 * {@code phantom}: ellipses in {@code [−1, 1]²}, {@code x} to the right, {@code y} up, angles in degrees
 * counter-clockwise. The <em>modified</em> phantom (Toft 1996) raises the contrasts so that the image range is
 * {@code [0, 1]} (background 0, skull 1, brain 0.2, features 0.1–0.4) — the standard test image of learned CT
 * reconstruction.
 */
public final class SheppLogan {
    private SheppLogan() {
    }

    /** @return the modified Shepp–Logan phantom (values in {@code [0, 1]}) */
    public static EllipsePhantom modified() {
        return table(new double[]{1.0, -0.8, -0.2, -0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1});
    }

    /** @return the original Shepp–Logan phantom (values in {@code [0, 2]}, low contrast 0.01–0.03) */
    public static EllipsePhantom original() {
        return table(new double[]{2.0, -0.98, -0.02, -0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01});
    }

    /**
     * @param grid the sampling grid (for example {@link ImageGrid#unitPixels(int) unitPixels(128)})
     * @return the modified Shepp–Logan phantom point-sampled at the pixel centres of {@code grid}
     */
    public static dev.fixpoint.core.Tensor modified(ImageGrid grid) {
        return modified().sample(grid);
    }

    private static EllipsePhantom table(double[] values) {
        double[][] geometry = {
            // a, b, x0, y0, angle (degrees)
            {0.69, 0.92, 0, 0, 0},
            {0.6624, 0.8740, 0, -0.0184, 0},
            {0.1100, 0.3100, 0.22, 0, -18},
            {0.1600, 0.4100, -0.22, 0, 18},
            {0.2100, 0.2500, 0, 0.35, 0},
            {0.0460, 0.0460, 0, 0.1, 0},
            {0.0460, 0.0460, 0, -0.1, 0},
            {0.0460, 0.0230, -0.08, -0.605, 0},
            {0.0230, 0.0230, 0, -0.606, 0},
            {0.0230, 0.0460, 0.06, -0.605, 0},
        };
        Ellipse[] e = new Ellipse[geometry.length];
        for (int k = 0; k < geometry.length; k++) {
            double[] g = geometry[k];
            e[k] = new Ellipse(values[k], g[0], g[1], g[2], g[3], g[4]);
        }
        return new EllipsePhantom(List.of(e));
    }
}
