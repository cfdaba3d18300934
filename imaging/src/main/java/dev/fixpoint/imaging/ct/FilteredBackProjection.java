package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.ImageGrid;
import java.util.Arrays;

/**
 * Filtered back-projection (Kak &amp; Slaney 1988, ch. 3) for the geometries of this package, with the
 * {@link ReconstructionFilter}s. Scaling: the reconstruction of noiseless line integrals of an image is that
 * image (up to discretisation), in the image's own units.
 * <ul>
 *   <li>Parallel beam (angles assumed equispaced over [0, π)):
 *       {@code f(p) = (π/V) Σ_v q_v(p·n_v)}, {@code q_v = τ (p_v ∗ h)}.</li>
 *   <li>Fan beam, equiangular detector (full 2π scan, spacing α):
 *       pre-weight {@code R cos γ}, kernel {@code ½(γ/sin γ)² h(γ)}, back-projection weight {@code 1/L²}
 *       ({@code L}: source–pixel distance), {@code f(p) = (2π/V) Σ_v L⁻² q_v(γ'(p))}.</li>
 *   <li>Fan beam, flat detector (rescaled to the virtual detector through the origin, spacing
 *       {@code Δs = Δu·R/D}): pre-weight {@code R/√(R² + s²)}, kernel {@code ½h}, weight {@code 1/U²} with
 *       {@code U = (R − p·ŝ)/R}.</li>
 * </ul>
 * The filtered projections are interpolated linearly; pixels are back-projected in parallel over image rows
 * (deterministic for any thread count). Immutable and thread-safe.
 */
public final class FilteredBackProjection {
    private final CtGeometry geometry;
    private final ReconstructionFilter filter;
    private final int threads;
    private final double[] kernel;
    private final double tau;

    private FilteredBackProjection(CtGeometry geometry, ReconstructionFilter filter, int threads) {
        this.geometry = geometry;
        this.filter = filter;
        this.threads = threads;
        int bins = geometry.bins();
        if (geometry instanceof ParallelBeamGeometry p) {
            tau = p.binSize();
            kernel = filter.kernel(bins, tau);
        } else {
            FanBeamGeometry f = (FanBeamGeometry) geometry;
            if (f.detectorShape() == DetectorShape.EQUIANGULAR) {
                tau = f.spacing();
                double[] h = filter.kernel(bins, tau);
                for (int n = -(bins - 1); n < bins; n++) {
                    double g = n == 0 ? 1 : n * tau / Math.sin(n * tau);
                    h[n + bins - 1] *= 0.5 * g * g;
                }
                kernel = h;
            } else {
                tau = f.spacing() * f.sourceRadius() / f.sourceToDetector();
                double[] h = filter.kernel(bins, tau);
                for (int n = 0; n < h.length; n++) {
                    h[n] *= 0.5;
                }
                kernel = h;
            }
        }
    }

    /**
     * @param geometry the acquisition geometry
     * @param filter   the filter
     * @return the reconstruction on all available processors
     */
    public static FilteredBackProjection of(CtGeometry geometry, ReconstructionFilter filter) {
        return of(geometry, filter, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param geometry the acquisition geometry
     * @param filter   the filter
     * @param threads  worker threads (≥ 1)
     * @return the reconstruction
     */
    public static FilteredBackProjection of(CtGeometry geometry, ReconstructionFilter filter, int threads) {
        if (threads < 1) {
            throw new FixpointException("BadArgument", "threads = " + threads + " must be ≥ 1");
        }
        return new FilteredBackProjection(java.util.Objects.requireNonNull(geometry, "geometry"),
                java.util.Objects.requireNonNull(filter, "filter"), threads);
    }

    /** @return the filter */
    public ReconstructionFilter filter() {
        return filter;
    }

    /**
     * @param sinogram line integrals of shape {@code [views, bins]} (finite; not modified)
     * @return the reconstructed image of shape {@code [rows, cols]} (new tensor)
     * @throws ShapeMismatchException naming both shapes; {@code [fixpoint/NonFinite]} for NaN/Inf data
     */
    public Tensor reconstruct(Tensor sinogram) {
        if (!Arrays.equals(sinogram.shape(), geometry.sinogramShape())) {
            throw new ShapeMismatchException("FilteredBackProjection sinogram", sinogram.shape(),
                    geometry.sinogramShape(), "the sinogram must have shape [views, bins] of the geometry");
        }
        sinogram.requireFinite("FilteredBackProjection sinogram");
        double[][] q = filtered(sinogram);
        ImageGrid g = geometry.grid();
        Tensor out = Tensor.zeros(g.rows(), g.cols());
        double[] o = out.data();
        Blocks.run("FilteredBackProjection", threads, g.rows(), 4 * threads, (i0, i1) -> {
            backproject(q, o, i0, i1);
            return null;
        });
        return out;
    }

    /** Pre-weights and convolves every view with the kernel: {@code q_v = τ (w·p_v) ∗ h}. */
    private double[][] filtered(Tensor sinogram) {
        int views = geometry.views();
        int bins = geometry.bins();
        double[] p = sinogram.toArray();
        double[] weight = new double[bins];
        for (int j = 0; j < bins; j++) {
            if (geometry instanceof FanBeamGeometry f) {
                double u = f.binCoordinate(j);
                weight[j] = f.detectorShape() == DetectorShape.EQUIANGULAR ? f.sourceRadius() * Math.cos(u)
                        : f.sourceRadius() / Math.hypot(f.sourceRadius(), u * f.sourceRadius() / f.sourceToDetector());
            } else {
                weight[j] = 1.0;
            }
        }
        double[][] q = new double[views][bins];
        Blocks.run("FilteredBackProjection", threads, views, 4 * threads, (v0, v1) -> {
            double[] w = new double[bins];
            for (int v = v0; v < v1; v++) {
                for (int k = 0; k < bins; k++) {
                    w[k] = weight[k] * p[v * bins + k];
                }
                double[] qv = q[v];
                for (int j = 0; j < bins; j++) {
                    double sum = 0;
                    int base = j + bins - 1;
                    for (int k = 0; k < bins; k++) {
                        sum += w[k] * kernel[base - k];
                    }
                    qv[j] = tau * sum;
                }
            }
            return null;
        });
        return q;
    }

    private void backproject(double[][] q, double[] out, int i0, int i1) {
        ImageGrid g = geometry.grid();
        int views = geometry.views();
        int bins = geometry.bins();
        double centre = 0.5 * (bins - 1);
        if (geometry instanceof ParallelBeamGeometry pb) {
            double[] ang = pb.angles();
            double scale = Math.PI / views;
            for (int v = 0; v < views; v++) {
                double c = Math.cos(ang[v]);
                double s = Math.sin(ang[v]);
                double[] qv = q[v];
                for (int i = i0; i < i1; i++) {
                    double y = g.y(i);
                    for (int j = 0; j < g.cols(); j++) {
                        double t = (g.x(j) * c + y * s - pb.offset()) / tau + centre;
                        out[i * g.cols() + j] += scale * interpolate(qv, t);
                    }
                }
            }
            return;
        }
        FanBeamGeometry f = (FanBeamGeometry) geometry;
        double r = f.sourceRadius();
        boolean equiangular = f.detectorShape() == DetectorShape.EQUIANGULAR;
        double scale = 2 * Math.PI / views;
        for (int v = 0; v < views; v++) {
            double beta = f.sourceAngle(v);
            double sx = Math.cos(beta);
            double sy = Math.sin(beta);
            // t = (−c_y, c_x) with c = −ŝ ⇒ t = (s_y, −s_x)
            double tx = sy;
            double ty = -sx;
            double[] qv = q[v];
            for (int i = i0; i < i1; i++) {
                double y = g.y(i);
                for (int j = 0; j < g.cols(); j++) {
                    double x = g.x(j);
                    double along = r - (x * sx + y * sy);
                    double across = x * tx + y * ty;
                    double value;
                    if (equiangular) {
                        double gamma = Math.atan2(across, along);
                        double l2 = along * along + across * across;
                        value = interpolate(qv, gamma / tau + centre) / l2;
                    } else {
                        double u = along / r;
                        value = interpolate(qv, r * across / along / tau + centre) / (u * u);
                    }
                    out[i * g.cols() + j] += scale * value;
                }
            }
        }
    }

    private static double interpolate(double[] q, double t) {
        if (t <= -1 || t >= q.length) {
            return 0;
        }
        int k = (int) (t + 1) - 1;
        double f = t - k;
        double v = 0;
        if (k >= 0) {
            v += (1 - f) * q[k];
        }
        if (k + 1 < q.length) {
            v += f * q[k + 1];
        }
        return v;
    }
}
