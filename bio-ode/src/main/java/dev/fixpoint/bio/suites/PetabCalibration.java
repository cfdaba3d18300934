package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.BoundedProblem;
import dev.fixpoint.bio.fit.LeastSquaresObjective;
import dev.fixpoint.bio.fit.LevenbergMarquardt;
import dev.fixpoint.bio.fit.MultiStart;
import dev.fixpoint.bio.fit.MultiStartOptions;
import dev.fixpoint.bio.fit.MultiStartResult;
import dev.fixpoint.bio.fit.Optimizer;
import dev.fixpoint.bio.fit.OptimizerOptions;
import dev.fixpoint.bio.fit.Profile;
import dev.fixpoint.bio.fit.ProfileLikelihood;
import dev.fixpoint.bio.fit.ProfileOptions;
import dev.fixpoint.bio.fit.ProjectedLbfgs;
import dev.fixpoint.bio.fit.StartResult;
import dev.fixpoint.bio.fit.TrustRegionReflective;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.petab.HierarchicalObjective;
import dev.fixpoint.bio.petab.PetabBoundedProblem;
import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.SuiteContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One calibration of a PEtab problem as the suites run it: multi-start from Latin-hypercube points in the scaled
 * bounds (resumable from {@code <prefix>starts.tsv}), the figures and tables of the best fit, and optionally profiles.
 * Shared by {@link PetabSuite} and {@link PetabBenchmarkSuite}.
 */
final class PetabCalibration {

    /** What to calibrate and how. */
    record Settings(int starts, long seed, String optimizer, GradientMethod gradient, int threads, boolean resume,
                    double convergedDelta, int maxIterations, OdeOptions ode, boolean hierarchical) {
        Settings withHierarchical(boolean on) {
            return new Settings(starts, seed, optimizer, gradient, threads, resume, convergedDelta, maxIterations, ode, on);
        }
    }

    /** Result of {@link #run}: the multi-start result, wall and CPU seconds of the whole run, and the names. */
    record Outcome(MultiStartResult result, double wallSeconds, double cpuSeconds, List<String> ids) {
        double best() {
            return result.best().map(StartResult::value).orElse(Double.NaN);
        }

        double[] bestX() {
            return result.best().orElseThrow(() -> new FixpointException("PetabCalibration", "every start failed")).x();
        }
    }

    private PetabCalibration() {
    }

    static Supplier<BoundedProblem> problems(PetabProblem problem, Settings s) {
        if (s.optimizer().equals("lm") || s.optimizer().equals("trust")) {
            return () -> new LeastSquaresObjective(problem(problem, s).leastSquares());
        }
        return () -> problem(problem, s);
    }

    static PetabBoundedProblem problem(PetabProblem problem, Settings s) {
        PetabObjective f = new PetabObjective(problem).options(s.ode());
        return s.hierarchical() ? PetabBoundedProblem.hierarchical(HierarchicalObjective.auto(f), s.gradient())
                : new PetabBoundedProblem(f, s.gradient());
    }

    static Optimizer optimizer(Settings s) {
        OptimizerOptions o = OptimizerOptions.defaults().withMaxIterations(s.maxIterations());
        return switch (s.optimizer()) {
            case "lbfgs" -> new ProjectedLbfgs(o, 10);
            case "lm" -> new LevenbergMarquardt(o);
            case "trust" -> new TrustRegionReflective(o, TrustRegionReflective.Hessian.HYBRID);
            default -> throw new FixpointException("InvalidOption", "optimizer '" + s.optimizer() + "', expected lbfgs, lm or trust");
        };
    }

    /**
     * Multi-start calibration; writes {@code prefix + "starts.tsv"} (after every start), the waterfall plot, the
     * parameter table and the data-versus-simulation figure, and adds its metrics to the report.
     */
    static Outcome run(SuiteContext ctx, Report.Builder report, String label, String prefix, PetabProblem problem,
                       Settings s, ProgressListener progress) throws Exception {
        PetabBoundedProblem probe = problem(problem, s);
        List<String> ids = probe.ids();
        java.nio.file.Path file = ctx.outputDirectory().resolve(prefix + "starts.tsv");
        long before = s.resume() && Files.exists(file)
                ? Math.max(0, Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).count() - 1) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        MultiStartResult r;
        try {
            r = new MultiStart(optimizer(s), problems(problem, s), pool).run(
                    MultiStartOptions.defaults(s.starts()).withSeed(s.seed())
                            .withOutput(ctx.outputDirectory().resolve(prefix + "starts.tsv"), s.resume()), progress);
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Outcome out = new Outcome(r, wall, cpu, ids);
        report.artifact(new Report.Artifact(ctx.outputDirectory().resolve(prefix + "starts.tsv"),
                label + ": every start (x0, optimum, objective, iterations, status) — rerun with resume to continue"));
        int within = r.countWithin(s.convergedDelta());
        int ran = (int) Math.max(0, s.starts() - before);
        report.metric(label + ": best NLL", out.best(), "");
        report.metric(label + ": starts within " + s.convergedDelta() + " of the best", within, "starts");
        report.metric(label + ": fraction of starts within " + s.convergedDelta() + " of the best",
                (double) within / s.starts(), "");
        report.metric(label + ": failed starts", r.failedCount(), "starts");
        report.metric(label + ": wall time (" + s.threads() + " threads, " + ran + " starts run here)", wall, "s");
        report.metric(label + ": process CPU time", cpu, "s");
        if (cpu > 0 && ran == s.starts()) {
            report.metric(label + ": starts reaching the best per CPU-second", within / cpu, "1/s");
        }
        double[] sorted = r.sorted().stream().mapToDouble(StartResult::value).filter(Double::isFinite).toArray();
        report.artifact(ctx.writeArtifact(prefix + "waterfall.png", label + ": waterfall of final objectives",
                o -> CalibrationFigures.waterfall(label + ": " + s.starts() + " starts", sorted, o)));
        if (r.best().isPresent()) {
            double[] x = probe.full(out.bestX());
            List<String> all = probe.objective().estimated();
            report.artifact(ctx.writeArtifact(prefix + "parameters.tsv", label + ": best parameters",
                    o -> CalibrationFigures.parameterTable(problem, all, x, o)));
            PetabObjective.Predictions pr = new PetabObjective(problem).options(s.ode()).predict(x);
            report.artifact(ctx.writeArtifact(prefix + "data-vs-simulation.png", label + ": measurements and best fit",
                    o -> CalibrationFigures.dataVersusSimulation(problem, pr, "best fit", o)));
        }
        return out;
    }

    /**
     * Profiles of the given parameters from the best start; writes the two profile tables and a grid of profile
     * plots, adds wall time and intervals to the report.
     */
    static List<Profile> profiles(SuiteContext ctx, Report.Builder report, String label, String prefix,
                                  PetabProblem problem, Settings s, Outcome calibrated, int[] which, ProfileOptions po)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        long t0 = System.nanoTime();
        List<Profile> profiles;
        try {
            profiles = new ProfileLikelihood(optimizer(s), problems(problem, s), po).profiles(which, calibrated.bestX(), pool);
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<String> ids = calibrated.ids();
        ProfileLikelihood.save(profiles, ids, ctx.outputDirectory().resolve(prefix + "profile-points.tsv"),
                ctx.outputDirectory().resolve(prefix + "profile-intervals.tsv"));
        report.artifact(new Report.Artifact(ctx.outputDirectory().resolve(prefix + "profile-intervals.tsv"),
                label + ": 95 % profile-likelihood intervals (on the parameter scales)"));
        report.metric(label + ": profiles of " + which.length + " parameters, wall time (" + s.threads() + " threads)",
                wall, "s");
        int closed = 0;
        for (Profile p : profiles) {
            closed += (p.lowerReached() ? 1 : 0) + (p.upperReached() ? 1 : 0);
        }
        report.metric(label + ": profile sides reaching Δ = " + po.threshold() + " (of " + 2 * which.length + ")", closed,
                "sides");
        List<Plots> charts = new ArrayList<>();
        for (Profile p : profiles) {
            double[] th = p.points().stream().mapToDouble(q -> q.theta()).toArray();
            double[] d = p.points().stream().mapToDouble(q -> q.delta()).toArray();
            double lo = th.length == 0 ? 0 : th[0];
            double hi = th.length == 0 ? 1 : th[th.length - 1];
            charts.add(Plots.small(ids.get(p.parameter()), ids.get(p.parameter()) + " (scaled)", "NLL − best", 500, 340)
                    .series("profile", th, d).curve("Δ = " + String.format("%.2f", po.threshold()), new double[]{lo, hi},
                            new double[]{po.threshold(), po.threshold()}));
        }
        report.artifact(ctx.writeArtifact(prefix + "profiles.png", label + ": likelihood profiles",
                o -> Plots.writeGrid(charts, Math.min(3, charts.size()), o)));
        return profiles;
    }

    /**
     * Indices of the dynamic parameters: estimated parameters that are neither noise parameters (used in noise
     * formulas or noiseParameters overrides) nor observable parameters (observableParameters overrides).
     */
    static int[] dynamicParameters(PetabProblem problem, List<String> ids) {
        Set<String> notDynamic = new LinkedHashSet<>();
        for (PetabProblem.Measurement m : problem.measurements()) {
            notDynamic.addAll(m.noiseParameters());
            notDynamic.addAll(m.observableParameters());
        }
        for (PetabProblem.Observable o : problem.observables().values()) {
            for (String id : ids) {
                if (o.noiseFormula().matches(".*(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(id) + "(?![A-Za-z0-9_]).*")) {
                    notDynamic.add(id);
                }
            }
        }
        List<Integer> dyn = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!notDynamic.contains(ids.get(i))) {
                dyn.add(i);
            }
        }
        return dyn.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return parameter indices for a profile specification: none, all, dynamic or comma-separated ids */
    static int[] select(String spec, PetabProblem problem, List<String> ids) {
        return switch (spec.trim()) {
            case "none", "" -> new int[0];
            case "all" -> java.util.stream.IntStream.range(0, ids.size()).toArray();
            case "dynamic" -> dynamicParameters(problem, ids);
            default -> {
                String[] names = spec.split(",");
                int[] idx = new int[names.length];
                for (int k = 0; k < names.length; k++) {
                    idx[k] = ids.indexOf(names[k].trim());
                    if (idx[k] < 0) {
                        throw new FixpointException("InvalidOption", "profiles: '" + names[k].trim()
                                + "' is not an estimated parameter; estimated: " + ids);
                    }
                }
                yield idx;
            }
        };
    }

    static boolean exists(SuiteContext ctx, String file) {
        return Files.exists(ctx.outputDirectory().resolve(file));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
