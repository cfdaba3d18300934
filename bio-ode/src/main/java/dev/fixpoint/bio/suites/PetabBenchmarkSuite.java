package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.ProfileOptions;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.petab.BenchmarkProblems;
import dev.fixpoint.bio.petab.PetabGradientCheck;
import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code petab-benchmark}: the built-in PEtab benchmark problems. For each: the NLL at the nominal parameters against
 * the collection's reference (target |Δ| ≤ 1e-3) and adjoint against forward-sensitivity (and, in the full profile,
 * fourth-order finite-difference) gradients at the nominal parameters and at a seeded random point in the bounds
 * (target ≤ 1e-4 relative; settings as in PetabGradientTest). Then Boehm: multi-start calibration (target: best NLL ≤ 138.223, ≥ 20 % of the starts
 * within 0.1 of it), the same in hierarchical mode (σ analytic; target: a higher fraction within 0.1), and likelihood
 * profiles of its dynamic parameters, with wall times.
 */
public final class PetabBenchmarkSuite implements Suite {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PetabBenchmarkSuite.class);
    private static final String BOEHM = "Boehm_JProteomeRes2014";

    @Override
    public String name() {
        return "petab-benchmark";
    }

    @Override
    public String description() {
        return "Built-in PEtab benchmarks (Boehm, Crauste, Fujita, Zheng): NLL at nominal vs reference, adjoint/forward/FD "
                + "gradients, Boehm multi-start calibration and profiles of its dynamic parameters.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("starts", 100, 1, 100000, "Boehm multi-start: Latin-hypercube starts"),
                SuiteParameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the Latin-hypercube starts (the random gradient point uses seed 42, as the test)"),
                SuiteParameter.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024, "parallel starts / profiles"),
                SuiteParameter.flag("resume", true, "continue the Boehm multi-start from boehm-starts.tsv when it matches"),
                SuiteParameter.integer("max-iterations", 1000, 1, 1000000, "optimiser iterations per start"),
                SuiteParameter.flag("hierarchical", true, "repeat the Boehm multi-start with σ solved analytically"),
                SuiteParameter.text("profiles", "dynamic", "Boehm profiles: none, all, dynamic, or comma-separated ids"),
                SuiteParameter.integer("profile-max-steps", 100, 1, 10000, "profile points per side at most"),
                SuiteParameter.text("gradient-problems", "all", "problems whose gradients are checked (all or comma-separated)"),
                SuiteParameter.text("known-gaps", "Fujita_SciSignal2010", "problems whose NLL-vs-reference gap is a known, "
                        + "documented shortfall: reported without a pass/fail target (comma-separated; empty for none)"),
                SuiteParameter.flag("finite-differences", true, "also check gradients against 4th-order finite differences"),
                SuiteParameter.real("rtol", 1e-8, 1e-14, 1e-2, "relative tolerance of the calibration integrations"),
                SuiteParameter.real("atol", 1e-12, 1e-20, 1e-2, "absolute tolerance of the calibration integrations"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("starts", "16", "max-iterations", "300", "profiles", "Epo_degradation_BaF3", "profile-max-steps", "6",
                "finite-differences", "false", "hierarchical", "false",
                "gradient-problems", "Boehm_JProteomeRes2014,Zheng_PNAS2012");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        ProgressListener progress = ctx.progress();
        Report.Builder report = Report.builder(name());
        Map<String, Double> refs = BenchmarkProblems.references();
        StringBuilder table = new StringBuilder("problem\tparameters\tNLL_nominal\treference\tabs_diff\tgrad_point"
                + "\tadj_vs_fwd\tadj_vs_fd\tadjoint_ms\tforward_ms\n");
        progress.begin("petab-benchmark", refs.size() + 1);
        java.util.Set<String> knownGaps = java.util.Set.of(ctx.text("known-gaps").split(","));
        java.util.Set<String> gradientProblems = ctx.text("gradient-problems").equals("all") ? refs.keySet()
                : java.util.Set.of(ctx.text("gradient-problems").split(","));
        for (Map.Entry<String, Double> e : refs.entrySet()) {
            String name = e.getKey();
            PetabProblem problem = BenchmarkProblems.extract(name, ctx.outputDirectory().resolve("problems"));
            PetabObjective f = new PetabObjective(problem);
            double nll = f.atNominal();
            double diff = Math.abs(nll - e.getValue());
            if (knownGaps.contains(name)) {
                report.metric(name + ": |NLL at nominal − reference " + e.getValue() + "| (known gap, listed in known-gaps;"
                        + " target 1e-3 not met)", diff, "");
            } else {
                report.metricAtMost(name + ": |NLL at nominal − reference " + e.getValue() + "|", diff, "", 1e-3);
            }
            if (!gradientProblems.contains(name)) {
                table.append(String.format("%s\t%d\t%.9g\t%s\t%.3g\tnot checked\tNaN\tNaN\tNaN\tNaN%n", name,
                        f.estimated().size(), nll, e.getValue(), diff));
                progress.advance(1);
                continue;
            }
            for (boolean random : new boolean[]{false, true}) {
                String point = random ? "random point" : "nominal";
                GradientSetting gs = GradientSetting.of(name, random);
                PetabObjective tight = new PetabObjective(problem).options(OdeOptions.defaults().withTolerances(gs.rtol(), gs.atol()));
                double[] th = random ? PetabGradientCheck.randomPoint(tight, 42) : tight.nominalScaled();
                PetabGradientCheck g;
                try {
                    g = PetabGradientCheck.at(tight, th, ctx.flag("finite-differences") ? gs.fdSubset() : -1, gs.h());
                } catch (RuntimeException ex) {
                    LOG.warn("{} ({}): gradient failed: {}", name, point, ex.getMessage());
                    report.metric(name + " (" + point + "): gradient", Double.NaN, "", "computed", false);
                    continue;
                }
                report.metricAtMost(name + " (" + point + "): |adjoint − forward| / |forward|", g.adjVsFwd(), "", 1e-4);
                if (!Double.isNaN(g.adjVsFd())) {
                    report.metricAtMost(name + " (" + point + "): |adjoint − FD| / |FD| (" + g.fdCoords().length
                            + " coordinates)", g.adjVsFd(), "", 1e-4);
                }
                table.append(String.format("%s\t%d\t%.9g\t%s\t%.3g\t%s\t%.3g\t%.3g\t%.1f\t%.1f%n", name, th.length, nll,
                        e.getValue(), diff, point, g.adjVsFwd(), g.adjVsFd(), g.adjointMs(), g.forwardMs()));
            }
            progress.advance(1);
        }
        report.artifact(ctx.writeArtifact("benchmark-gradients.tsv", "NLL at nominal vs reference and gradient agreement",
                o -> o.write(table.toString().getBytes(StandardCharsets.UTF_8))));
        PetabProblem boehm = BenchmarkProblems.extract(BOEHM, ctx.outputDirectory().resolve("problems"));
        PetabCalibration.Settings s = new PetabCalibration.Settings((int) ctx.integer("starts"), ctx.integer("seed"), "lbfgs",
                GradientMethod.ADJOINT, (int) ctx.integer("threads"), ctx.flag("resume"), 0.1,
                (int) ctx.integer("max-iterations"), OdeOptions.defaults().withTolerances(ctx.real("rtol"), ctx.real("atol")),
                false);
        PetabCalibration.Outcome out = PetabCalibration.run(ctx, report, "Boehm", "boehm-", boehm, s, ProgressListener.SILENT);
        report.metricAtMost("Boehm: best NLL (target ≤ 138.223)", out.best(), "", 138.223);
        if (!ctx.quick()) {
            report.metricAtLeast("Boehm: fraction of starts within 0.1 of the best (target ≥ 0.2)",
                    (double) out.result().countWithin(0.1) / s.starts(), "", 0.2);
        }
        if (ctx.flag("hierarchical")) {
            PetabCalibration.Outcome h = PetabCalibration.run(ctx, report, "Boehm hierarchical (σ analytic)", "boehm-hier-",
                    boehm, s.withHierarchical(true), ProgressListener.SILENT);
            report.metricAtMost("Boehm hierarchical: best NLL (target ≤ 138.223)", h.best(), "", 138.223);
            double fStd = (double) out.result().countWithin(0.1) / s.starts();
            double fHier = (double) h.result().countWithin(0.1) / s.starts();
            report.metric("Boehm: converged fraction, hierarchical − standard (target > 0)", fHier - fStd, "", "> 0",
                    fHier > fStd);
        }
        int[] which = PetabCalibration.select(ctx.text("profiles"), boehm, out.ids());
        if (which.length > 0) {
            ProfileOptions po = ProfileOptions.defaults();
            po = new ProfileOptions(po.threshold(), ctx.quick() ? 0.02 : po.initialStep(), po.minStep(),
                    Math.max(po.maxStep(), ctx.quick() ? 0.02 : po.initialStep()), (int) ctx.integer("profile-max-steps"),
                    po.refinements());
            PetabCalibration.profiles(ctx, report, "Boehm", "boehm-", boehm, s, out, which, po);
        }
        progress.advance(1);
        progress.end();
        return report.summary(String.format("Boehm: best NLL %.6f, %d of %d starts within 0.1, %.1f s",
                out.best(), out.result().countWithin(0.1), s.starts(), out.wallSeconds())).build();
    }

    /**
     * Integration tolerances and finite-difference settings of the gradient check, as in {@code PetabGradientTest}:
     * Crauste's nominal point sits next to a finite-time blow-up and needs rtol 1e-13 and h = 5e-10; Zheng (46
     * parameters) is differenced on 8 seeded coordinates.
     */
    private record GradientSetting(double rtol, double atol, double h, int fdSubset) {
        static GradientSetting of(String problem, boolean random) {
            if (problem.startsWith("Crauste") && !random) {
                return new GradientSetting(1e-13, 1e-17, 5e-10, 0);
            }
            return new GradientSetting(1e-10, 1e-14, 1e-3, problem.startsWith("Zheng") ? 8 : 0);
        }
    }
}
