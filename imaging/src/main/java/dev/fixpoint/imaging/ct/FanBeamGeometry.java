package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.imaging.phantom.ImageGrid;
import java.util.Locale;

/**
 * Fan-beam geometry with a full circular scan: for view {@code k} the source sits at
 * {@code S_k = R·(cos β_k, sin β_k)}, {@code β_k = 2πk/views}, and the central ray points to the origin,
 * {@code c = −S/R}, with {@code t = (−c_y, c_x)} (c turned by +90°). Detector bin {@code j} has the coordinate
 * {@code u_j = (j − (bins−1)/2)·spacing}: for an {@link DetectorShape#EQUIANGULAR equiangular} detector the ray
 * leaves the source at fan angle {@code γ = u_j} (radians) from {@code c} towards {@code t}; for a
 * {@link DetectorShape#FLAT flat} detector at distance {@code D} from the source it goes through
 * {@code S + D·c + u_j·t}. Lengths in grid units. The source must lie outside the image and the fan must cover it.
 */
public final class FanBeamGeometry extends CtGeometry {
    private final double sourceRadius;
    private final double sourceToDetector;
    private final double spacing;
    private final DetectorShape shape;

    /**
     * @param grid             image grid
     * @param views            number of source positions over [0, 2π)
     * @param bins             detector bins
     * @param spacing          bin spacing: fan angle (radians) for equiangular, length for flat
     * @param sourceRadius     source-to-rotation-centre distance R (&gt; image radius)
     * @param sourceToDetector source-to-detector distance D (≥ R; used by the flat detector, recorded for both)
     * @param shape            detector shape
     * @throws FixpointException {@code [fixpoint/BadGeometry]} for a bad value or a source inside the image;
     *         {@code [fixpoint/DetectorTooSmall]} when the fan does not cover the image
     */
    public FanBeamGeometry(ImageGrid grid, int views, int bins, double spacing, double sourceRadius,
                           double sourceToDetector, DetectorShape shape) {
        super(grid, views, bins);
        requireCount("number of views", views);
        requireCount("number of bins", bins);
        requirePositive("detector spacing", spacing);
        requirePositive("source radius", sourceRadius);
        requirePositive("source-to-detector distance", sourceToDetector);
        this.shape = java.util.Objects.requireNonNull(shape, "shape");
        double rho = imageRadius(grid);
        if (sourceRadius <= rho) {
            throw new FixpointException("BadGeometry", String.format(Locale.ROOT, "source radius %.6g must exceed the "
                    + "image radius %.6g (distance of the farthest grid corner)", sourceRadius, rho));
        }
        if (sourceToDetector < sourceRadius) {
            throw new FixpointException("BadGeometry", String.format(Locale.ROOT, "source-to-detector distance %.6g "
                    + "must be ≥ the source radius %.6g", sourceToDetector, sourceRadius));
        }
        double edge = 0.5 * bins * spacing;
        if (shape == DetectorShape.EQUIANGULAR && edge >= Math.PI / 2) {
            throw new FixpointException("BadGeometry", String.format(Locale.ROOT, "fan half-angle %.6g rad must be "
                    + "< π/2", edge));
        }
        double reach = shape == DetectorShape.EQUIANGULAR ? sourceRadius * Math.sin(edge)
                : sourceRadius * edge / Math.hypot(sourceToDetector, edge);
        if (reach < rho * (1 - 1e-9)) {
            double needed = shape == DetectorShape.EQUIANGULAR ? 2 * Math.asin(rho / sourceRadius)
                    : 2 * rho * sourceToDetector / Math.sqrt(sourceRadius * sourceRadius - rho * rho);
            throw new FixpointException("DetectorTooSmall", String.format(Locale.ROOT, "the %s fan-beam detector "
                    + "(%d bins of %.6g) reaches distance %.6g from the rotation centre but the image grid %d×%d "
                    + "reaches %.6g; the detector must span at least %.6g (%d bins of this spacing)",
                    shape.name().toLowerCase(Locale.ROOT), bins, spacing, reach, grid.rows(), grid.cols(), rho,
                    needed, (int) Math.ceil(needed / spacing)));
        }
        this.spacing = spacing;
        this.sourceRadius = sourceRadius;
        this.sourceToDetector = sourceToDetector;
    }

    /**
     * A fan that just covers the image: the detector spans the image circle with a 2 % margin.
     *
     * @param grid         image grid
     * @param views        source positions over [0, 2π)
     * @param bins         detector bins
     * @param sourceRadius R, a multiple of the image radius is typical (e.g. 2ρ)
     * @param shape        detector shape (the flat detector is placed at D = 2R)
     * @return the geometry
     */
    public static FanBeamGeometry covering(ImageGrid grid, int views, int bins, double sourceRadius,
                                           DetectorShape shape) {
        requireCount("number of bins", bins);
        double rho = imageRadius(grid) * 1.02;
        if (sourceRadius <= rho) {
            throw new FixpointException("BadGeometry", String.format(Locale.ROOT,
                    "source radius %.6g must exceed the image radius with margin %.6g", sourceRadius, rho));
        }
        double d = 2 * sourceRadius;
        double span = shape == DetectorShape.EQUIANGULAR ? 2 * Math.asin(rho / sourceRadius)
                : 2 * rho * d / Math.sqrt(sourceRadius * sourceRadius - rho * rho);
        return new FanBeamGeometry(grid, views, bins, span / bins, sourceRadius, d, shape);
    }

    /** @return the source-to-centre distance R */
    public double sourceRadius() {
        return sourceRadius;
    }

    /** @return the source-to-detector distance D */
    public double sourceToDetector() {
        return sourceToDetector;
    }

    /** @return the bin spacing (radians for equiangular, length for flat) */
    public double spacing() {
        return spacing;
    }

    /** @return the detector shape */
    public DetectorShape detectorShape() {
        return shape;
    }

    /** @return the source angle β of view {@code k}, radians */
    public double sourceAngle(int k) {
        return 2 * Math.PI * k / views();
    }

    /** @return the detector coordinate {@code u_j} of bin {@code j} (radians or length) */
    public double binCoordinate(int j) {
        return (j - 0.5 * (bins() - 1)) * spacing;
    }

    @Override
    void lines(double[] cos, double[] sin, double[] s) {
        int b = bins();
        for (int k = 0; k < views(); k++) {
            double beta = sourceAngle(k);
            double sx = sourceRadius * Math.cos(beta);
            double sy = sourceRadius * Math.sin(beta);
            double cx = -Math.cos(beta);
            double cy = -Math.sin(beta);
            double tx = -cy;
            double ty = cx;
            for (int j = 0; j < b; j++) {
                double u = binCoordinate(j);
                double dx;
                double dy;
                if (shape == DetectorShape.EQUIANGULAR) {
                    dx = Math.cos(u) * cx + Math.sin(u) * tx;
                    dy = Math.cos(u) * cy + Math.sin(u) * ty;
                } else {
                    double px = sourceToDetector * cx + u * tx;
                    double py = sourceToDetector * cy + u * ty;
                    double len = Math.hypot(px, py);
                    dx = px / len;
                    dy = py / len;
                }
                // ray direction d = (−sin θ, cos θ) ⇒ normal n = (d_y, −d_x)
                int r = k * b + j;
                cos[r] = dy;
                sin[r] = -dx;
                s[r] = sx * dy - sy * dx;
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "fan beam (%s): %d views, %d bins of %.6g, R = %.6g, D = %.6g, grid %d×%d",
                shape.name().toLowerCase(Locale.ROOT), views(), bins(), spacing, sourceRadius, sourceToDetector,
                grid().rows(), grid().cols());
    }
}
