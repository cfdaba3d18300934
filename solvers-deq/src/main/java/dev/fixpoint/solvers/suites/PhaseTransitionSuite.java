package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.amp.PhaseTransition;
import dev.fixpoint.solvers.amp.PhaseTransitionExperiment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code phase-transition}: the empirical 50 % success frontier of noiseless sparse recovery by AMP
 * at the minimax threshold α*(δ), against the Donoho–Maleki–Montanari / Donoho–Tanner curve
 * ρ_SE(δ). The grid, the trials, the success criterion ({@code ‖x̂ − x‖/‖x‖ ≤ successBound}) and the
 * frontier estimate (isotonic fit of the success rates, linear interpolation of the 0.5 crossing) are
 * those of {@link PhaseTransitionExperiment}.
 *
 * <p>Metrics per δ: the empirical ρ₅₀, ρ_SE(δ), and their difference with the target
 * {@code |ρ₅₀ − ρ_SE| ≤ frontierTolerance}. Artifacts: {@code phase-transition.png} (curve and
 * empirical frontier), {@code success-rates.png} (success rate against ρ per δ), {@code frontier.csv},
 * {@code cells.csv} (every cell: δ, ρ, m, k, successes, trials, iterations).
 */
final class PhaseTransitionSuite implements Suite {

    @Override
    public String name() {
        return "phase-transition";
    }

    @Override
    public String description() {
        return "Empirical 50% success frontier of noiseless AMP at the minimax threshold over (delta, rho), against the "
                + "Donoho-Tanner / state-evolution curve rho_SE(delta); target |rho50 - rho_SE| <= 0.03 at n=1000.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        PhaseTransitionExperiment.Settings d = PhaseTransitionExperiment.Settings.defaults();
        return List.of(
                SuiteParameter.integer("n", d.n(), 20, 20000, "signal length (columns of A)"),
                SuiteParameter.text("deltas", "0.1,0.25,0.5,0.75,0.9", "comma-separated undersampling ratios m/n, each in (0, 1)"),
                SuiteParameter.integer("trials", d.trials(), 1, 10000, "trials per cell of the fine grid"),
                SuiteParameter.integer("coarseTrials", d.coarseTrials(), 1, 10000, "trials per cell of the coarse grid (rho step 0.05)"),
                SuiteParameter.integer("samplesPerMatrix", d.samplesPerMatrix(), 1, 10000, "trials (columns) sharing one matrix"),
                SuiteParameter.integer("maxIterations", d.maxIterations(), 1, 100000, "AMP iteration limit"),
                SuiteParameter.real("successBound", d.successBound(), 1e-12, 0.5, "success when ||x_hat - x|| / ||x|| <= this"),
                SuiteParameter.choice("amplitudes", "signs", List.of("signs", "gaussian"), "law of the nonzero entries of x"),
                SuiteParameter.real("frontierTolerance", 0.03, 0.0, 1.0, "target bound on |rho50 - rho_SE| per delta"),
                SuiteParameter.integer("seed", d.seed(), 0, Long.MAX_VALUE, "seed of all matrices and signals"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("n", "100", "deltas", "0.25,0.5,0.75", "trials", "20", "maxIterations", "1000", "frontierTolerance", "0.08");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        double[] deltas = parseDeltas(ctx.text("deltas"));
        PhaseTransitionExperiment.Settings settings = new PhaseTransitionExperiment.Settings((int) ctx.integer("n"),
                (int) ctx.integer("trials"), (int) ctx.integer("coarseTrials"), (int) ctx.integer("samplesPerMatrix"),
                (int) ctx.integer("maxIterations"), 1e-12, ctx.real("successBound"),
                ctx.text("amplitudes").equals("signs") ? PhaseTransitionExperiment.Amplitudes.SIGNS : PhaseTransitionExperiment.Amplitudes.GAUSSIAN,
                ctx.integer("seed"));
        double tolerance = ctx.real("frontierTolerance");
        PhaseTransitionExperiment experiment = new PhaseTransitionExperiment(settings);
        ProgressListener progress = ctx.progress();
        progress.begin(name() + " n=" + settings.n(), deltas.length);
        long start = System.nanoTime();
        List<PhaseTransitionExperiment.Frontier> frontiers = new ArrayList<>();
        Report.Builder report = Report.builder(name());
        for (double delta : deltas) {
            long t0 = System.nanoTime();
            PhaseTransitionExperiment.Frontier f = experiment.frontier(delta, progress);
            frontiers.add(f);
            String at = " at delta=" + delta;
            report.metric("rho_SE" + at, f.theory(), "");
            report.metric("empirical 50% frontier rho50" + at, f.rho50(), "");
            report.metric("rho50 - rho_SE" + at, f.error(), "", String.format(Locale.ROOT, "|·| ≤ %.3g", tolerance),
                    Math.abs(f.error()) <= tolerance);
            report.metric("wall time" + at, (System.nanoTime() - t0) * 1e-9, "s");
            progress.advance(1);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        report.metric("wall time, all deltas", seconds, "s");

        report.artifact(ctx.writeArtifact("phase-transition.png", "rho_SE(delta) and the empirical 50% frontier",
                out -> phasePlot(settings, frontiers).writePng(out)));
        report.artifact(ctx.writeArtifact("success-rates.png", "success rate against rho for each delta",
                out -> ratePlot(settings, frontiers).writePng(out)));
        report.artifact(ctx.writeArtifact("frontier.csv", "per delta: alpha*, rho_SE, empirical rho50, difference",
                out -> out.write(frontierCsv(frontiers).getBytes(StandardCharsets.UTF_8))));
        report.artifact(ctx.writeArtifact("cells.csv", "every grid cell: delta, rho, m, k, successes, trials, max AMP iterations",
                out -> out.write(cellsCsv(frontiers).getBytes(StandardCharsets.UTF_8))));
        progress.end();
        Report built = report.build();
        return report.summary(String.format(Locale.ROOT, "n=%d, %d deltas in %.0f s: %s", settings.n(), deltas.length, seconds,
                built.passed() ? "every empirical frontier within " + tolerance + " of rho_SE"
                        : "SOME FRONTIERS DIFFER FROM rho_SE BY MORE THAN " + tolerance)).build();
    }

    static double[] parseDeltas(String text) {
        String[] parts = text.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                d[i] = Double.NaN;
            }
            if (!(d[i] > 0 && d[i] < 1)) {
                throw new FixpointException("BadParameter", "phase-transition: parameter 'deltas' got '" + text
                        + "' but expects comma-separated numbers in (0, 1); bad entry '" + parts[i].trim() + "'");
            }
        }
        return d;
    }

    private static Plots phasePlot(PhaseTransitionExperiment.Settings s, List<PhaseTransitionExperiment.Frontier> frontiers) {
        int points = 97;
        double[] dx = new double[points];
        double[] rx = new double[points];
        for (int i = 0; i < points; i++) {
            dx[i] = (i + 2) / 100.0;
            rx[i] = PhaseTransition.rho(dx[i]);
        }
        double[] ed = new double[frontiers.size()];
        double[] er = new double[frontiers.size()];
        for (int i = 0; i < ed.length; i++) {
            ed[i] = frontiers.get(i).delta();
            er[i] = frontiers.get(i).rho50();
        }
        return Plots.line(String.format(Locale.ROOT, "Phase transition of AMP (minimax threshold), n=%d, %d trials per cell", s.n(), s.trials()),
                        "delta = m/n", "rho = k/m")
                .curve("rho_SE(delta) (state evolution = Donoho-Tanner)", dx, rx)
                .scatter("empirical 50% success frontier", ed, er)
                .xRange(0, 1).yRange(0, 1);
    }

    private static Plots ratePlot(PhaseTransitionExperiment.Settings s, List<PhaseTransitionExperiment.Frontier> frontiers) {
        Plots p = Plots.line(String.format(Locale.ROOT, "AMP success rate, n=%d, success: relative error <= %.3g", s.n(), s.successBound()),
                "rho = k/m", "success rate").yRange(0, 1);
        for (PhaseTransitionExperiment.Frontier f : frontiers) {
            List<PhaseTransitionExperiment.Cell> cells = f.cells();
            double[] r = new double[cells.size()];
            double[] rate = new double[cells.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = cells.get(i).rho();
                rate[i] = cells.get(i).rate();
            }
            p.series(String.format(Locale.ROOT, "delta=%.3g (rho_SE=%.3f)", f.delta(), f.theory()), r, rate);
        }
        return p;
    }

    private static String frontierCsv(List<PhaseTransitionExperiment.Frontier> frontiers) {
        StringBuilder sb = new StringBuilder("delta,alpha,rho_se,rho50,difference\n");
        for (PhaseTransitionExperiment.Frontier f : frontiers) {
            sb.append(f.delta()).append(',').append(f.alpha()).append(',').append(f.theory()).append(',')
                    .append(f.rho50()).append(',').append(f.error()).append('\n');
        }
        return sb.toString();
    }

    private static String cellsCsv(List<PhaseTransitionExperiment.Frontier> frontiers) {
        StringBuilder sb = new StringBuilder("delta,rho,m,k,successes,trials,rate,max_iterations\n");
        for (PhaseTransitionExperiment.Frontier f : frontiers) {
            for (PhaseTransitionExperiment.Cell c : f.cells()) {
                sb.append(f.delta()).append(',').append(c.rho()).append(',').append(c.m()).append(',').append(c.k()).append(',')
                        .append(c.successes()).append(',').append(c.trials()).append(',').append(c.rate()).append(',')
                        .append(c.iterations()).append('\n');
            }
        }
        return sb.toString();
    }
}
