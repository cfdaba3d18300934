package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.imaging.phantom.ImageGrid;
import java.util.Locale;

/**
 * Parallel-beam geometry: for view {@code k} with angle {@code θ_k} and detector bin {@code j}, the ray is the line
 * {@code {p : p·(cos θ_k, sin θ_k) = s_j}} with bin centres {@code s_j = (j − (bins−1)/2)·binSize + offset}
 * (the detector axis points along {@code (cos θ, sin θ)}, the rays along {@code (−sin θ, cos θ)}). Angles in
 * radians. The detector must cover the image: {@code [offset − bins·binSize/2, offset + bins·binSize/2]} must
 * contain {@code [−ρ, ρ]}, where {@code ρ} is the distance from the origin to the farthest grid corner.
 */
public final class ParallelBeamGeometry extends CtGeometry {
    private final double[] angles;
    private final double binSize;
    private final double offset;

    /**
     * @param grid    image grid
     * @param angles  projection angles θ, radians (copied, finite)
     * @param bins    detector bins per view (≥ 1)
     * @param binSize bin width (&gt; 0), in grid units
     * @param offset  detector centre offset (0 for a centred detector)
     * @throws FixpointException {@code [fixpoint/BadGeometry]} for a bad value; {@code [fixpoint/DetectorTooSmall]}
     *         when the detector does not cover the image
     */
    public ParallelBeamGeometry(ImageGrid grid, double[] angles, int bins, double binSize, double offset) {
        super(grid, angles.length, bins);
        requireCount("number of angles", angles.length);
        requireCount("number of bins", bins);
        requirePositive("bin size", binSize);
        for (int k = 0; k < angles.length; k++) {
            if (!Double.isFinite(angles[k])) {
                throw new FixpointException("BadGeometry", "angle[" + k + "] = " + angles[k] + " is not finite");
            }
        }
        if (!Double.isFinite(offset)) {
            throw new FixpointException("BadGeometry", "detector offset " + offset + " is not finite");
        }
        this.angles = angles.clone();
        this.binSize = binSize;
        this.offset = offset;
        double rho = imageRadius(grid);
        double half = 0.5 * bins * binSize;
        double slack = 1e-9 * rho;
        if (offset - half > -rho + slack || offset + half < rho - slack) {
            throw new FixpointException("DetectorTooSmall", String.format(Locale.ROOT,
                    "the parallel-beam detector (%d bins of %.6g, offset %.6g) covers s ∈ [%.6g, %.6g] but the image "
                    + "grid %d×%d reaches distance %.6g from the rotation centre; it must cover [−%.6g, %.6g]: use at "
                    + "least %d bins of this size or a bin size ≥ %.6g", bins, binSize, offset, offset - half,
                    offset + half, grid.rows(), grid.cols(), rho, rho, rho,
                    (int) Math.ceil(2 * (rho + Math.abs(offset)) / binSize), 2 * (rho + Math.abs(offset)) / bins));
        }
    }

    /**
     * @param grid    image grid
     * @param views   number of angles θ_k = kπ/views, k = 0 … views−1
     * @param bins    detector bins
     * @param binSize bin width
     * @return the centred geometry with equispaced angles over [0, π)
     */
    public static ParallelBeamGeometry uniform(ImageGrid grid, int views, int bins, double binSize) {
        requireCount("number of angles", views);
        double[] a = new double[views];
        for (int k = 0; k < views; k++) {
            a[k] = k * Math.PI / views;
        }
        return new ParallelBeamGeometry(grid, a, bins, binSize, 0.0);
    }

    /**
     * @param grid  image grid
     * @param views number of angles θ_k = kπ/views
     * @param bins  detector bins; the bin size is chosen so that the detector exactly covers the image diagonal
     *              ({@code 2ρ/bins}; for the 128×128 unit-pixel grid and 183 bins: {@code 2·64√2/183})
     * @return the centred geometry
     */
    public static ParallelBeamGeometry coveringDiagonal(ImageGrid grid, int views, int bins) {
        requireCount("number of bins", bins);
        return uniform(grid, views, bins, 2 * imageRadius(grid) / bins);
    }

    /** @return a copy of the angles, radians */
    public double[] angles() {
        return angles.clone();
    }

    /** @return the bin width */
    public double binSize() {
        return binSize;
    }

    /** @return the detector offset */
    public double offset() {
        return offset;
    }

    /** @return the detector coordinate of the centre of bin {@code j} */
    public double binCentre(int j) {
        return (j - 0.5 * (bins() - 1)) * binSize + offset;
    }

    @Override
    void lines(double[] cos, double[] sin, double[] s) {
        int b = bins();
        for (int k = 0; k < angles.length; k++) {
            double c = Math.cos(angles[k]);
            double sn = Math.sin(angles[k]);
            for (int j = 0; j < b; j++) {
                cos[k * b + j] = c;
                sin[k * b + j] = sn;
                s[k * b + j] = binCentre(j);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "parallel beam: %d angles, %d bins of %.6g, grid %d×%d", views(), bins(),
                binSize, grid().rows(), grid().cols());
    }
}
