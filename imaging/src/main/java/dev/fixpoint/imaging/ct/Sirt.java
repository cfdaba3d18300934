package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Arrays;

/**
 * SIRT, the simultaneous iterative reconstruction technique (Gilbert 1972; in the form of ASTRA):
 * {@code x_{k+1} = P(x_k + C Aᵀ R (y − A x_k))} with {@code R = diag(1/Σⱼ a_ij)} (inverse ray lengths) and
 * {@code C = diag(1/Σᵢ a_ij)} (inverse back-projected ones), {@code P} the projection onto {@code x ≥ 0} when
 * non-negativity is asked for. It is a preconditioned Landweber iteration for
 * {@code min ½‖Ax − y‖²_R} and converges for any non-negative A. <b>Residual</b>: {@code ‖y − Ax_k‖/‖y‖};
 * <b>objective</b>: {@code ½‖Ax_k − y‖²}. Stopped early it regularises (semi-convergence). Immutable.
 */
public final class Sirt {
    private final RayTransform a;
    private final boolean nonNegative;
    private final StoppingCriteria stopping;
    private final IterationListener listener;
    private final Tensor rowScale;
    private final Tensor columnScale;

    /**
     * @param a           the ray transform
     * @param nonNegative whether to project onto {@code x ≥ 0} after each step
     * @param stopping    when to stop (typically {@link StoppingCriteria#fixedIterations})
     * @param listener    per-iteration observer, or null
     */
    public Sirt(RayTransform a, boolean nonNegative, StoppingCriteria stopping, IterationListener listener) {
        this.a = a;
        this.nonNegative = nonNegative;
        this.stopping = stopping;
        this.listener = listener == null ? IterationListener.NONE : listener;
        this.rowScale = a.absoluteRowSums().map(s -> s > 0 ? 1 / s : 0);
        this.columnScale = a.absoluteColumnSums().map(s -> s > 0 ? 1 / s : 0);
    }

    /**
     * @param y  the sinogram, shape {@code [views, bins]} (finite; not modified)
     * @param x0 the start, shape {@code [rows, cols]}, or null for zeros (not modified)
     * @return the result (solution of shape {@code [rows, cols]})
     */
    public SolverResult solve(Tensor y, Tensor x0) {
        if (!Arrays.equals(y.shape(), a.rangeShape())) {
            throw new ShapeMismatchException("Sirt data", y.shape(), a.rangeShape(), "the sinogram shape of the geometry");
        }
        y.requireFinite("Sirt data");
        Tensor x = x0 == null ? Tensor.zeros(a.domainShape()) : x0.copy();
        Tensor ax = Tensor.zeros(a.rangeShape());
        Tensor back = Tensor.zeros(a.domainShape());
        double yNorm = Math.max(y.norm(), 1e-300);
        IterationMonitor monitor = new IterationMonitor("sirt", stopping, listener);
        double[] xd = x.data();
        for (int it = 1; ; it++) {
            a.applyInto(x, ax);
            ax.subInto(y, ax).scaleInPlace(-1); // y − Ax
            double res = ax.norm();
            ax.mulInto(rowScale, ax);
            a.adjointInto(ax, back);
            double[] bd = back.data();
            double[] cd = columnScale.data();
            for (int p = 0; p < xd.length; p++) {
                double v = xd[p] + cd[p] * bd[p];
                xd[p] = nonNegative ? Math.max(0, v) : v;
            }
            SolverStatus status = monitor.record(it, 0.5 * res * res, res / yNorm);
            if (status != null) {
                break;
            }
        }
        return monitor.result(x);
    }
}
