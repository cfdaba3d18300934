package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.amp.Amp;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import dev.fixpoint.solvers.train.LayerwiseNmse;
import dev.fixpoint.solvers.train.SparseRecoveryData;
import dev.fixpoint.solvers.train.Trainer;
import dev.fixpoint.solvers.train.TrainingMode;
import dev.fixpoint.solvers.train.TrainingResult;
import dev.fixpoint.solvers.train.TrainingSettings;
import dev.fixpoint.solvers.unroll.Alista;
import dev.fixpoint.solvers.unroll.Lista;
import dev.fixpoint.solvers.unroll.ListaCp;
import dev.fixpoint.solvers.unroll.ListaCpss;
import dev.fixpoint.solvers.unroll.Tying;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sparse-recovery}: the LISTA-family comparison of Chen et al. (2018) and Liu et al. (2019).
 * On y = A·x + w (A [m, n] Gaussian with unit-norm columns, x Bernoulli(p)×N(0, 1), SNR in dB or
 * noiseless), it runs ISTA and FISTA (λ, step 1/L) and AMP (threshold α·τ̂) for K iterations, trains the selected unrolled
 * networks with K layers (stage-wise by default), and reports the NMSE of every layer on a fixed test
 * set, the support-oracle least-squares floor and the training time of each model.
 *
 * <p>Artifacts: {@code nmse-per-layer.csv} and {@code .png}, {@code training-<model>.csv} (one line
 * per stage) and the trained parameters {@code <model>.ckpt} (the training checkpoint format of
 * {@link dev.fixpoint.solvers.train}); with {@code resume=true} a rerun in the same folder continues
 * from (or reuses) those checkpoints.
 *
 * <p>Acceptance targets, reported as metrics when the setting is the papers' (m = 250, n = 500,
 * p = 0.1, 16 layers): noiseless, LISTA ≤ −40 dB and the better of LISTA-CPSS and ALISTA ≤ −60 dB;
 * with noise, the best learned model within 2 dB of the support-oracle floor.
 */
public final class SparseRecoverySuite implements Suite {
    private static final Logger LOG = LoggerFactory.getLogger(SparseRecoverySuite.class);
    static final List<String> MODELS = List.of("ista", "fista", "amp", "lista", "lista-cp", "lista-cpss", "alista");
    private static final List<String> LEARNED = List.of("lista", "lista-cp", "lista-cpss", "alista");

    @Override
    public String name() {
        return "sparse-recovery";
    }

    @Override
    public String description() {
        return "Sparse recovery y = Ax + w: ISTA, FISTA and AMP against trained LISTA, LISTA-CP, LISTA-CPSS and ALISTA; "
                + "NMSE (dB) per layer on a fixed test set, the support-oracle least-squares floor, and training times.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("m", 250, 2, 10_000, "measurements (rows of A)"),
                SuiteParameter.integer("n", 500, 2, 20_000, "signal length (columns of A)"),
                SuiteParameter.real("sparsity", 0.1, 1e-6, 1.0, "probability p that an entry of x is nonzero"),
                SuiteParameter.text("snr", "inf", "signal-to-noise ratio of y in dB, or 'inf' for noiseless"),
                SuiteParameter.integer("layers", 16, 1, 200, "layers of the networks = iterations of ISTA/FISTA"),
                SuiteParameter.text("models", String.join(",", List.of("ista", "fista", "amp", "lista", "lista-cpss", "alista")),
                        "comma-separated models from " + MODELS),
                SuiteParameter.real("lambda", 0.1, 0, 1e6, "λ of ISTA and FISTA (ℓ₁ weight, step 1/L)"),
                SuiteParameter.real("alpha", 1.5, 1e-3, 100, "α of AMP (threshold α·τ̂, τ̂ = ‖z‖/√m)"),
                SuiteParameter.real("init-lambda", 0.4, 0, 1e6, "λ of the learned models' initialisation (thresholds λ/L)"),
                SuiteParameter.choice("mode", "stage-wise", List.of("stage-wise", "end-to-end"), "training schedule"),
                SuiteParameter.integer("steps", 2000, 1, 10_000_000, "training budget: step cap of each stage"),
                SuiteParameter.integer("patience", 200, 1, 10_000_000, "steps without validation improvement that end a stage"),
                SuiteParameter.real("min-improvement", 0.005, 0, 0.99, "relative validation improvement that counts (0.005 ≈ 0.02 dB)"),
                SuiteParameter.integer("validate-every", 25, 1, 1_000_000, "steps between validations"),
                SuiteParameter.integer("batch", 64, 1, 100_000, "training batch size"),
                SuiteParameter.real("lr", 5e-4, 1e-9, 1.0, "Adam's base learning rate"),
                SuiteParameter.text("fine-tune", "0.2,0.02",
                        "stage-wise fine-tuning learning rates as multiples of lr, comma-separated (empty: none)"),
                SuiteParameter.real("layer-decay", 1.0, 1e-3, 1.0,
                        "stage-wise learning rates of layer k are multiplied by layer-decay^k"),
                SuiteParameter.flag("warm-start", true, "start each new layer from the trained previous layer"),
                SuiteParameter.integer("validation", 1000, 1, 1_000_000, "validation samples"),
                SuiteParameter.integer("test", 1000, 1, 1_000_000, "test samples"),
                SuiteParameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of A, the test and validation sets and the training stream"),
                SuiteParameter.flag("resume", true, "continue from (or reuse) checkpoints already in the output folder"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("m", "64", "n", "128", "layers", "6", "steps", "60", "patience", "30", "validate-every", "10",
                "batch", "32", "validation", "200", "test", "200");
    }

    /** @return the SNR in dB (+∞ for "inf") */
    static double parseSnr(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("infinity") || t.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FixpointException("BadParameter", "parameter 'snr' got '" + text + "' but expects a finite number of dB or 'inf'");
    }

    /** @return the fine-tuning factors of a comma-separated list of positive numbers */
    static double[] parseFactors(String text) {
        List<Double> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                double v = Double.parseDouble(s.trim());
                if (v > 0 && Double.isFinite(v)) {
                    out.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new FixpointException("BadParameter", "parameter 'fine-tune' got '" + text
                    + "' but expects comma-separated finite numbers > 0 (e.g. 0.2,0.02)");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the selected model names, validated */
    static List<String> parseModels(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!MODELS.contains(name)) {
                throw new FixpointException("BadParameter", "parameter 'models' names unknown model '" + name + "'; known models: " + MODELS);
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new FixpointException("BadParameter", "parameter 'models' selects no model; known models: " + MODELS);
        }
        return out;
    }

    static UnrolledNetwork network(String model, Tensor a, int layers, double lambda) {
        return switch (model) {
            case "lista" -> new Lista(a, layers, lambda, Tying.UNTIED);
            case "lista-cp" -> new ListaCp(a, layers, lambda, Tying.UNTIED);
            case "lista-cpss" -> new ListaCpss(a, layers, lambda, Tying.UNTIED);
            case "alista" -> new Alista(a, layers, lambda);
            default -> throw new IllegalArgumentException("not a learned model: " + model);
        };
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int m = (int) ctx.integer("m");
        int n = (int) ctx.integer("n");
        double p = ctx.real("sparsity");
        double snr = parseSnr(ctx.text("snr"));
        int layers = (int) ctx.integer("layers");
        List<String> models = parseModels(ctx.text("models"));
        long seed = ctx.integer("seed");
        SparseRecoveryProblem problem = new SparseRecoveryProblem(m, n, p, snr, seed);
        SparseRecoveryBatch test = problem.testSet((int) ctx.integer("test"));
        TrainingSettings settings = TrainingSettings.builder()
                .mode(ctx.text("mode").equals("end-to-end") ? TrainingMode.END_TO_END : TrainingMode.STAGE_WISE)
                .maxStepsPerStage(ctx.integer("steps"))
                .patience(ctx.integer("patience"))
                .minImprovement(ctx.real("min-improvement"))
                .validateEvery((int) Math.min(Integer.MAX_VALUE, ctx.integer("validate-every")))
                .batchSize((int) ctx.integer("batch"))
                .learningRate(ctx.real("lr"))
                .layerDecay(ctx.real("layer-decay"))
                .fineTuneFactors(parseFactors(ctx.text("fine-tune")))
                .warmStart(ctx.flag("warm-start"))
                .seed(seed)
                .build();
        Report.Builder report = Report.builder(name());
        ctx.progress().begin("sparse-recovery " + problem, models.size() + 1);

        double oracle = SupportOracle.nmseDb(problem.matrix(), test.y(), test.x());
        ctx.progress().advance(1);
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, TrainingResult> trained = new LinkedHashMap<>();
        SparseRecoveryData data = null;
        double lipschitz = Double.NaN;
        for (String model : models) {
            if (model.equals("ista") || model.equals("fista")) {
                if (Double.isNaN(lipschitz)) {
                    Tensor a = problem.matrix();
                    lipschitz = LinearAlgebra.current().eigh(Tensor.matmul(a, false, a, true)).values().max();
                }
                curves.put(model, ProximalGradientBaselines.nmsePerIteration(problem.matrix(), lipschitz, test.y(), test.x(),
                        ctx.real("lambda"), layers, model.equals("fista")));
            } else if (model.equals("amp")) {
                curves.put(model, new Amp(problem.matrix(), ctx.real("alpha")).trace(test.y(), test.x(), layers).nmseDb());
            } else {
                if (data == null) {
                    data = SparseRecoveryData.of(problem, (int) ctx.integer("validation"));
                }
                UnrolledNetwork net = network(model, problem.matrix(), layers, ctx.real("init-lambda"));
                Path checkpoint = ctx.outputDirectory().resolve(model + ".ckpt");
                if (!ctx.flag("resume")) {
                    Files.deleteIfExists(checkpoint);
                }
                TrainingResult r = new Trainer(settings.toBuilder().checkpoint(checkpoint).build(), ctx.progress())
                        .train(net, data);
                trained.put(model, r);
                curves.put(model, LayerwiseNmse.decibels(net, SparseRecoveryData.asTrainingBatch(test)));
                report.artifact(new Report.Artifact(checkpoint, model + ": trained parameters and training state (checkpoint)"));
                report.artifact(ctx.writeArtifact("training-" + model + ".csv", model + ": training stages",
                        out -> out.write(stagesCsv(r).getBytes(StandardCharsets.UTF_8))));
                LOG.info("sparse-recovery {}: NMSE at layer {} = {} dB after {} training steps in {} s", model, layers,
                        String.format("%.2f", curves.get(model)[layers - 1]), r.steps(), String.format("%.0f", r.seconds()));
            }
            ctx.progress().advance(1);
        }
        ctx.progress().end();

        report.artifact(ctx.writeArtifact("nmse-per-layer.csv", "NMSE (dB) of every layer/iteration on the test set",
                out -> out.write(curvesCsv(curves, oracle, layers).getBytes(StandardCharsets.UTF_8))));
        String setting = String.format(Locale.ROOT, "m=%d, n=%d, p=%s, SNR %s, %d test samples", m, n, p,
                Double.isInfinite(snr) ? "∞" : snr + " dB", test.size());
        report.artifact(ctx.writeArtifact("nmse-per-layer.png", "NMSE per layer (" + setting + ")", out -> {
            Plots plot = Plots.line("Sparse recovery, " + setting, "layer / iteration", "NMSE (dB)");
            curves.forEach(plot::series);
            if (Double.isFinite(oracle) && oracle > -200) {
                plot.curve("support-oracle LS", new double[]{1, layers}, new double[]{oracle, oracle});
            }
            plot.writePng(out);
        }));

        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            report.metric(e.getKey() + " NMSE at layer " + layers, e.getValue()[layers - 1], "dB");
        }
        report.metric("support-oracle least-squares floor", oracle, "dB");
        for (Map.Entry<String, TrainingResult> e : trained.entrySet()) {
            report.metric(e.getKey() + " training time", e.getValue().seconds(), "s");
            report.metric(e.getKey() + " training steps", e.getValue().steps(), "");
        }
        addTargets(report, m, n, p, layers, snr, curves, oracle);
        StringBuilder summary = new StringBuilder(setting + ": NMSE at layer " + layers + " —");
        curves.forEach((k, v) -> summary.append(String.format(Locale.ROOT, " %s %.1f dB;", k, v[layers - 1])));
        summary.append(String.format(Locale.ROOT, " support oracle %.1f dB", oracle));
        return report.summary(summary.toString()).build();
    }

    /** The acceptance targets of the papers' setting, as metrics with criteria. */
    private static void addTargets(Report.Builder report, int m, int n, double p, int layers, double snr,
                                   Map<String, double[]> curves, double oracle) {
        if (m != 250 || n != 500 || p != 0.1 || layers != 16) {
            return;
        }
        if (Double.isInfinite(snr)) {
            if (curves.containsKey("lista")) {
                report.metricAtMost("lista NMSE at layer 16 (target)", curves.get("lista")[15], "dB", -40);
            }
            double best = Math.min(at(curves, "lista-cpss"), at(curves, "alista"));
            if (!Double.isNaN(best) && best < Double.POSITIVE_INFINITY) {
                report.metricAtMost("best of lista-cpss, alista at layer 16 (target)", best, "dB", -60);
            }
        } else {
            double best = Double.POSITIVE_INFINITY;
            for (String model : LEARNED) {
                best = Math.min(best, at(curves, model));
            }
            if (best < Double.POSITIVE_INFINITY) {
                report.metricAtMost("best learned model above the oracle floor (target)", best - oracle, "dB", 2);
            }
        }
    }

    private static double at(Map<String, double[]> curves, String model) {
        double[] c = curves.get(model);
        return c == null ? Double.POSITIVE_INFINITY : c[c.length - 1];
    }

    private static String curvesCsv(Map<String, double[]> curves, double oracle, int layers) {
        StringBuilder sb = new StringBuilder("layer");
        curves.keySet().forEach(k -> sb.append(',').append(k));
        sb.append(",support-oracle\n");
        for (int k = 0; k < layers; k++) {
            sb.append(k + 1);
            for (double[] c : curves.values()) {
                sb.append(',').append(String.format(Locale.ROOT, "%.4f", c[k]));
            }
            sb.append(',').append(String.format(Locale.ROOT, "%.4f", oracle)).append('\n');
        }
        return sb.toString();
    }

    private static String stagesCsv(TrainingResult r) {
        StringBuilder sb = new StringBuilder("stage,layers,learning_rate,steps,best_validation_nmse_db,seconds\n");
        for (TrainingResult.StageSummary s : r.stages()) {
            sb.append('"').append(s.name()).append('"').append(',').append(s.layers()).append(',').append(s.learningRate())
                    .append(',').append(s.steps()).append(',').append(String.format(Locale.ROOT, "%.4f", s.bestValidationDb()))
                    .append(',').append(String.format(Locale.ROOT, "%.2f", s.seconds())).append('\n');
        }
        return sb.toString();
    }
}
