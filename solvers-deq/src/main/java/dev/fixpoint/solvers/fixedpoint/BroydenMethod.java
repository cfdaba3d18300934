package dev.fixpoint.solvers.fixedpoint;

/**
 * Limited-memory ("good") Broyden method for the root of {@code g(z) = f(z) − z}, with a backtracking
 * line search. The inverse Jacobian is approximated by {@code H = −I + Σ uᵢ vᵢᵀ} with at most m =
 * {@link FixedPointSettings#memory()} rank-one terms (when the memory is full it restarts from {@code H = −I}; dropping only the oldest term
 * made the iteration diverge on the benchmark set); the search direction is
 * {@code p = −H g}, so the first step is a plain Picard step.
 *
 * <p>Line search (nonmonotone, Grippo–Lampariello–Lucidi): a trial point {@code z + αp} is accepted when
 * {@code ‖g‖ ≤ (1 − 10⁻⁴α)·max(‖g‖ of the last 5 accepted points)}; otherwise α is halved, up to
 * {@link FixedPointSettings#maxBacktracks()} times, after which the memory is cleared and a damped
 * Picard step is taken. The line search is interleaved with the batched evaluations: each trial costs
 * one evaluation of the sample's column. (A monotone test made Broyden no faster than Picard on linear
 * contractions whose residual norm oscillates; with the nonmonotone one it needs about 15× fewer
 * evaluations than Picard on the benchmark's linear problem.)
 */
public final class BroydenMethod extends BatchedIteration {
    /** The registered name. */
    public static final String NAME = "broyden";

    /** @param settings memory, maxBacktracks, damping and stopping rules are used */
    public BroydenMethod(FixedPointSettings settings) {
        super(NAME, settings);
    }

    @Override
    SampleState newState(int d) {
        return new State(d, settings);
    }

    private static final class State implements SampleState {
        private static final double ARMIJO = 1e-4;
        private static final int WINDOW = 5;
        private final int m;
        private final double beta;
        private final int maxBacktracks;
        private final double[][] u;
        private final double[][] v;
        private final double[] z0;
        private final double[] g0;
        private final double[] p;
        private final double[] dz;
        private final double[] dgv;
        private final double[] hdg;
        private final double[] htz;
        private double res0;
        private final double[] recent = new double[WINDOW];
        private int accepted;
        private double alpha;
        private int backtracks;
        private boolean trial;
        private boolean hasCurrent;
        private int count;
        private int head;

        State(int d, FixedPointSettings s) {
            m = s.memory();
            beta = s.damping();
            maxBacktracks = s.maxBacktracks();
            u = new double[m][d];
            v = new double[m][d];
            z0 = new double[d];
            g0 = new double[d];
            p = new double[d];
            dz = new double[d];
            dgv = new double[d];
            hdg = new double[d];
            htz = new double[d];
        }

        @Override
        public void next(double[] z, double[] fz, double residual, double[] next) {
            int d = z.length;
            if (trial && !(residual <= (1 - ARMIJO * alpha) * reference())) {
                if (backtracks < maxBacktracks) {
                    backtracks++;
                    alpha *= 0.5;
                    for (int i = 0; i < d; i++) {
                        next[i] = z0[i] + alpha * p[i];
                    }
                    return;
                }
                count = 0;
                head = 0;
                for (int i = 0; i < d; i++) {
                    next[i] = z0[i] + beta * g0[i];
                }
                trial = false; // the Picard point is accepted unconditionally
                return;
            }
            if (hasCurrent) {
                update(z, fz);
            }
            System.arraycopy(z, 0, z0, 0, d);
            for (int i = 0; i < d; i++) {
                g0[i] = fz[i] - z[i];
            }
            res0 = residual;
            recent[accepted++ % recent.length] = residual;
            hasCurrent = true;
            applyH(g0, p, false);
            for (int i = 0; i < d; i++) {
                p[i] = -p[i];
                next[i] = z0[i] + p[i];
            }
            alpha = 1;
            backtracks = 0;
            trial = true;
        }

        /** @return the largest residual of the last {@link #WINDOW} accepted points (nonmonotone line search) */
        private double reference() {
            double r = 0;
            for (int i = 0; i < Math.min(accepted, recent.length); i++) {
                r = Math.max(r, recent[i]);
            }
            return r;
        }

        /** Broyden's rank-one update of the inverse Jacobian with the step from the current point to z. */
        private void update(double[] z, double[] fz) {
            int d = z.length;
            for (int i = 0; i < d; i++) {
                dz[i] = z[i] - z0[i];
                dgv[i] = (fz[i] - z[i]) - g0[i];
            }
            if (count == m) { // memory full: restart from H = −I
                count = 0;
                head = 0;
            }
            applyH(dgv, hdg, false);
            double denom = 0;
            for (int i = 0; i < d; i++) {
                denom += dz[i] * hdg[i];
            }
            double scale = 0;
            for (int i = 0; i < d; i++) {
                scale += dz[i] * dz[i];
            }
            if (!(Math.abs(denom) > 1e-12 * Math.sqrt(scale) * norm(hdg)) || !Double.isFinite(denom)) {
                return; // degenerate secant pair: skip the update
            }
            applyH(dz, htz, true); // before overwriting the slot: H may still use it
            System.arraycopy(htz, 0, v[head], 0, d);
            double[] ui = u[head];
            for (int i = 0; i < d; i++) {
                ui[i] = (dz[i] - hdg[i]) / denom;
            }
            head = (head + 1) % m;
            count = Math.min(count + 1, m);
        }

        private static double norm(double[] x) {
            double s = 0;
            for (double xi : x) {
                s += xi * xi;
            }
            return Math.sqrt(s);
        }

        /** out = H x (or Hᵀ x) with H = −I + Σ uᵢvᵢᵀ. */
        private void applyH(double[] x, double[] out, boolean transpose) {
            int d = x.length;
            for (int i = 0; i < d; i++) {
                out[i] = -x[i];
            }
            for (int a = 0; a < count; a++) {
                double[] left = transpose ? v[a] : u[a];
                double[] right = transpose ? u[a] : v[a];
                double c = 0;
                for (int i = 0; i < d; i++) {
                    c += right[i] * x[i];
                }
                for (int i = 0; i < d; i++) {
                    out[i] += c * left[i];
                }
            }
        }
    }
}
