package dev.fixpoint.solvers.amp;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the empirical phase transition of noiseless sparse recovery by AMP at the minimax
 * threshold multiplier {@code α*(δ)} of {@link PhaseTransition}, for comparison with {@code ρ_SE(δ)}.
 *
 * <p><b>One trial</b> at {@code (δ, ρ)}: {@code m = round(δn)}, {@code k = round(ρm)}; A is
 * {@code [m, n]} with N(0, 1/m) entries and unit-norm columns; x has exactly k nonzeros at uniformly
 * random positions with amplitudes ±1 (random signs) or N(0, 1) ({@link Amplitudes}); y = A·x. AMP
 * runs from x⁰ = 0 until the relative change of the batch falls to {@link Settings#tolerance} or
 * {@link Settings#maxIterations} iterations. <b>Success</b>: {@code ‖x̂ − x‖₂ / ‖x‖₂ ≤ successBound}.
 * The noiseless ℓ1 transition does not depend on the amplitude law; ±1 amplitudes (the default) make
 * failure clear-cut (with Gaussian amplitudes the error just above the transition is small and
 * a relative-error criterion blurs the frontier). Trials are batched as columns, {@link
 * Settings#samplesPerMatrix} of them sharing one matrix, so every AMP half step is one gemm.
 *
 * <p><b>Frontier</b> at δ (coarse, then fine): cells {@code ρ = 0.05, 0.10, …} with
 * {@link Settings#coarseTrials} trials each, until two successive cells have no success; then cells
 * {@code ρ_c − 0.05 … ρ_c + 0.05} in steps of 0.01 with {@link Settings#trials} trials, where ρ_c is the
 * coarse estimate. The 50 % point is estimated from all cells: the success rates are made
 * non-increasing in ρ by weighted isotonic regression (pool adjacent violators, weights = trials),
 * and the crossing of 0.5 is interpolated linearly between neighbouring cells.
 *
 * <p><b>Finite-n caveat.</b> At large δ the minimax multiplier is small (α* ≈ 0.33 at δ = 0.9) and
 * AMP at n = 1000 falls, for some matrix draws, into a growing period-2 oscillation of the support
 * (observed for 2 of 12 matrices at δ = 0.9, also far below the transition), which lowers the
 * success rate; the isotonic fit pools these failures, pulling the estimate below ρ_SE there.
 *
 * <p>Every cell draws from its own generator, seeded from {@code (seed, δ, k)}, so results do not
 * depend on the order in which cells are measured. Immutable.
 */
public final class PhaseTransitionExperiment {
    private static final double COARSE_STEP = 0.05;
    private static final double FINE_STEP = 0.01;
    private static final int FINE_HALF_WIDTH = 5;

    /** Law of the nonzero amplitudes of x. */
    public enum Amplitudes {
        /** ±1 with random signs (the default; failures are clear-cut). */
        SIGNS,
        /** Standard normal. */
        GAUSSIAN
    }

    /**
     * Settings of the experiment.
     *
     * @param n                signal length, ≥ 20
     * @param trials           trials per cell of the fine grid, ≥ 1
     * @param coarseTrials     trials per cell of the coarse grid, ≥ 1
     * @param samplesPerMatrix trials (columns) that share one matrix, ≥ 1
     * @param maxIterations    AMP iteration limit, ≥ 1
     * @param tolerance        AMP stops when the relative change of the batch is at most this (≥ 0)
     * @param successBound     success when {@code ‖x̂ − x‖/‖x‖ ≤ successBound}, in (0, 1)
     * @param amplitudes       law of the nonzeros
     * @param seed             seed of all draws
     */
    public record Settings(int n, int trials, int coarseTrials, int samplesPerMatrix, int maxIterations, double tolerance,
                           double successBound, Amplitudes amplitudes, long seed) {
        /** Validates the settings. */
        public Settings {
            if (n < 20 || trials < 1 || coarseTrials < 1 || samplesPerMatrix < 1 || maxIterations < 1) {
                throw new FixpointException("InvalidParameter", String.format(
                        "phase-transition experiment needs n >= 20 and trials, coarseTrials, samplesPerMatrix, maxIterations >= 1; "
                                + "got n=%d, trials=%d, coarseTrials=%d, samplesPerMatrix=%d, maxIterations=%d",
                        n, trials, coarseTrials, samplesPerMatrix, maxIterations));
            }
            if (!(tolerance >= 0) || !(successBound > 0 && successBound < 1)) {
                throw new FixpointException("InvalidParameter", "phase-transition experiment needs tolerance >= 0 and successBound in (0, 1); got "
                        + tolerance + ", " + successBound);
            }
            if (amplitudes == null) {
                throw new FixpointException("InvalidParameter", "phase-transition experiment: amplitudes must be given, one of "
                        + List.of(Amplitudes.values()));
            }
        }

        /**
         * @return n = 1000, 40 fine and 10 coarse trials per cell, 20 samples per matrix, 1500
         *         iterations, tolerance 1e-12, success bound 1e-3, ±1 amplitudes, seed 2009
         */
        public static Settings defaults() {
            return new Settings(1000, 40, 10, 20, 1500, 1e-12, 1e-3, Amplitudes.SIGNS, 2009);
        }
    }

    /**
     * One grid cell.
     *
     * @param rho       the nominal ρ of the cell
     * @param m         measurements
     * @param k         nonzeros per signal (the realised ρ is k/m)
     * @param successes successful trials
     * @param trials    trials run
     * @param iterations the largest number of AMP iterations over the cell's batches
     */
    public record Cell(double rho, int m, int k, int successes, int trials, int iterations) {
        /** @return successes / trials */
        public double rate() {
            return (double) successes / trials;
        }
    }

    /**
     * The measured frontier at one δ.
     *
     * @param delta  δ = m/n
     * @param alpha  the threshold multiplier used, α*(δ)
     * @param theory ρ_SE(δ)
     * @param rho50  the empirical 50 % success point (NaN if the rates never cross 0.5 on the grid)
     * @param cells  every cell measured, sorted by ρ
     */
    public record Frontier(double delta, double alpha, double theory, double rho50, List<Cell> cells) {
        /** @return rho50 − theory */
        public double error() {
            return rho50 - theory;
        }
    }

    private final Settings settings;

    /** @param settings the experiment's settings */
    public PhaseTransitionExperiment(Settings settings) {
        this.settings = settings;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /**
     * Measures one cell.
     *
     * @param delta  δ ∈ (0, 1)
     * @param rho    ρ ∈ (0, 1]; k = round(ρ·m) must be at least 1
     * @param alpha  AMP's threshold multiplier
     * @param trials number of trials
     * @return the cell
     */
    public Cell measure(double delta, double rho, double alpha, int trials) {
        if (!(delta > 0 && delta < 1) || !(rho > 0 && rho <= 1)) {
            throw new FixpointException("InvalidParameter", "phase-transition cell needs delta in (0, 1) and rho in (0, 1]; got delta="
                    + delta + ", rho=" + rho);
        }
        int n = settings.n();
        int m = (int) Math.round(delta * n);
        int k = (int) Math.round(rho * m);
        if (m < 1 || k < 1) {
            throw new FixpointException("InvalidParameter", "phase-transition cell at delta=" + delta + ", rho=" + rho + " with n=" + n
                    + " has m=" + m + ", k=" + k + "; both must be >= 1");
        }
        SplittableRandom rng = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L
                + Double.doubleToLongBits(delta) * 31 + k);
        int successes = 0;
        int iterations = 0;
        StoppingCriteria criteria = StoppingCriteria.of(settings.tolerance(), settings.maxIterations()).withHistory(false);
        for (int done = 0; done < trials; done += settings.samplesPerMatrix()) {
            int b = Math.min(settings.samplesPerMatrix(), trials - done);
            Tensor a = SparseRecoveryProblem.gaussianUnitColumns(m, n, rng);
            Tensor x = sparseSignals(n, k, b, rng);
            Tensor y = a.matmul(x);
            SolverResult r = new Amp(a, alpha).solve(y, criteria, null);
            iterations = Math.max(iterations, r.iterations());
            successes += countSuccesses(r.solution(), x);
        }
        return new Cell(rho, m, k, successes, trials, iterations);
    }

    /**
     * Measures the frontier at δ (coarse then fine grid, see the class comment).
     *
     * @param delta    δ ∈ (0, 1)
     * @param progress receives one status line per cell (not begun or ended here)
     * @return the frontier
     */
    public Frontier frontier(double delta, ProgressListener progress) {
        PhaseTransition.Point theory = PhaseTransition.at(delta);
        double alpha = theory.alpha();
        List<Cell> cells = new ArrayList<>();
        int zeros = 0;
        for (int i = 1; i * COARSE_STEP < 1 - 1e-9 && zeros < 2; i++) {
            Cell c = measure(delta, i * COARSE_STEP, alpha, settings.coarseTrials());
            cells.add(c);
            report(progress, delta, c);
            zeros = c.successes() == 0 ? zeros + 1 : 0;
        }
        double coarse = crossing(cells);
        if (Double.isNaN(coarse)) {
            return new Frontier(delta, alpha, theory.rho(), Double.NaN, sorted(cells));
        }
        long centre = Math.round(coarse / FINE_STEP);
        for (long j = centre - FINE_HALF_WIDTH; j <= centre + FINE_HALF_WIDTH; j++) {
            double rho = j * FINE_STEP;
            if (rho <= 0 || rho > 1 || Math.abs(rho / COARSE_STEP - Math.round(rho / COARSE_STEP)) < 1e-9) {
                continue; // coarse cells are re-measured below only when they fall in the window
            }
            Cell c = measure(delta, rho, alpha, settings.trials());
            cells.add(c);
            report(progress, delta, c);
        }
        // the coarse cells inside the window get the fine number of trials too
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.trials() == settings.coarseTrials() && settings.trials() > settings.coarseTrials()
                    && Math.abs(c.rho() - centre * FINE_STEP) <= FINE_HALF_WIDTH * FINE_STEP + 1e-9) {
                Cell more = measure(delta, c.rho(), alpha, settings.trials());
                cells.set(i, more);
                report(progress, delta, more);
            }
        }
        List<Cell> all = sorted(cells);
        return new Frontier(delta, alpha, theory.rho(), crossing(all), all);
    }

    private static void report(ProgressListener progress, double delta, Cell c) {
        if (progress != null) {
            progress.status(String.format("delta %.3f rho %.3f: %d/%d successes, <= %d iterations", delta, c.rho(), c.successes(),
                    c.trials(), c.iterations()));
        }
    }

    private static List<Cell> sorted(List<Cell> cells) {
        List<Cell> s = new ArrayList<>(cells);
        s.sort(Comparator.comparingDouble(Cell::rho));
        return List.copyOf(s);
    }

    /**
     * @param cells cells in any order
     * @return the ρ where the isotonic (non-increasing) fit of the success rates crosses 0.5, by
     *         linear interpolation; NaN if it does not cross
     */
    static double crossing(List<Cell> cells) {
        List<Cell> s = sorted(cells);
        int count = s.size();
        double[] rho = new double[count];
        double[] fit = SuccessIsotonic.nonIncreasing(s);
        for (int i = 0; i < count; i++) {
            rho[i] = s.get(i).rho();
        }
        if (count == 0 || fit[0] < 0.5 || fit[count - 1] >= 0.5) {
            return Double.NaN;
        }
        int last = 0; // last cell with fitted rate ≥ 0.5
        while (last + 1 < count && fit[last + 1] >= 0.5) {
            last++;
        }
        int next = last + 1;
        if (fit[last] == 0.5) {
            return rho[last];
        }
        double w = (fit[last] - 0.5) / (fit[last] - fit[next]);
        return rho[last] + w * (rho[next] - rho[last]);
    }

    /** x [n, b] with exactly k nonzeros per column at uniformly random positions. */
    private Tensor sparseSignals(int n, int k, int b, SplittableRandom rng) {
        double[] x = new double[n * b];
        int[] perm = new int[n];
        for (int j = 0; j < b; j++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < k; i++) { // partial Fisher–Yates
                int r = i + rng.nextInt(n - i);
                int t = perm[i];
                perm[i] = perm[r];
                perm[r] = t;
                double v = settings.amplitudes() == Amplitudes.SIGNS ? (rng.nextBoolean() ? 1.0 : -1.0) : rng.nextGaussian();
                x[perm[i] * b + j] = v;
            }
        }
        return Tensor.wrap(x, n, b);
    }

    private int countSuccesses(Tensor estimate, Tensor truth) {
        int b = truth.dim(1);
        double[] err = new double[b];
        double[] ref = new double[b];
        double[] e = estimate.data();
        double[] t = truth.data();
        int eo = estimate.offset();
        for (int i = 0; i < truth.size(); i++) {
            double d = e[eo + i] - t[i];
            err[i % b] += d * d;
            ref[i % b] += t[i] * t[i];
        }
        int ok = 0;
        double bound2 = settings.successBound() * settings.successBound();
        for (int j = 0; j < b; j++) {
            if (err[j] <= bound2 * ref[j]) { // NaN compares false: a diverged run fails
                ok++;
            }
        }
        return ok;
    }
}
