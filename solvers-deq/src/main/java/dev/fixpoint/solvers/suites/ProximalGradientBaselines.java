package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.sparse.Nmse;

/**
 * ISTA and FISTA on {@code ½‖Ax − y‖² + λ‖x‖₁} with step 1/L from x₀ = 0, run on a whole test set at
 * once (samples are columns), recording the NMSE of every iterate: the classical baselines of the
 * sparse-recovery suite. Tight loops over the primitive arrays; two gemms per iteration.
 */
final class ProximalGradientBaselines {
    private ProximalGradientBaselines() {
    }

    /**
     * @param a          A [m, n]
     * @param lipschitz  L = ‖A‖₂²
     * @param y          [m, N]
     * @param x          the true signals [n, N] (for the NMSE)
     * @param lambda     λ ≥ 0
     * @param iterations K ≥ 1
     * @param fista      FISTA's momentum (Beck–Teboulle) instead of plain ISTA
     * @return NMSE (dB) after iterations 1 … K
     */
    static double[] nmsePerIteration(Tensor a, double lipschitz, Tensor y, Tensor x, double lambda, int iterations,
                                     boolean fista) {
        int n = a.dim(1);
        int cols = y.dim(1);
        Tensor current = Tensor.zeros(n, cols);
        Tensor previous = Tensor.zeros(n, cols);
        Tensor z = Tensor.zeros(n, cols);
        Tensor residual = Tensor.zeros(a.dim(0), cols);
        Tensor gradient = Tensor.zeros(n, cols);
        double threshold = lambda / lipschitz;
        double step = 1 / lipschitz;
        double t = 1;
        double[] nmse = new double[iterations];
        for (int k = 0; k < iterations; k++) {
            // residual = A z − y ; gradient = Aᵀ residual
            residual.assign(y);
            Tensor.matmulInto(1.0, a, false, z, false, -1.0, residual);
            Tensor.matmulInto(1.0, a, true, residual, false, 0.0, gradient);
            Tensor swap = previous;
            previous = current;
            current = swap;
            double[] c = current.data();
            double[] zd = z.data();
            double[] g = gradient.data();
            for (int i = 0; i < c.length; i++) {
                double v = zd[i] - step * g[i];
                c[i] = Math.signum(v) * Math.max(Math.abs(v) - threshold, 0.0);
            }
            double momentum = 0;
            if (fista) {
                double next = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                momentum = (t - 1) / next;
                t = next;
            }
            double[] p = previous.data();
            for (int i = 0; i < c.length; i++) {
                zd[i] = c[i] + momentum * (c[i] - p[i]);
            }
            nmse[k] = Nmse.decibels(current, x);
        }
        return nmse;
    }
}
