package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.amp.Amp;
import dev.fixpoint.solvers.amp.AmpTrace;
import dev.fixpoint.solvers.amp.StateEvolution;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code amp-state-evolution}: AMP's per-iteration NMSE on Bernoulli–Gaussian signals against the
 * state-evolution prediction (Donoho, Maleki and Montanari 2009).
 *
 * <p>One matrix A [m, n], {@code m = round(δn)}, entries N(0, 1/m) with unit-norm columns; {@code samples}
 * signals x with i.i.d. entries {@code (1 − ε)δ₀ + ε N(0, 1)}; {@code y = A·x + w} with
 * {@code w ~ N(0, σ²)}; AMP with multiplier α from x⁰ = 0. Compared at iteration {@code compareAt}
 * (x^t, see {@link StateEvolution} for the index mapping): the empirical figure is the mean over
 * samples of each sample's NMSE in dB; its target is {@code |empirical − predicted| ≤ max(1 dB,
 * 3 standard errors of that mean)} (per-sample NMSE fluctuates by several dB at n of a few
 * thousand, mostly with the realised sparsity). The ratio of totals over samples is reported as
 * well; it sits above the mean of dB by about {@code σ²·ln(10)/20} dB (σ = per-sample spread in dB).
 *
 * <p>Artifacts: {@code nmse.png} (predicted and empirical NMSE per iteration), {@code nmse.csv}
 * (per iteration: τ from state evolution, RMS τ̂, predicted and empirical NMSE in dB).
 */
final class AmpStateEvolutionSuite implements Suite {

    @Override
    public String name() {
        return "amp-state-evolution";
    }

    @Override
    public String description() {
        return "AMP's NMSE per iteration on Bernoulli-Gaussian sparse signals against the state-evolution prediction "
                + "(default delta=0.5, eps=0.1, alpha=1.5, noiseless, n=8000); target: within 1 dB at iteration 16.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("n", 8000, 50, 40000, "signal length (columns of A)"),
                SuiteParameter.real("delta", 0.5, 0.05, 1.0, "undersampling m/n"),
                SuiteParameter.real("epsilon", 0.1, 0.001, 1.0, "probability that an entry of x is nonzero"),
                SuiteParameter.real("alpha", 1.5, 0.0, 10.0, "threshold multiplier: threshold = alpha * ||z||/sqrt(m)"),
                SuiteParameter.real("noiseVariance", 0.0, 0.0, 10.0, "variance sigma^2 of each measurement's Gaussian noise"),
                SuiteParameter.integer("iterations", 30, 1, 1000, "AMP iterations"),
                SuiteParameter.integer("compareAt", 16, 1, 1000, "iteration at which empirical and predicted NMSE are compared"),
                SuiteParameter.integer("samples", 64, 1, 4096, "signals (columns), all measured with the one matrix"),
                SuiteParameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the matrix, the signals and the noise"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("n", "1000", "samples", "32");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int n = (int) ctx.integer("n");
        double delta = ctx.real("delta");
        double epsilon = ctx.real("epsilon");
        double alpha = ctx.real("alpha");
        double sigma2 = ctx.real("noiseVariance");
        int iterations = (int) ctx.integer("iterations");
        int compareAt = (int) ctx.integer("compareAt");
        int samples = (int) ctx.integer("samples");
        if (compareAt > iterations) {
            throw new FixpointException("BadParameter", "amp-state-evolution: compareAt (" + compareAt
                    + ") must be at most iterations (" + iterations + ")");
        }
        int m = (int) Math.round(delta * n);
        ProgressListener progress = ctx.progress();
        progress.begin(name() + " n=" + n, 3);
        long start = System.nanoTime();

        SplittableRandom rng = new SplittableRandom(ctx.integer("seed"));
        Tensor a = SparseRecoveryProblem.gaussianUnitColumns(m, n, rng);
        double[] xs = new double[n * samples];
        for (int i = 0; i < xs.length; i++) {
            if (rng.nextDouble() < epsilon) {
                xs[i] = rng.nextGaussian();
            }
        }
        Tensor x = Tensor.wrap(xs, n, samples);
        Tensor y = a.matmul(x);
        if (sigma2 > 0) {
            double sd = Math.sqrt(sigma2);
            double[] yd = y.data();
            for (int i = 0; i < yd.length; i++) {
                yd[i] += sd * rng.nextGaussian();
            }
        }
        progress.advance(1);

        AmpTrace trace = new Amp(a, alpha).trace(y, x, iterations);
        progress.advance(1);
        StateEvolution se = new StateEvolution((double) m / n, epsilon, alpha, sigma2);
        StateEvolution.Trajectory predicted = se.run(iterations);
        double seconds = (System.nanoTime() - start) * 1e-9;

        int done = trace.nmse().length;
        double[] predictedDb = predicted.nmseDb();
        double[] meanDb = trace.meanSampleNmseDb();
        double[] totalsDb = trace.nmseDb();
        Report.Builder report = Report.builder(name());
        report.metric("predicted NMSE at iteration " + compareAt, predictedDb[compareAt - 1], "dB");
        if (done < compareAt) {
            report.metric("empirical NMSE at iteration " + compareAt, Double.NaN, "dB", "AMP runs " + compareAt + " iterations", false);
        } else {
            int k = compareAt - 1;
            double spread = standardDeviationDb(trace.sampleNmse()[k]);
            double stderr = spread / Math.sqrt(samples);
            double diff = meanDb[k] - predictedDb[k];
            double bound = Math.max(1.0, 3 * stderr);
            report.metric("empirical NMSE at iteration " + compareAt + " (mean over samples of dB)", meanDb[k], "dB");
            report.metric("empirical minus predicted at iteration " + compareAt, diff, "dB",
                    String.format(Locale.ROOT, "|·| ≤ %.2f (max of 1 dB and 3 standard errors)", bound), Math.abs(diff) <= bound);
            report.metric("standard error of the empirical mean at iteration " + compareAt, stderr, "dB");
            report.metric("per-sample spread (standard deviation) at iteration " + compareAt, spread, "dB");
            report.metric("empirical NMSE at iteration " + compareAt + " (ratio of totals)", totalsDb[k], "dB");
            report.metric("tau-hat / tau at iteration " + compareAt, trace.tau()[k] / predicted.tau()[k], "");
        }
        report.metric("AMP iterations run", trace.result().iterations(), "",
                "= " + iterations + " (status " + trace.result().status() + ")", trace.result().iterations() == iterations);
        report.metric("wall time (data, AMP, state evolution)", seconds, "s");

        String title = String.format(Locale.ROOT, "AMP vs state evolution: n=%d, delta=%.3g, eps=%.3g, alpha=%.3g, sigma2=%.3g, %d samples",
                n, (double) m / n, epsilon, alpha, sigma2, samples);
        report.artifact(ctx.writeArtifact("nmse.png", "NMSE per iteration: state evolution and AMP (mean of per-sample dB, ratio of totals)",
                out -> Plots.line(title, "iteration t (estimate x^t)", "NMSE (dB)")
                        .series("state evolution", predictedDb)
                        .series("AMP, mean of per-sample dB", meanDb)
                        .series("AMP, ratio of totals", totalsDb)
                        .writePng(out)));
        report.artifact(ctx.writeArtifact("nmse.csv", "per iteration: tau (SE), RMS tau-hat, NMSE in dB (SE, AMP mean of dB, AMP ratio of totals)",
                out -> out.write(csv(predicted, trace).getBytes(StandardCharsets.UTF_8))));
        progress.advance(1);
        progress.end();
        Report built = report.build();
        return report.summary(String.format(Locale.ROOT, "n=%d, %d samples: predicted %.2f dB at iteration %d, AMP %.2f dB (mean of per-sample dB)%s",
                n, samples, predictedDb[compareAt - 1], compareAt, done >= compareAt ? meanDb[compareAt - 1] : Double.NaN,
                built.passed() ? "" : " — TARGET MISSED")).build();
    }

    private static double standardDeviationDb(double[] linear) {
        double sum = 0;
        double sum2 = 0;
        for (double v : linear) {
            double db = 10 * Math.log10(v);
            sum += db;
            sum2 += db * db;
        }
        int count = linear.length;
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0, (sum2 - count * mean * mean) / (count - 1)));
    }

    private static String csv(StateEvolution.Trajectory predicted, AmpTrace trace) {
        StringBuilder sb = new StringBuilder("iteration,tau_se,tau_hat_rms,nmse_se_db,nmse_amp_mean_db,nmse_amp_totals_db\n");
        double[] p = predicted.nmseDb();
        double[] mean = trace.meanSampleNmseDb();
        double[] totals = trace.nmseDb();
        for (int t = 0; t < totals.length; t++) {
            sb.append(t + 1).append(',').append(predicted.tau()[t]).append(',').append(trace.tau()[t]).append(',')
                    .append(p[t]).append(',').append(mean[t]).append(',').append(totals[t]).append('\n');
        }
        return sb.toString();
    }
}
