package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.imaging.io.Png;
import dev.fixpoint.imaging.io.Window;
import dev.fixpoint.imaging.metrics.Nmse;
import dev.fixpoint.imaging.metrics.Psnr;
import dev.fixpoint.imaging.metrics.Ssim;
import dev.fixpoint.imaging.phantom.ImageGrid;
import dev.fixpoint.imaging.phantom.RandomEllipses;
import dev.fixpoint.imaging.phantom.SheppLogan;
import dev.fixpoint.operators.WaveletFamily;
import dev.fixpoint.solvers.StoppingCriteria;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mri}: multi-coil Cartesian MRI of the modified Shepp–Logan phantom (point-sampled on an
 * {@code n × n} grid over {@code [−1, 1]²}), birdcage coils normalised to {@code Σ|S|² = 1}, unitary
 * centred FFT, random masks at 4× (8 % centre) and 8× (4 % centre), complex Gaussian noise with
 * {@code σ} = 1 % of the RMS of the fully sampled k-space. Reconstructions: zero-filled, CG-SENSE,
 * CS wavelet-ℓ1 (FISTA, db2, 4 levels), CS-TV (PDHG), and an unrolled VarNet-style network trained
 * on random-ellipse phantoms of the same size, coils and acceleration. Metrics on magnitude images:
 * PSNR with data range = maximum of the ground-truth magnitude, SSIM (Wang et al. 2004, same range),
 * NMSE; iteration counts and times. Artifacts: {@code mri-table.csv} and {@code mri-mosaic.png}
 * (per acceleration a row of reconstructions and a row of error maps {@code ||x| − |x_true||} on the
 * window {@code [0, 0.2·max]}). Acceptance at 4×: CS-wavelet and CS-TV beat zero-filled by ≥ 5 dB.
 */
public final class MriSuite implements Suite {
    private static final Logger LOG = LoggerFactory.getLogger(MriSuite.class);
    private static final String[] METHODS = {"zero-filled", "sense", "cs-wavelet", "cs-tv", "unrolled"};

    @Override
    public String name() {
        return "mri";
    }

    @Override
    public String description() {
        return "Multi-coil Cartesian MRI (Shepp–Logan, 8 birdcage coils, 4× with 8 % centre and 8× with 4 % centre, "
                + "1 % noise): zero-filled, CG-SENSE, CS wavelet-ℓ1 (FISTA), CS-TV (PDHG) and an unrolled network; "
                + "PSNR/SSIM/NMSE of magnitudes, iteration counts, table and mosaic.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("size", 256, 32, 1024, "image side n (divisible by 16)"),
                SuiteParameter.integer("coils", 8, 1, 64, "number of birdcage coils"),
                SuiteParameter.real("noise", 0.01, 0, 1, "noise σ relative to the RMS of the fully sampled k-space"),
                SuiteParameter.real("wavelet-lambda", 0.002, 0, 10, "ℓ1 weight λ of the wavelet reconstruction"),
                SuiteParameter.real("tv-lambda", 0.002, 0, 10, "TV weight λ"),
                SuiteParameter.real("sense-ridge", 0.01, 0, 10, "Tikhonov weight μ of CG-SENSE"),
                SuiteParameter.real("tolerance", 1e-5, 0, 1, "relative residual at which the iterative solvers stop"),
                SuiteParameter.integer("max-iterations", 5000, 1, 1_000_000, "iteration limit of the iterative solvers"),
                SuiteParameter.integer("cascades", 5, 1, 50, "cascades K of the unrolled network"),
                SuiteParameter.integer("train-images", 16, 1, 10_000, "random-ellipse training phantoms"),
                SuiteParameter.integer("train-steps", 100, 1, 1_000_000, "Adam steps of the unrolled network"),
                SuiteParameter.integer("seed", 2024, 0, Long.MAX_VALUE, "seed of masks and noise"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("size", "64", "tolerance", "1e-4", "train-steps", "60", "train-images", "8");
    }

    /** One row of the table. */
    record Row(double acceleration, String method, double psnr, double ssim, double nmse, int iterations,
               String status, double seconds) {
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int n = (int) ctx.integer("size");
        int coils = (int) ctx.integer("coils");
        long seed = ctx.integer("seed");
        StoppingCriteria stop = StoppingCriteria.of(ctx.real("tolerance"), (int) ctx.integer("max-iterations"));
        Tensor truth = SheppLogan.modified(ImageGrid.square(n, 1.0));
        Tensor maps = CoilSensitivities.birdcage(coils, n, n);
        ProgressListener progress = ctx.progress();
        progress.begin(name(), 2L * METHODS.length);
        List<Row> rows = new ArrayList<>();
        List<Tensor> tiles = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        double[][] setting = {{4, 0.08}, {8, 0.04}};
        Report.Builder report = Report.builder(name());
        for (double[] acc : setting) {
            SamplingMask mask = SamplingMask.random(n, n, acc[0], acc[1], seed);
            MriAcquisition acq = MriAcquisition.simulate(truth, maps, mask, ctx.real("noise"), seed + 1);
            Tensor mag = acq.magnitude();
            double range = mag.max();
            List<MriReconstruction> recs = new ArrayList<>();
            recs.add(MriReconstructions.zeroFilled(acq.model(), acq.kspace()));
            recs.add(MriReconstructions.sense(acq.model(), acq.kspace(), ctx.real("sense-ridge"), stop));
            recs.add(MriReconstructions.waveletL1(acq.model(), acq.kspace(), ctx.real("wavelet-lambda"),
                    WaveletFamily.DAUBECHIES4, 4, stop));
            recs.add(MriReconstructions.totalVariation(acq.model(), acq.kspace(), ctx.real("tv-lambda"), stop));
            recs.add(trainedNetwork(ctx, n, maps, acc, seed).reconstruct(acq.model(), acq.kspace()));
            tiles.add(mag);
            windows.add(new Window(0, range));
            List<Tensor> errors = new ArrayList<>();
            errors.add(Tensor.zeros(n, n));
            double zeroFilledPsnr = Double.NaN;
            for (MriReconstruction r : recs) {
                Tensor m = r.magnitude();
                double psnr = Psnr.of(mag, m, range);
                if (r.method().equals("zero-filled")) {
                    zeroFilledPsnr = psnr;
                }
                Row row = new Row(acc[0], r.method(), psnr, Ssim.of(mag, m, range), Nmse.of(mag, m), r.iterations(),
                        r.status().name(), r.seconds());
                rows.add(row);
                LOG.info("mri {}× {}: PSNR {} dB, SSIM {}, {} iterations ({}), {} s", (int) acc[0], r.method(),
                        String.format("%.2f", psnr), String.format("%.4f", row.ssim()), r.iterations(), r.status(),
                        String.format("%.1f", r.seconds()));
                String key = (int) acc[0] + "x-" + r.method();
                report.metric(key + "-psnr", psnr, "dB");
                report.metric(key + "-ssim", row.ssim(), "");
                if (r.iterations() > 0 && !r.method().equals("unrolled")) {
                    report.metric(key + "-iterations", r.iterations(), "");
                }
                tiles.add(m);
                windows.add(new Window(0, range));
                errors.add(m.sub(mag).abs());
                progress.advance(1);
            }
            if (acc[0] == 4) {
                for (Row row : rows) {
                    if (row.acceleration() == 4 && row.method().startsWith("cs-")) {
                        report.metricAtLeast("4x-" + row.method() + "-gain-over-zero-filled", row.psnr() - zeroFilledPsnr,
                                "dB", 5.0);
                    }
                }
            }
            tiles.addAll(errors);
            for (int i = 0; i < errors.size(); i++) {
                windows.add(new Window(0, 0.2 * range));
            }
        }
        progress.end();
        StringBuilder csv = new StringBuilder("acceleration,method,psnr_db,ssim,nmse,iterations,status,seconds\n");
        for (Row r : rows) {
            csv.append(String.format("%.0f,%s,%.4f,%.5f,%.6e,%d,%s,%.3f%n", r.acceleration(), r.method(), r.psnr(),
                    r.ssim(), r.nmse(), r.iterations(), r.status(), r.seconds()));
        }
        report.artifact(ctx.writeArtifact("mri-table.csv", "PSNR/SSIM/NMSE of magnitudes, iterations, time",
                out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8))));
        report.artifact(ctx.writeArtifact("mri-mosaic.png", "rows: 4× reconstructions, 4× errors, 8× reconstructions, "
                + "8× errors; columns: truth, zero-filled, SENSE, CS-wavelet, CS-TV, unrolled",
                out -> Png.writeMosaic(out, tiles, windows, METHODS.length + 1)));
        return report.summary(String.format("%d×%d, %d coils: %s", n, n, coils, summary(rows))).build();
    }

    private static UnrolledVarNet trainedNetwork(SuiteContext ctx, int n, Tensor maps, double[] acc, long seed) {
        int count = (int) ctx.integer("train-images");
        ImageGrid grid = ImageGrid.square(n, 1.0);
        List<MriAcquisition> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = seed * 1000 + i;
            data.add(MriAcquisition.simulate(RandomEllipses.standard().sample(s, grid), maps,
                    SamplingMask.random(n, n, acc[0], acc[1], s + 7), ctx.real("noise"), s + 13));
        }
        UnrolledVarNet net = new UnrolledVarNet((int) ctx.integer("cascades"), 8, seed);
        double[] loss = net.train(data, (int) ctx.integer("train-steps"), 3e-3);
        LOG.info("mri {}× unrolled: {} Adam steps on {} phantoms, loss {} → {}", (int) acc[0], loss.length, count,
                String.format("%.3e", loss[0]), String.format("%.3e", loss[loss.length - 1]));
        return net;
    }

    private static String summary(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            sb.append(String.format("%s%.0f× %s %.1f dB", sb.length() == 0 ? "" : "; ", r.acceleration(), r.method(), r.psnr()));
        }
        return sb.toString();
    }
}
