package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.ProfileOptions;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.petab.BenchmarkProblems;
import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.util.List;
import java.util.Map;

/**
 * {@code petab}: calibrates any PEtab v1 problem (a built-in benchmark name or the path of a problem YAML) by
 * multi-start bounded L-BFGS with adjoint (or forward) gradients, or Levenberg–Marquardt on the residuals, from Latin-hypercube points in the scaled bounds,
 * in parallel; reports the best negative log-likelihood and how many starts reach it, and writes the per-start
 * table (resumable), a waterfall plot, the parameter table, measurements against the best fit and, on request,
 * likelihood profiles. Run it as {@code fixpoint run petab -p problem=PATH/problem.yaml}.
 */
public final class PetabSuite implements Suite {

    @Override
    public String name() {
        return "petab";
    }

    @Override
    public String description() {
        return "Calibrate a PEtab problem (built-in name or YAML path): multi-start bounded L-BFGS with adjoint gradients, "
                + "waterfall plot, parameter table, data-versus-simulation plots, optional likelihood profiles.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.text("problem", "Boehm_JProteomeRes2014",
                        "built-in problem (" + String.join(", ", BenchmarkProblems.names()) + ") or path of a PEtab YAML file"),
                SuiteParameter.integer("starts", 100, 1, 100000, "Latin-hypercube starts"),
                SuiteParameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the Latin-hypercube sample"),
                SuiteParameter.choice("optimizer", "lbfgs", List.of("lbfgs", "lm", "trust"),
                        "local optimiser: bounded L-BFGS, or on the residuals (normal noise, not hierarchical) "
                                + "Levenberg–Marquardt or a trust-region reflective method (Gauss–Newton, structured secant once GN stalls)"),
                SuiteParameter.flag("hierarchical", false, "solve noise, scaling and offset parameters analytically"),
                SuiteParameter.choice("gradient", "adjoint", List.of("adjoint", "forward"), "gradient method"),
                SuiteParameter.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024, "parallel starts"),
                SuiteParameter.flag("resume", true, "continue from starts.tsv in the output folder when it matches"),
                SuiteParameter.real("converged-delta", 0.1, 0, 1e6, "a start 'reaches the optimum' within this NLL of the best"),
                SuiteParameter.integer("max-iterations", 1000, 1, 1000000, "optimiser iterations per start"),
                SuiteParameter.text("profiles", "none", "likelihood profiles: none, all, dynamic, or comma-separated ids"),
                SuiteParameter.real("rtol", 1e-8, 1e-14, 1e-2, "relative tolerance of the integrations"),
                SuiteParameter.real("atol", 1e-12, 1e-20, 1e-2, "absolute tolerance of the integrations"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("starts", "16", "max-iterations", "300");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        String name = ctx.text("problem");
        PetabProblem problem = BenchmarkProblems.resolve(name, ctx.outputDirectory().resolve("problem"));
        PetabCalibration.Settings s = settings(ctx);
        ProgressListener progress = ctx.progress();
        Report.Builder report = Report.builder(name());
        double nominal = new PetabObjective(problem).options(s.ode()).atNominal();
        report.metric("NLL at the nominal parameters", nominal, "");
        PetabCalibration.Outcome out = PetabCalibration.run(ctx, report, "multi-start", "", problem, s, progress);
        if (BenchmarkProblems.isBuiltIn(name)) {
            report.metricAtMost("best NLL − NLL at the published (nominal) parameters", out.best() - nominal, "", 1e-3);
        }
        int[] which = PetabCalibration.select(ctx.text("profiles"), problem, out.ids());
        if (which.length > 0) {
            PetabCalibration.profiles(ctx, report, "profiles", "", problem, s, out, which, ProfileOptions.defaults());
        }
        return report.summary(String.format("%s: best NLL %.6f (nominal %.6f); %d of %d starts within %.2g; %.1f s",
                name, out.best(), nominal, out.result().countWithin(s.convergedDelta()), s.starts(), s.convergedDelta(),
                out.wallSeconds())).build();
    }

    static PetabCalibration.Settings settings(SuiteContext ctx) {
        return new PetabCalibration.Settings((int) ctx.integer("starts"), ctx.integer("seed"), ctx.text("optimizer"),
                GradientMethod.valueOf(ctx.text("gradient").toUpperCase()), (int) ctx.integer("threads"), ctx.flag("resume"),
                ctx.real("converged-delta"), (int) ctx.integer("max-iterations"),
                OdeOptions.defaults().withTolerances(ctx.real("rtol"), ctx.real("atol")), ctx.flag("hierarchical"));
    }
}
