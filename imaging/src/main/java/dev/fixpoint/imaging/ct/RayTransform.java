package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.solvers.iterative.AbsoluteSums;
import java.util.List;

/**
 * The 2-D ray transform (X-ray transform) of a {@link CtGeometry}, discretised by Joseph's method
 * ({@link JosephRays}): {@code A : ℝ^[rows, cols] → ℝ^[views, bins]}, {@code (Ax)_r ≈ ∫_{line r} x} with the image
 * as the bilinear-in-one-direction interpolant of its pixel-centre values. Lengths in grid units (on a unit-pixel
 * grid: line integrals in pixel units).
 *
 * <p>The adjoint {@code Aᵀ} evaluates the same interpolation weights and scatters them, so it is the exact
 * transpose (dot test to rounding). Both are multithreaded on {@code threads} threads: the forward projection
 * splits the views (each ray writes its own sinogram entry), the adjoint accumulates a fixed number of view
 * blocks (at most {@value #BLOCKS}, independent of the thread count) into private buffers that are summed in block
 * order — so the results are bit-for-bit the same for every thread count. All weights are non-negative, so
 * {@link AbsoluteSums} are {@code A·1} and {@code Aᵀ·1} (for the diagonally preconditioned primal–dual method).
 * Immutable and thread-safe.
 */
public final class RayTransform extends LinearOperator implements AbsoluteSums {
    static final int BLOCKS = 8;

    private final CtGeometry geometry;
    private final JosephRays rays;
    private final int threads;

    private RayTransform(CtGeometry geometry, int threads) {
        super(geometry.grid().shape(), geometry.sinogramShape());
        this.geometry = geometry;
        this.rays = new JosephRays(geometry);
        this.threads = threads;
    }

    /** @return the ray transform of {@code geometry} on all available processors */
    public static RayTransform of(CtGeometry geometry) {
        return of(geometry, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param geometry the geometry
     * @param threads  worker threads (≥ 1; 1 runs in the caller's thread)
     * @return the ray transform
     */
    public static RayTransform of(CtGeometry geometry, int threads) {
        if (threads < 1) {
            throw new FixpointException("BadArgument", "threads = " + threads + " must be ≥ 1");
        }
        return new RayTransform(java.util.Objects.requireNonNull(geometry, "geometry"), threads);
    }

    /** @return the geometry */
    public CtGeometry geometry() {
        return geometry;
    }

    /** @return the number of worker threads */
    public int threads() {
        return threads;
    }

    /** @return this transform with another thread count (same results, bit for bit) */
    public RayTransform withThreads(int count) {
        return of(geometry, count);
    }

    @Override
    public String name() {
        ImageGrid g = geometry.grid();
        return "RayTransform[" + g.rows() + "×" + g.cols() + " → " + geometry.views() + "×" + geometry.bins() + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        int rowsN = rays.rows;
        int colsN = rays.cols;
        double[] img = x.data();
        int off = x.offset();
        double[] imgT = new double[rowsN * colsN];
        for (int i = 0; i < rowsN; i++) {
            for (int j = 0; j < colsN; j++) {
                imgT[j * rowsN + i] = img[off + i * colsN + j];
            }
        }
        double[] o = out.data();
        int oo = out.offset();
        int bins = geometry.bins();
        Blocks.run(name(), threads, geometry.views(), 4 * threads, (v0, v1) -> {
            for (int r = v0 * bins; r < v1 * bins; r++) {
                o[oo + r] = rays.transposed[r] ? rays.project(r, imgT, 0, rowsN) : rays.project(r, img, off, colsN);
            }
            return null;
        });
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        int rowsN = rays.rows;
        int colsN = rays.cols;
        int views = geometry.views();
        int bins = geometry.bins();
        int blocks = Math.min(views, BLOCKS);
        double[][] acc = new double[blocks][];
        double[][] accT = new double[blocks][];
        double[] yd = y.data();
        int yo = y.offset();
        List<double[][]> results = Blocks.run(name(), threads, views, blocks, (v0, v1) -> {
            double[] a = null;
            double[] at = null;
            for (int r = v0 * bins; r < v1 * bins; r++) {
                double val = yd[yo + r];
                if (val == 0) {
                    continue;
                }
                if (rays.transposed[r]) {
                    if (at == null) {
                        at = new double[rowsN * colsN];
                    }
                    rays.backproject(r, val, at, rowsN);
                } else {
                    if (a == null) {
                        a = new double[rowsN * colsN];
                    }
                    rays.backproject(r, val, a, colsN);
                }
            }
            return new double[][]{a, at};
        });
        for (int k = 0; k < blocks; k++) {
            acc[k] = results.get(k)[0];
            accT[k] = results.get(k)[1];
        }
        double[] o = out.data();
        int oo = out.offset();
        java.util.Arrays.fill(o, oo, oo + rowsN * colsN, 0.0);
        double[] sumT = null;
        for (int k = 0; k < blocks; k++) {
            if (acc[k] != null) {
                double[] a = acc[k];
                for (int p = 0; p < a.length; p++) {
                    o[oo + p] += a[p];
                }
            }
            if (accT[k] != null) {
                if (sumT == null) {
                    sumT = accT[k];
                } else {
                    double[] a = accT[k];
                    for (int p = 0; p < a.length; p++) {
                        sumT[p] += a[p];
                    }
                }
            }
        }
        if (sumT != null) {
            for (int i = 0; i < rowsN; i++) {
                for (int j = 0; j < colsN; j++) {
                    o[oo + i * colsN + j] += sumT[j * rowsN + i];
                }
            }
        }
    }

    @Override
    public Tensor absoluteRowSums() {
        return apply(Tensor.ones(domainShape()));
    }

    @Override
    public Tensor absoluteColumnSums() {
        return adjoint(Tensor.ones(rangeShape()));
    }
}
