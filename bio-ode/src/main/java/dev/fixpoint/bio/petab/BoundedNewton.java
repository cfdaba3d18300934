package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default inner optimiser of {@link BilevelCalibration}: a projected Newton method for small box-constrained
 * problems. The Hessian of the free variables (not at a bound with the gradient pushing outwards) comes from
 * central differences of gradients (2n gradient evaluations per iteration), Levenberg damping is added until it is
 * positive definite, and the projected step is backtracked until the value decreases (Armijo); when the value no
 * longer resolves the decrease, the full step is taken if it halves the projected gradient. Stops when the
 * projected gradient ‖P(ψ − ∇L) − ψ‖∞ ≤ tolerance, or when no step decreases the value any more (at the accuracy
 * of the value). Not thread-safe.
 */
final class BoundedNewton implements BilevelCalibration.InnerSolver {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedNewton.class);
    private final double tolerance;
    private final int maxIterations;
    private final double step;

    BoundedNewton(double tolerance, int maxIterations, double step) {
        if (!(tolerance > 0) || maxIterations < 1 || !(step > 0)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] need tolerance > 0, maxIterations >= 1, "
                    + "step > 0, got " + tolerance + ", " + maxIterations + ", " + step);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.step = step;
    }

    @Override
    public double[] minimize(BilevelCalibration.Level inner, double[] phi, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] psi = new double[n];
        for (int i = 0; i < n; i++) {
            psi[i] = clip(start[i], lower[i], upper[i]);
        }
        double[] g = new double[n];
        double[] gPhi = new double[phi.length];
        double f = inner.evaluate(psi, phi, g, gPhi);
        double[] trial = new double[n];
        double[] gTrial = new double[n];
        for (int it = 0; it < maxIterations; it++) {
            check(f, it);
            if (projectedGradient(psi, g, lower, upper) <= tolerance) {
                return psi;
            }
            boolean[] free = new boolean[n];
            for (int i = 0; i < n; i++) {
                free[i] = !(psi[i] <= lower[i] && g[i] > 0 || psi[i] >= upper[i] && g[i] < 0);
            }
            double[][] h = hessian(inner, psi, phi, free);
            double[] d = dampedNewtonStep(h, g, free);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope += g[i] * d[i];
            }
            boolean accepted = false;
            for (double alpha = 1; alpha > 1e-12; alpha *= 0.5) {
                for (int i = 0; i < n; i++) {
                    trial[i] = clip(psi[i] + alpha * d[i], lower[i], upper[i]);
                }
                double ft = inner.evaluate(trial, phi, gTrial, gPhi);
                if (Double.isFinite(ft) && ft <= f + 1e-4 * alpha * Math.min(slope, 0)) {
                    if (ft >= f && alpha < 1) {
                        break;
                    }
                    System.arraycopy(trial, 0, psi, 0, n);
                    System.arraycopy(gTrial, 0, g, 0, n);
                    f = ft;
                    accepted = true;
                    break;
                }
            }
            if (!accepted) {
                // near the optimum the value no longer resolves the decrease: accept the full step if it reduces the
                // projected gradient (Newton converges quadratically in the gradient)
                for (int i = 0; i < n; i++) {
                    trial[i] = clip(psi[i] + d[i], lower[i], upper[i]);
                }
                double ft = inner.evaluate(trial, phi, gTrial, gPhi);
                if (Double.isFinite(ft) && projectedGradient(trial, gTrial, lower, upper)
                        < 0.5 * projectedGradient(psi, g, lower, upper)) {
                    System.arraycopy(trial, 0, psi, 0, n);
                    System.arraycopy(gTrial, 0, g, 0, n);
                    f = ft;
                    continue;
                }
                LOG.debug("bounded Newton: no decrease at iteration {}, projected gradient {}", it,
                        projectedGradient(psi, g, lower, upper));
                return psi;
            }
        }
        LOG.warn("bounded Newton: projected gradient {} > {} after {} iterations", projectedGradient(psi, g, lower, upper),
                tolerance, maxIterations);
        return psi;
    }

    private static void check(double f, int it) {
        if (!Double.isFinite(f)) {
            throw new FixpointException("BilevelInner", "inner objective is " + f + " at iteration " + it);
        }
    }

    static double projectedGradient(double[] psi, double[] g, double[] lower, double[] upper) {
        double m = 0;
        for (int i = 0; i < psi.length; i++) {
            m = Math.max(m, Math.abs(clip(psi[i] - g[i], lower[i], upper[i]) - psi[i]));
        }
        return m;
    }

    /** Central differences of the gradient in the free coordinates, symmetrised; fixed rows/columns are 0. */
    private double[][] hessian(BilevelCalibration.Level inner, double[] psi, double[] phi, boolean[] free) {
        int n = psi.length;
        double[][] h = new double[n][n];
        double[] p = psi.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] gPhi = new double[phi.length];
        for (int j = 0; j < n; j++) {
            if (!free[j]) {
                continue;
            }
            double e = step * Math.max(1, Math.abs(psi[j]));
            p[j] = psi[j] + e;
            inner.evaluate(p, phi, gp, gPhi);
            p[j] = psi[j] - e;
            inner.evaluate(p, phi, gm, gPhi);
            p[j] = psi[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = free[i] ? (gp[i] - gm[i]) / (2 * e) : 0;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /** Solves (H + λI) d = −g on the free coordinates by Cholesky, raising λ until H + λI is positive definite. */
    private static double[] dampedNewtonStep(double[][] h, double[] g, boolean[] free) {
        int n = g.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += free[i] ? Math.abs(h[i][i]) : 0;
        }
        double lambda = 0;
        while (true) {
            double[][] l = new double[n][n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                if (!free[i]) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    if (!free[j]) {
                        continue;
                    }
                    double s = h[i][j] + (i == j ? lambda : 0);
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            ok = false;
                            break;
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            if (ok) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        double s = -g[i];
                        for (int k = 0; k < i; k++) {
                            s -= l[i][k] * y[k];
                        }
                        y[i] = s / l[i][i];
                    }
                }
                double[] d = new double[n];
                for (int i = n - 1; i >= 0; i--) {
                    if (free[i]) {
                        double s = y[i];
                        for (int k = i + 1; k < n; k++) {
                            s -= l[k][i] * d[k];
                        }
                        d[i] = s / l[i][i];
                    }
                }
                return d;
            }
            lambda = lambda == 0 ? Math.max(1e-10, 1e-8 * trace) : 4 * lambda;
        }
    }

    private static double clip(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
