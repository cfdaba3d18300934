package dev.fixpoint.solvers.fixedpoint;

/**
 * Anderson acceleration (type II, Walker &amp; Ni 2011) of {@code z = f(z)} with memory m: with
 * residuals {@code g = f(z) − z}, differences {@code ΔG, ΔF} of the last m residuals and images, the
 * coefficients solve the regularised least-squares problem
 * {@code min_γ ‖g − ΔG γ‖² + λ·trace(ΔGᵀΔG)·‖γ‖²} and the next point is
 * {@code z + βg − (ΔF − (1 − β)ΔG) γ}.
 *
 * <p>Scale invariance: the regularisation is relative to {@code trace(ΔGᵀΔG) = ‖ΔG‖²_F}, so
 * multiplying the problem by any constant leaves every step unchanged (a fixed absolute λ, as in
 * torchdeq, makes Anderson worse than plain iteration on problems whose residuals are tiny).
 *
 * <p>Safeguards: (1) when the Cholesky factorisation of the regularised normal matrix fails or its
 * estimated condition number exceeds {@link FixedPointSettings#maxCondition()}, the memory is cleared and
 * a Picard step is taken; (2) when an accelerated point's residual exceeds
 * {@link FixedPointSettings#safeguard()} × the residual of the point it came from, it is rejected and a
 * Picard step from that point is taken instead (the rejected evaluation is counted, and its secant pair is
 * kept in the memory). A strict safeguard (factor 1) makes Anderson slower than Picard on lasso-ISTA, whose
 * accelerated residuals are not monotone; the default factor 10 rejects only gross failures.
 */
public final class AndersonAcceleration extends BatchedIteration {
    /** The registered name. */
    public static final String NAME = "anderson";

    /** @param settings memory, regularization, maxCondition, safeguard, damping and stopping rules are used */
    public AndersonAcceleration(FixedPointSettings settings) {
        super(NAME, settings);
    }

    @Override
    SampleState newState(int d) {
        return new State(d, settings);
    }

    private static final class State implements SampleState {
        private final int m;
        private final double beta;
        private final double lambda;
        private final double maxCondition;
        private final double safeguard;
        private final double[][] dg;
        private final double[][] df;
        private final double[] prevG;
        private final double[] prevF;
        private final double[] acceptedZ;
        private final double[] acceptedF;
        private final double[] g;
        private final double[][] h;
        private final double[] rhs;
        private final double[] gamma;
        private double acceptedResidual;
        private boolean hasPrevious;
        private boolean lastAccelerated;
        private int count;
        private int head;

        State(int d, FixedPointSettings s) {
            m = s.memory();
            beta = s.damping();
            lambda = s.regularization();
            maxCondition = s.maxCondition();
            safeguard = s.safeguard();
            dg = new double[m][d];
            df = new double[m][d];
            prevG = new double[d];
            prevF = new double[d];
            acceptedZ = new double[d];
            acceptedF = new double[d];
            g = new double[d];
            h = new double[m][m];
            rhs = new double[m];
            gamma = new double[m];
        }

        @Override
        public void next(double[] z, double[] fz, double residual, double[] next) {
            int d = z.length;
            if (lastAccelerated && residual > safeguard * acceptedResidual) {
                double[] dgi = dg[head]; // the rejected point still gives a valid secant pair: keep it
                double[] dfi = df[head];
                for (int i = 0; i < d; i++) {
                    dgi[i] = (fz[i] - z[i]) - prevG[i];
                    dfi[i] = fz[i] - prevF[i];
                }
                head = (head + 1) % m;
                count = Math.min(count + 1, m);
                picard(acceptedZ, acceptedF, next);
                lastAccelerated = false;
                return;
            }
            for (int i = 0; i < d; i++) {
                g[i] = fz[i] - z[i];
            }
            if (hasPrevious) {
                double[] dgi = dg[head];
                double[] dfi = df[head];
                for (int i = 0; i < d; i++) {
                    dgi[i] = g[i] - prevG[i];
                    dfi[i] = fz[i] - prevF[i];
                }
                head = (head + 1) % m;
                count = Math.min(count + 1, m);
            }
            System.arraycopy(g, 0, prevG, 0, d);
            System.arraycopy(fz, 0, prevF, 0, d);
            System.arraycopy(z, 0, acceptedZ, 0, d);
            System.arraycopy(fz, 0, acceptedF, 0, d);
            acceptedResidual = residual;
            hasPrevious = true;
            if (count == 0 || !coefficients()) {
                count = 0;
                head = 0;
                picard(z, fz, next);
                lastAccelerated = false;
                return;
            }
            for (int i = 0; i < d; i++) {
                next[i] = z[i] + beta * g[i];
            }
            for (int a = 0; a < count; a++) {
                double c = gamma[a];
                double[] dga = dg[a];
                double[] dfa = df[a];
                for (int i = 0; i < d; i++) {
                    next[i] -= c * (dfa[i] - (1 - beta) * dga[i]);
                }
            }
            lastAccelerated = true;
        }

        private void picard(double[] z, double[] fz, double[] next) {
            for (int i = 0; i < z.length; i++) {
                next[i] = z[i] + beta * (fz[i] - z[i]);
            }
        }

        /** Solves the regularised normal equations into {@code gamma}; false when ill-conditioned. */
        private boolean coefficients() {
            int k = count;
            double trace = 0;
            for (int a = 0; a < k; a++) {
                double[] x = dg[a];
                for (int b = 0; b <= a; b++) {
                    double[] y = dg[b];
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * y[i];
                    }
                    h[a][b] = s;
                    h[b][a] = s;
                }
                trace += h[a][a];
                double r = 0;
                for (int i = 0; i < x.length; i++) {
                    r += x[i] * g[i];
                }
                rhs[a] = r;
            }
            if (!(trace > 0) || !Double.isFinite(trace)) {
                return false;
            }
            double shift = lambda * trace;
            for (int a = 0; a < k; a++) {
                h[a][a] += shift;
            }
            return SmallCholesky.solveInPlace(h, rhs, k, maxCondition, gamma);
        }
    }
}
