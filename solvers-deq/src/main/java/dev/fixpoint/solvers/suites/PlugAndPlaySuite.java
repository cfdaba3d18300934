package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.unroll.PlugAndPlayNetwork.Scheme;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code unrolled-pnp-deblurring}: trains plug-and-play PGD and ADMM networks (K layers, one tied
 * residual CNN denoiser, untied steps or penalties) on synthetic deblurring and compares their
 * validation MSE with the untrained networks (identity denoiser: the classical iteration without a
 * prior) and with K iterations of PGD with total variation, its weight tuned on the validation set
 * (see {@link PlugAndPlayDeblurring}). Passes when each trained network cuts the untrained MSE by at
 * least a quarter and beats PGD-TV by at least 10%. Artifacts: the training curves (PNG and CSV).
 */
final class PlugAndPlaySuite implements Suite {
    private static final Logger LOG = LoggerFactory.getLogger(PlugAndPlaySuite.class);
    static final double MAX_TRAINED_OVER_UNTRAINED = 0.75;
    static final double MAX_TRAINED_OVER_TV = 0.9;

    @Override
    public String name() {
        return "unrolled-pnp-deblurring";
    }

    @Override
    public String description() {
        return "Plug-and-play PGD and ADMM with a learned CNN denoiser, trained on synthetic deblurring; "
                + "validation MSE against the untrained networks and PGD with total variation at equal depth.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("size", 32, 8, 64, "image side in pixels (square images)"),
                SuiteParameter.integer("layers", 5, 1, 50, "unrolled layers K (and PGD-TV iterations)"),
                SuiteParameter.integer("steps", 200, 1, 100_000, "full-batch Adam steps"),
                SuiteParameter.integer("channels", 16, 1, 128, "hidden channels of the 3-convolution denoiser"),
                SuiteParameter.integer("train", 48, 1, 10_000, "training images"),
                SuiteParameter.integer("validation", 16, 1, 10_000, "validation images"),
                SuiteParameter.real("lr", 3e-3, 1e-6, 1, "Adam learning rate"),
                SuiteParameter.real("noise", 0.03, 0, 1, "noise standard deviation (images in [0, 1])"),
                SuiteParameter.real("blur", 1.0, 0.1, 10, "standard deviation of the 5×5 Gaussian blur, pixels"),
                SuiteParameter.integer("seed", 2024, 0, Long.MAX_VALUE, "seed of the images, the noise and the denoiser"),
                SuiteParameter.integer("every", 10, 1, 100_000, "steps between points of the validation curve"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("size", "16", "layers", "4", "steps", "60", "train", "32", "validation", "16", "every", "5");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        PlugAndPlayDeblurring.Settings s = new PlugAndPlayDeblurring.Settings((int) ctx.integer("size"),
                (int) ctx.integer("layers"), (int) ctx.integer("steps"), (int) ctx.integer("channels"),
                (int) ctx.integer("train"), (int) ctx.integer("validation"), ctx.real("lr"), ctx.real("noise"),
                ctx.real("blur"), ctx.integer("seed"), (int) ctx.integer("every"));
        ProgressListener progress = ctx.progress();
        PlugAndPlayDeblurring experiment = new PlugAndPlayDeblurring(s);
        progress.begin(name(), 2L * s.steps() + 1);
        PlugAndPlayDeblurring.Baseline tv = experiment.baseline();
        progress.advance(1);
        Report.Builder report = Report.builder(name());
        report.metric("PGD-TV validation MSE (best weight)", tv.best(), "");
        report.metric("PGD-TV best weight λ", tv.bestWeight(), "");
        Plots plot = Plots.line("Plug-and-play deblurring, " + s.size() + "×" + s.size() + ", K = " + s.layers(),
                "Adam step", "validation MSE").logY();
        StringBuilder csv = new StringBuilder("scheme,step,validation_mse\n");
        StringBuilder summary = new StringBuilder();
        for (Scheme scheme : Scheme.values()) {
            String label = scheme == Scheme.PGD ? "pnp-pgd" : "pnp-admm";
            PlugAndPlayDeblurring.Training t = experiment.train(scheme, step -> progress.advance(1));
            report.metric(label + " validation MSE untrained", t.untrained(), "");
            report.metric(label + " validation MSE trained", t.trained(), "");
            report.metricAtMost(label + " trained / untrained MSE", t.trained() / t.untrained(), "",
                    MAX_TRAINED_OVER_UNTRAINED);
            report.metricAtMost(label + " trained / PGD-TV MSE", t.trained() / tv.best(), "", MAX_TRAINED_OVER_TV);
            report.metric(label + " training time", t.seconds(), "s");
            plot.series(label, t.curveStep(), t.curve());
            for (int i = 0; i < t.curve().length; i++) {
                csv.append(label).append(',').append((long) t.curveStep()[i]).append(',').append(t.curve()[i]).append('\n');
            }
            summary.append(String.format("%s: MSE %.3e → %.3e; ", label, t.untrained(), t.trained()));
            LOG.info("{}: validation MSE untrained {}, trained {}, {} s", label, t.untrained(), t.trained(), t.seconds());
        }
        double[] ends = {0, s.steps()};
        plot.curve("PGD-TV (λ = " + tv.bestWeight() + ")", ends, new double[]{tv.best(), tv.best()});
        report.summary(summary + String.format("PGD-TV %.3e (λ = %s)", tv.best(), tv.bestWeight()));
        report.artifact(ctx.writeArtifact("training.png", "validation MSE during training, with the PGD-TV level",
                plot::writePng));
        report.artifact(ctx.writeArtifact("training.csv", "validation MSE during training", out -> {
            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(csv.toString());
            w.flush();
        }));
        progress.end();
        return report.build();
    }
}
