package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.imaging.io.Png;
import dev.fixpoint.imaging.io.Window;
import dev.fixpoint.imaging.metrics.Psnr;
import dev.fixpoint.imaging.metrics.Ssim;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.SheppLogan;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ct}: the modified Shepp–Logan phantom in the learned primal-dual setting (size×size unit pixels, parallel
 * beam, θ_k = kπ/angles, bins covering the diagonal, Gaussian noise 5 % of the mean |data|): FBP (Hann), SIRT, TV by
 * diagonally preconditioned PDHG from FBP, and a learned primal-dual network trained on random ellipses. Metrics:
 * PSNR (data range 1) and SSIM of each, a PSNR/SSIM-versus-λ table for TV, the learned-minus-TV margin and the
 * training budget. Artifacts: a PNG mosaic (truth and reconstructions; below, the absolute errors on [0, 0.2]),
 * the λ table and the training loss as CSV. In the full profile (128×128) TV at λ = 2 must reach PSNR ≥ 28 dB and
 * SSIM ≥ 0.92, and the learned primal-dual must beat TV in PSNR.
 */
public final class CtSuite implements Suite {
    private static final Logger LOG = LoggerFactory.getLogger(CtSuite.class);

    @Override
    public String name() {
        return "ct";
    }

    @Override
    public String description() {
        return "CT of the modified Shepp–Logan phantom (parallel beam, 30 angles, 5 % noise): FBP, SIRT, TV by PDHG "
                + "and learned primal-dual; PSNR/SSIM table, TV λ table, mosaic of reconstructions and error maps.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("size", 128, 16, 1024, "image side in pixels (grid [−size/2, size/2]², pixel 1)"),
                SuiteParameter.integer("angles", 30, 1, 10_000, "parallel-beam angles θ_k = kπ/angles"),
                SuiteParameter.real("noise", 0.05, 0, 1, "Gaussian noise standard deviation relative to mean |data|"),
                SuiteParameter.real("lambda", 2.0, 0, 1e6, "TV weight λ (½‖Ax − y‖² + λ·TV(x), A in pixel units)"),
                SuiteParameter.text("lambdas", "0.5,1,1.5,2,3,4,8", "λ values of the TV table (comma-separated)"),
                SuiteParameter.integer("tvIterations", 1000, 1, 1_000_000, "PDHG iterations"),
                SuiteParameter.integer("sirtIterations", 100, 1, 1_000_000, "SIRT iterations (x ≥ 0)"),
                SuiteParameter.integer("lpdIterations", 5, 1, 50, "unrolled iterations of the learned primal-dual"),
                SuiteParameter.integer("lpdChannels", 16, 1, 256, "hidden channels of its CNNs"),
                SuiteParameter.integer("lpdSteps", 1500, 1, 10_000_000, "Adam steps (one random-ellipse phantom each)"),
                SuiteParameter.real("lr", 2e-3, 1e-7, 1, "initial Adam learning rate (cosine-annealed)"),
                SuiteParameter.integer("seed", CtProblem.DEFAULT_SEED, 0, Long.MAX_VALUE, "seed of noise and training"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("size", "64", "lambda", "1", "lambdas", "0.5,1,2", "tvIterations", "300", "lpdIterations", "3",
                "lpdChannels", "8",
                "lpdSteps", "150");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int size = (int) ctx.integer("size");
        int angles = (int) ctx.integer("angles");
        int bins = (int) Math.round(size * Math.sqrt(2)) + 2;
        long seed = ctx.integer("seed");
        double lambda = ctx.real("lambda");
        int tvIterations = (int) ctx.integer("tvIterations");
        int lpdSteps = (int) ctx.integer("lpdSteps");
        double[] lambdas = parseList(ctx.text("lambdas"));
        ProgressListener progress = ctx.progress();
        progress.begin(name(), 3L + lambdas.length + lpdSteps);

        ImageGrid grid = ImageGrid.unitPixels(size);
        RayTransform a = RayTransform.of(ParallelBeamGeometry.coveringDiagonal(grid, angles, bins));
        CtProblem problem = CtProblem.of(SheppLogan.modified(grid), a, ctx.real("noise"), seed);
        Tensor truth = problem.truth();
        Report.Builder report = Report.builder(name());
        List<Tensor> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        tiles.add(truth);
        labels.add("truth");

        Tensor fbp = FilteredBackProjection.of(problem.geometry(), ReconstructionFilter.HANN).reconstruct(problem.noisy());
        addScores(report, "FBP (Hann)", truth, fbp, tiles, labels);
        progress.advance(1);
        SolverResult sirt = new Sirt(a, true, StoppingCriteria.fixedIterations((int) ctx.integer("sirtIterations")), null)
                .solve(problem.noisy(), null);
        addScores(report, "SIRT", truth, sirt.solution(), tiles, labels);
        progress.advance(1);

        StringBuilder table = new StringBuilder("lambda,psnr_db,ssim,objective\n");
        Tensor tv = null;
        double tvPsnr = Double.NaN;
        for (double l : lambdas) {
            SolverResult r = new TvReconstruction(a, l, true, StoppingCriteria.fixedIterations(tvIterations), null)
                    .solve(problem.noisy(), fbp);
            double p = Psnr.of(truth, r.solution(), 1.0);
            double s = Ssim.of(truth, r.solution(), 1.0);
            table.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.6g%n", l, p, s, r.finalObjective()));
            report.metric(String.format(Locale.ROOT, "TV λ = %s PSNR", l), p, "dB");
            report.metric(String.format(Locale.ROOT, "TV λ = %s SSIM", l), s, "");
            LOG.info("ct: TV λ = {} ({} iterations): PSNR {} dB, SSIM {}", l, tvIterations, p, s);
            if (l == lambda) {
                tv = r.solution();
            }
            progress.advance(1);
        }
        if (tv == null) {
            tv = new TvReconstruction(a, lambda, true, StoppingCriteria.fixedIterations(tvIterations), null)
                    .solve(problem.noisy(), fbp).solution();
        }
        tvPsnr = Psnr.of(truth, tv, 1.0);
        double tvSsim = Ssim.of(truth, tv, 1.0);
        boolean acceptance = size == 128 && angles == 30 && ctx.real("noise") == 0.05 && lambda == 2.0
                && tvIterations >= 1000;
        if (acceptance) {
            report.metricAtLeast("TV (λ = 2, PDHG preconditioned, from FBP) PSNR", tvPsnr, "dB", 28.0);
            report.metricAtLeast("TV (λ = 2, PDHG preconditioned, from FBP) SSIM", tvSsim, "", 0.92);
        } else {
            report.metric("TV (λ = " + lambda + ") PSNR", tvPsnr, "dB");
            report.metric("TV (λ = " + lambda + ") SSIM", tvSsim, "");
        }
        tiles.add(tv);
        labels.add("TV");

        LearnedPrimalDual lpd = new LearnedPrimalDual(a, (int) ctx.integer("lpdIterations"), 5, 5,
                (int) ctx.integer("lpdChannels"), seed);
        long t0 = System.nanoTime();
        double[] losses = LearnedPrimalDualTraining.train(lpd, lpdSteps, ctx.real("lr"), ctx.real("noise"), seed,
                step -> progress.advance(1));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Tensor learned = lpd.reconstruct(problem.noisy(), fbp);
        double lpdPsnr = Psnr.of(truth, learned, 1.0);
        report.metric("learned primal-dual PSNR", lpdPsnr, "dB");
        report.metric("learned primal-dual SSIM", Ssim.of(truth, learned, 1.0), "");
        if (size == 128) {
            report.metricAtLeast("learned primal-dual − TV PSNR margin", lpdPsnr - tvPsnr, "dB", 0.0);
        } else {
            report.metric("learned primal-dual − TV PSNR margin", lpdPsnr - tvPsnr, "dB");
        }
        report.metric("learned primal-dual training steps", lpdSteps, "");
        report.metric("learned primal-dual training time", seconds, "s");
        report.metric("learned primal-dual weights", lpd.parameters().size(), "");
        tiles.add(learned);
        labels.add("learned PD");
        LOG.info("ct: {} trained {} steps in {} s: PSNR {} dB (TV {} dB)", lpd, lpdSteps, seconds, lpdPsnr, tvPsnr);

        List<Tensor> mosaic = new ArrayList<>(tiles);
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            windows.add(new Window(0, 1));
        }
        for (Tensor t : tiles) {
            mosaic.add(t.sub(truth).abs());
            windows.add(new Window(0, 0.2));
        }
        report.artifact(ctx.writeArtifact("mosaic.png", "top: " + String.join(", ", labels) + " (window [0, 1]); "
                + "bottom: absolute errors (window [0, 0.2])", out -> {
                    Path tmp = Files.createTempFile(ctx.outputDirectory(), "mosaic", ".png.tmp");
                    try {
                        Png.writeMosaic(tmp, mosaic, windows, tiles.size());
                        Files.copy(tmp, out);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }));
        report.artifact(ctx.writeArtifact("tv-lambda.csv", "TV PSNR/SSIM versus λ", out -> text(out, table)));
        StringBuilder loss = new StringBuilder("step,mse\n");
        for (int k = 0; k < losses.length; k++) {
            loss.append(k + 1).append(',').append(losses[k]).append('\n');
        }
        report.artifact(ctx.writeArtifact("lpd-training.csv", "learned primal-dual training loss", out -> text(out, loss)));
        report.summary(String.format(Locale.ROOT, "%d×%d, %d angles: FBP %.2f dB, SIRT %.2f dB, TV(λ = %s) %.2f dB / "
                + "SSIM %.3f, learned PD %.2f dB (%d steps, %.0f s)", size, size, angles, Psnr.of(truth, fbp, 1.0),
                Psnr.of(truth, sirt.solution(), 1.0), lambda, tvPsnr, tvSsim, lpdPsnr, lpdSteps, seconds));
        progress.end();
        return report.build();
    }

    private static void addScores(Report.Builder report, String label, Tensor truth, Tensor x, List<Tensor> tiles,
                                  List<String> labels) {
        report.metric(label + " PSNR", Psnr.of(truth, x, 1.0), "dB");
        report.metric(label + " SSIM", Ssim.of(truth, x, 1.0), "");
        tiles.add(x);
        labels.add(label);
    }

    private static void text(java.io.OutputStream out, CharSequence s) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(s.toString());
        w.flush();
    }

    private static double[] parseList(String text) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new dev.fixpoint.core.FixpointException("BadParameter", "lambdas: '" + parts[i]
                        + "' is not a number; give comma-separated values such as 0.5,1,2");
            }
            if (!(v[i] >= 0)) {
                throw new dev.fixpoint.core.FixpointException("BadParameter", "lambdas: " + v[i] + " must be ≥ 0");
            }
        }
        return v;
    }
}
