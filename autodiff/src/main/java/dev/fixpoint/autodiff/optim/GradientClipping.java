package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Gradient clipping, applied to the accumulated gradients of a {@link ParameterSet} between backward
 * and {@link Optimizer#step()}. Both methods <b>modify</b> the gradients in place (no temporary arrays).
 *
 * <pre>{@code
 * double norm = GradientClipping.clipByGlobalNorm(params, 1.0);   // the norm before clipping
 * optimizer.step();
 * }</pre>
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Scales all gradients by {@code maxNorm / ‖g‖} when the global Euclidean norm {@code ‖g‖} (over
     * every element of every gradient) exceeds {@code maxNorm}; otherwise leaves them unchanged.
     *
     * @param maxNorm the largest norm allowed, {@code > 0}
     * @return the global norm <em>before</em> clipping
     * @throws FixpointException {@code [fixpoint/NonFinite]} if the norm is NaN or infinite (gradients unchanged)
     */
    public static double clipByGlobalNorm(ParameterSet parameters, double maxNorm) {
        Hyperparameters.positive("maximum gradient norm", maxNorm);
        double scale = 0;   // scaled sum of squares, robust to overflow: norm = scale·√ssq
        double ssq = 1;
        for (Parameter p : parameters) {
            Tensor g = p.grad();
            double[] d = g.data();
            int off = g.offset();
            for (int i = 0, n = g.size(); i < n; i++) {
                double a = Math.abs(d[off + i]);
                if (a == 0) {
                    continue;
                }
                if (!(a <= Double.MAX_VALUE)) {
                    throw new FixpointException("NonFinite", "clipByGlobalNorm: the gradient of parameter '" + p.name()
                            + "' has " + d[off + i] + " at flat index " + i + "; gradients left unchanged");
                }
                if (scale < a) {
                    ssq = 1 + ssq * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    ssq += (a / scale) * (a / scale);
                }
            }
        }
        double norm = scale * Math.sqrt(ssq);
        if (!Double.isFinite(norm)) {
            throw new FixpointException("NonFinite", "clipByGlobalNorm: the global gradient norm overflows; gradients left unchanged");
        }
        if (norm > maxNorm) {
            double factor = maxNorm / norm;
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                double[] d = g.data();
                int off = g.offset();
                for (int i = 0, n = g.size(); i < n; i++) {
                    d[off + i] *= factor;
                }
            }
        }
        return norm;
    }

    /**
     * Clamps every gradient element to {@code [−limit, limit]}; NaN elements are left as they are
     * (and {@link Optimizer#step()} will report them).
     *
     * @param limit {@code > 0}
     * @return the number of elements that were clamped
     */
    public static long clipByValue(ParameterSet parameters, double limit) {
        Hyperparameters.positive("gradient clipping limit", limit);
        long clamped = 0;
        for (Parameter p : parameters) {
            Tensor g = p.grad();
            double[] d = g.data();
            int off = g.offset();
            for (int i = 0, n = g.size(); i < n; i++) {
                double x = d[off + i];
                if (x > limit) {
                    d[off + i] = limit;
                    clamped++;
                } else if (x < -limit) {
                    d[off + i] = -limit;
                    clamped++;
                }
            }
        }
        return clamped;
    }
}
