package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.iterative.LeastSquares;
import dev.fixpoint.solvers.iterative.ProximalGradient;
import dev.fixpoint.solvers.iterative.StepSize;
import dev.fixpoint.solvers.sparse.Nmse;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ista-fista-sparse-recovery}: the classical baselines of the LISTA literature on the
 * standard synthetic problem (m = 250, n = 500, p = 0.1, noiseless): ISTA and FISTA from x₀ = 0 with
 * step 1/L (L = largest eigenvalue of AᵀA), threshold λ/L, no restart, each test vector solved
 * separately by {@link ProximalGradient}. Reports the NMSE (dB, ratio of totals) after 1, 2, 4, …
 * and exactly K iterations; with the published setting (K = 16, λ = 0.1) the metrics are checked
 * against the published −5.3 dB (ISTA) and −10.3 dB (FISTA), ±0.5 dB.
 */
final class IstaFistaSuite implements Suite {
    static final double PUBLISHED_ISTA_DB = -5.3;
    static final double PUBLISHED_FISTA_DB = -10.3;
    static final double PUBLISHED_TOLERANCE_DB = 0.5;

    @Override
    public String name() {
        return "ista-fista-sparse-recovery";
    }

    @Override
    public String description() {
        return "ISTA and FISTA (step 1/L, λ = 0.1, x0 = 0, no restart) on the noiseless m=250, n=500, p=0.1 sparse "
                + "recovery problem: NMSE in dB after 1, 2, 4, … and K iterations over the test set; at K = 16 "
                + "compared with the published −5.3 dB (ISTA) and −10.3 dB (FISTA), ±0.5 dB.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("samples", 1000, 1, 100_000, "number of test vectors"),
                SuiteParameter.integer("iterations", 16, 1, 10_000, "K, the last iteration count reported"),
                SuiteParameter.real("lambda", 0.1, 1e-9, 100, "ℓ1 weight λ (threshold λ/L)"),
                SuiteParameter.integer("seed", 2026, 0, Long.MAX_VALUE, "seed of the matrix and the test set"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("samples", "250");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int samples = (int) ctx.integer("samples");
        int last = (int) ctx.integer("iterations");
        double lambda = ctx.real("lambda");
        SparseRecoveryProblem problem = SparseRecoveryProblem.standard(Double.POSITIVE_INFINITY, ctx.integer("seed"));
        Tensor matrix = problem.matrix();
        double lipschitz = LinearAlgebra.on(ctx.backend()).eigh(Tensor.matmul(matrix, true, matrix, false)).values().max();
        SparseRecoveryBatch test = problem.testSet(samples);
        int[] checkpoints = checkpoints(last);
        ProgressListener progress = ctx.progress();
        progress.begin(name(), 2L * samples);
        double[] ista = nmsePerCheckpoint(false, matrix, lipschitz, lambda, test, checkpoints, progress);
        double[] fista = nmsePerCheckpoint(true, matrix, lipschitz, lambda, test, checkpoints, progress);
        progress.end();

        Report.Builder report = Report.builder(name());
        boolean published = last == 16 && lambda == 0.1;
        addMetric(report, "ISTA NMSE after " + last + " iterations", ista[ista.length - 1], published, PUBLISHED_ISTA_DB);
        addMetric(report, "FISTA NMSE after " + last + " iterations", fista[fista.length - 1], published, PUBLISHED_FISTA_DB);
        report.metric("L = ‖A‖₂²", lipschitz, "");
        double[] x = new double[checkpoints.length];
        StringBuilder csv = new StringBuilder("iterations,ista_nmse_db,fista_nmse_db\n");
        for (int i = 0; i < checkpoints.length; i++) {
            x[i] = checkpoints[i];
            csv.append(checkpoints[i]).append(',').append(ista[i]).append(',').append(fista[i]).append('\n');
        }
        report.artifact(ctx.writeArtifact("nmse.png", "NMSE (dB) of ISTA and FISTA against the number of iterations",
                out -> Plots.line("ISTA and FISTA, m=250 n=500 p=0.1 noiseless, " + samples + " samples, λ=" + lambda,
                                "iterations", "NMSE (dB)")
                        .series("ISTA", x, ista).series("FISTA", x, fista).writePng(out)));
        report.artifact(ctx.writeArtifact("nmse.csv", "the plotted values",
                out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8))));
        return report.summary(String.format("after %d iterations: ISTA %.2f dB, FISTA %.2f dB over %d samples%s", last,
                ista[ista.length - 1], fista[fista.length - 1], samples,
                published ? " (published −5.3 / −10.3 dB)" : "")).build();
    }

    private static void addMetric(Report.Builder report, String name, double value, boolean published, double reference) {
        if (published) {
            report.metric(name, value, "dB", String.format("%.1f ± %.1f", reference, PUBLISHED_TOLERANCE_DB),
                    Math.abs(value - reference) <= PUBLISHED_TOLERANCE_DB);
        } else {
            report.metric(name, value, "dB");
        }
    }

    /** @return 1, 2, 4, … below {@code last}, then {@code last} */
    static int[] checkpoints(int last) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k < last; k *= 2) {
            ks.add(k);
        }
        ks.add(last);
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * ISTA has no memory, so its checkpoints chain (each continues from the previous one); FISTA's
     * momentum cannot be resumed, so each of its checkpoints is a fresh run from x₀ = 0.
     */
    private static double[] nmsePerCheckpoint(boolean accelerated, Tensor matrix, double lipschitz, double lambda,
                                              SparseRecoveryBatch test, int[] checkpoints, ProgressListener progress) {
        LinearOperator a = Operators.dense(matrix);
        ProximalFunction g = Proximals.l1(lambda);
        int m = matrix.dim(0);
        int n = matrix.dim(1);
        int samples = test.size();
        double[][] estimates = new double[checkpoints.length][n * samples];
        for (int s = 0; s < samples; s++) {
            LeastSquares f = LeastSquares.of(a, test.y().slice(1, s, s + 1).reshape(m)).withLipschitz(lipschitz);
            Tensor x = null;
            int done = 0;
            for (int c = 0; c < checkpoints.length; c++) {
                int steps = accelerated ? checkpoints[c] : checkpoints[c] - done;
                ProximalGradient.Builder b = accelerated ? ProximalGradient.fista(f, g) : ProximalGradient.ista(f, g);
                SolverResult r = b.step(StepSize.inverseLipschitz())
                        .stopping(StoppingCriteria.fixedIterations(steps).withHistory(false)).build()
                        .solve(accelerated ? null : x);
                x = r.solution();
                done = checkpoints[c];
                double[] xd = x.data();
                for (int i = 0; i < n; i++) {
                    estimates[c][i * samples + s] = xd[i];
                }
            }
            progress.advance(1);
        }
        double[] db = new double[checkpoints.length];
        for (int c = 0; c < checkpoints.length; c++) {
            db[c] = Nmse.decibels(Tensor.wrap(estimates[c], n, samples), test.x());
        }
        return db;
    }
}
