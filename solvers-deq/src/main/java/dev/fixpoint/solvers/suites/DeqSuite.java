package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.deq.BackwardMode;
import dev.fixpoint.solvers.fixedpoint.FixedPointBenchmark;
import dev.fixpoint.solvers.fixedpoint.FixedPointResult;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolver;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolvers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code deq}: (1) a tanh deep equilibrium layer trained on a synthetic regression task (see
 * {@link DeqRegressionTask}) with each backward mode — exact implicit gradient, Neumann(k), Jacobian-free,
 * phantom(k, ½) — with unrolled backprop through N Picard steps, and with the exact gradient plus the
 * Jacobian regulariser ({@link dev.fixpoint.solvers.deq.JacobianRegularization}); reports test MSE, forward and
 * backward time per step and the doubles held by the backward's tape; (2) Anderson, Broyden and Picard
 * on the fixed-point benchmark set ({@link FixedPointBenchmark}), function evaluations to relative
 * residual 1e-6; (3) the backward tape memory at 10, 100 and 1,000 forward iterations for the exact DEQ and
 * unrolling. Artifacts: training curves (PNG, CSV), the mode table (CSV), the memory scan (CSV, PNG) and the
 * benchmark table (CSV, PNG).
 */
final class DeqSuite implements Suite {

    @Override
    public String name() {
        return "deq";
    }

    @Override
    public String description() {
        return "Tanh DEQ trained on synthetic regression with the exact, Neumann, Jacobian-free and phantom backward "
                + "passes and with unrolled backprop (test MSE, time and backward memory per mode); Anderson vs Broyden "
                + "vs Picard evaluations on the fixed-point benchmark set (lasso-ISTA, elastic net, linear, scaled, tanh).";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("state", 32, 1, 4096, "d, the state size of the DEQ"),
                SuiteParameter.integer("inputs", 8, 1, 4096, "p, the input size"),
                SuiteParameter.integer("steps", 300, 1, 1_000_000, "Adam steps per mode"),
                SuiteParameter.integer("batch", 64, 1, 100_000, "samples per step"),
                SuiteParameter.real("lr", 5e-3, 1e-8, 1, "Adam learning rate"),
                SuiteParameter.integer("terms", 5, 1, 10_000, "k of Neumann(k) and phantom(k)"),
                SuiteParameter.integer("unroll", 30, 1, 100_000, "N, the Picard steps of unrolled backprop"),
                SuiteParameter.real("tolerance", 1e-6, 0, 1, "relative residual of the forward and backward solves"),
                SuiteParameter.choice("solver", "anderson", List.of("anderson", "broyden", "picard"), "forward solver"),
                SuiteParameter.real("jacobian-weight", 0.5, 0, 1e6, "weight of the Jacobian regulariser in the extra "
                        + "'exact+jacobian' run (0 skips it)"),
                SuiteParameter.integer("benchmark-batch", 16, 1, 1000, "samples per problem of the fixed-point benchmark"),
                SuiteParameter.integer("seed", 2026, 0, Long.MAX_VALUE, "seed of data and initialisation"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("steps", "60", "benchmark-batch", "4");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int d = (int) ctx.integer("state");
        int steps = (int) ctx.integer("steps");
        int batch = (int) ctx.integer("batch");
        int terms = (int) ctx.integer("terms");
        int unroll = (int) ctx.integer("unroll");
        double tol = ctx.real("tolerance");
        long seed = ctx.integer("seed");
        ProgressListener progress = ctx.progress();
        progress.begin(name(), 7);
        DeqRegressionTask task = new DeqRegressionTask(d, (int) ctx.integer("inputs"), 4, 1024, 512, seed);
        FixedPointSolver forward = FixedPointSolvers.create(ctx.text("solver"), DeqRegressionTask.forwardSettings(tol));
        FixedPointSettings adjoint = FixedPointSettings.of(tol, 300);
        double lr = ctx.real("lr");
        int every = Math.max(1, steps / 30);
        List<DeqRegressionTask.Run> runs = new ArrayList<>();
        runs.add(task.train("exact", BackwardMode.exact(dev.fixpoint.solvers.deq.BackwardSolver.fixedPoint("anderson", adjoint)),
                0, forward, steps, batch, lr, every));
        progress.advance(1);
        runs.add(task.train("neumann(" + terms + ")", BackwardMode.neumann(terms), 0, forward, steps, batch, lr, every));
        progress.advance(1);
        runs.add(task.train("jfb", BackwardMode.jacobianFree(), 0, forward, steps, batch, lr, every));
        progress.advance(1);
        runs.add(task.train("phantom(" + terms + ", 0.5)", BackwardMode.phantom(terms, 0.5), 0, forward, steps, batch, lr, every));
        progress.advance(1);
        runs.add(task.train("unrolled(" + unroll + ")", null, unroll, forward, steps, batch, lr, every));
        progress.advance(1);
        double jacobianWeight = ctx.real("jacobian-weight");
        if (jacobianWeight > 0) {
            runs.add(task.train("exact+jacobian(" + jacobianWeight + ")", BackwardMode.exact(
                    dev.fixpoint.solvers.deq.BackwardSolver.fixedPoint("anderson", adjoint)), 0, forward, steps, batch, lr,
                    every, jacobianWeight));
        }

        Report.Builder report = Report.builder(name());
        StringBuilder table = new StringBuilder("mode,final_test_mse,forward_ms_per_step,backward_ms_per_step,"
                + "backward_tape_doubles,forward_evaluations_per_sample\n");
        StringBuilder curves = new StringBuilder("step");
        runs.forEach(r -> curves.append(',').append(r.mode()));
        curves.append('\n');
        Plots lossPlot = Plots.line("DEQ training (d=" + d + ", batch " + batch + "): test MSE by backward mode",
                "Adam step", "test MSE");
        int points = runs.get(0).testMse().length;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = Math.min(steps, (long) (i + 1) * every);
            curves.append((long) x[i]);
            for (DeqRegressionTask.Run r : runs) {
                curves.append(',').append(r.testMse()[i]);
            }
            curves.append('\n');
        }
        for (DeqRegressionTask.Run r : runs) {
            report.metric(r.mode() + ": test MSE", r.finalTestMse(), "");
            report.metric(r.mode() + ": backward time per step", r.backwardMs(), "ms");
            report.metric(r.mode() + ": backward tape", r.backwardDoubles(), "doubles");
            table.append(String.format(Locale.ROOT, "%s,%.6g,%.4f,%.4f,%d,%.2f%n", r.mode(), r.finalTestMse(),
                    r.forwardMs(), r.backwardMs(), r.backwardDoubles(), r.meanForwardEvaluations()));
            lossPlot.series(r.mode(), x, r.testMse());
        }
        double initial = task.testMse(dev.fixpoint.solvers.deq.DeqLayer.builder(DeqRegressionTask.CELL, d).forward(forward).build(),
                task.initialParameters());
        report.metricAtMost("exact: test MSE relative to the initial " + String.format(Locale.ROOT, "%.4g", initial),
                runs.get(0).finalTestMse() / initial, "", 0.5);
        report.artifact(ctx.writeArtifact("deq-training.png", "test MSE against Adam steps for each backward mode",
                lossPlot::writePng));
        report.artifact(ctx.writeArtifact("deq-training.csv", "the plotted test MSE values",
                out -> out.write(curves.toString().getBytes(StandardCharsets.UTF_8))));
        report.artifact(ctx.writeArtifact("deq-modes.csv", "per mode: test MSE, time per step, backward memory",
                out -> out.write(table.toString().getBytes(StandardCharsets.UTF_8))));

        int[] scan = {10, 100, 1000};
        long[][] memory = task.memoryScan(scan, batch);
        StringBuilder memCsv = new StringBuilder("forward_iterations,deq_exact_backward_doubles,unrolled_backward_doubles\n");
        double[] sx = new double[scan.length];
        double[][] sy = new double[2][scan.length];
        for (int i = 0; i < scan.length; i++) {
            sx[i] = scan[i];
            sy[0][i] = memory[0][i];
            sy[1][i] = memory[1][i];
            memCsv.append(scan[i]).append(',').append(memory[0][i]).append(',').append(memory[1][i]).append('\n');
        }
        report.metric("exact DEQ backward tape at 1000 / at 10 forward iterations", (double) memory[0][2] / memory[0][0], "",
                "1", memory[0][2] == memory[0][0]);
        report.metric("unrolled backward tape at 1000 / at 10 iterations", (double) memory[1][2] / memory[1][0], "");
        report.artifact(ctx.writeArtifact("deq-memory.csv", "doubles held by the backward tape against forward iterations",
                out -> out.write(memCsv.toString().getBytes(StandardCharsets.UTF_8))));
        report.artifact(ctx.writeArtifact("deq-memory.png", "backward memory against forward iterations (log y axis)",
                out -> Plots.line("Backward tape memory (d=" + d + ", batch " + batch + ")", "forward iterations",
                        "doubles held by the backward tape").logY().series("DEQ exact backward", sx, sy[0])
                        .series("unrolled backprop", sx, sy[1]).writePng(out)));

        double lassoRatio = benchmark(ctx, report, (int) ctx.integer("benchmark-batch"), seed);
        progress.advance(1);
        progress.end();
        DeqRegressionTask.Run exact = runs.get(0);
        DeqRegressionTask.Run unrolled = runs.get(4);
        return report.summary(String.format(Locale.ROOT, "test MSE exact %.4g (initial %.4g), unrolled(%d) %.4g; backward "
                        + "tape %d doubles (exact) vs %d (unrolled); Anderson/Picard evaluations on lasso λ=0.1: %.3f",
                exact.finalTestMse(), initial, unroll, unrolled.finalTestMse(), exact.backwardDoubles(),
                unrolled.backwardDoubles(), lassoRatio)).build();
    }

    /** Runs the fixed-point benchmark set; @return Anderson/Picard evaluations on lasso λ = 0.1 */
    private static double benchmark(SuiteContext ctx, Report.Builder report, int batch, long seed) throws Exception {
        FixedPointSettings s = FixedPointSettings.defaults().withStopping(StoppingCriteria.of(1e-6, 20_000).withHistory(false));
        String[] solvers = {"picard", "anderson", "broyden"};
        StringBuilder csv = new StringBuilder("problem,picard_evaluations,anderson_evaluations,broyden_evaluations,"
                + "picard_status,anderson_status,broyden_status\n");
        List<FixedPointBenchmark.Problem> set = FixedPointBenchmark.standardSet(batch, seed);
        double[] idx = new double[set.size()];
        double[][] evals = new double[solvers.length][set.size()];
        double lassoRatio = Double.NaN;
        boolean neverWorse = true;
        for (int i = 0; i < set.size(); i++) {
            FixedPointBenchmark.Problem p = set.get(i);
            idx[i] = i + 1;
            String[] status = new String[solvers.length];
            for (int k = 0; k < solvers.length; k++) {
                FixedPointResult r = FixedPointSolvers.create(solvers[k], s).solve(p.map(), p.start());
                evals[k][i] = r.totalEvaluations() / (double) batch;
                status[k] = r.status().name();
            }
            neverWorse &= evals[1][i] <= evals[0][i];
            if (p.name().equals("lasso-ista λ=0.1")) {
                lassoRatio = evals[1][i] / evals[0][i];
            }
            csv.append(String.format(Locale.ROOT, "\"%s\",%.1f,%.1f,%.1f,%s,%s,%s%n", p.name(), evals[0][i], evals[1][i],
                    evals[2][i], status[0], status[1], status[2]));
        }
        report.metricAtMost("Anderson/Picard evaluations, lasso-ISTA λ=0.1 (m=250, n=500, rel. residual 1e-6)",
                lassoRatio, "", 1.0 / 3);
        report.metric("Anderson never needs more evaluations than Picard on the benchmark set", neverWorse ? 1 : 0, "",
                "1", neverWorse);
        report.artifact(ctx.writeArtifact("fixed-point-benchmark.csv", "evaluations per sample to relative residual 1e-6",
                out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8))));
        Plots plot = Plots.line("Fixed-point benchmark: evaluations per sample to rel. residual 1e-6 (problems in the CSV)",
                "problem", "evaluations per sample").logY();
        for (int k = 0; k < solvers.length; k++) {
            plot.scatter(solvers[k], idx, evals[k]);
        }
        report.artifact(ctx.writeArtifact("fixed-point-benchmark.png", "evaluations per problem and solver", plot::writePng));
        return lassoRatio;
    }
}
