package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.solvers.bilevel.BilevelProblem;
import dev.fixpoint.solvers.bilevel.ElasticNetBilevel;
import dev.fixpoint.solvers.bilevel.Hypergradient;
import dev.fixpoint.solvers.bilevel.HypergradientMethod;
import dev.fixpoint.solvers.bilevel.HypergradientMethods;
import dev.fixpoint.solvers.bilevel.HyperparameterOptimizer;
import dev.fixpoint.solvers.bilevel.HyperparameterTrace;
import dev.fixpoint.solvers.implicit.LinearSolveMethod;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code hyperparameter-lasso}: the lasso weight λ learned on a validation loss by each hypergradient
 * method (full reverse unrolling of T ISTA steps, truncated reverse through the last K, forward mode,
 * implicit differentiation with GMRES, and the closed-form KKT formula on the support) on a synthetic
 * train/validation split (Gaussian design, sparse truth, Gaussian noise). Reports, per method, the
 * hypergradient at λ₀ against a central finite difference of the accurately solved problem (the
 * step h = 10⁻⁶λ₀ stays inside one support, which is checked), its time, and the validation loss per
 * outer iteration (Adam on log λ, from λ = λ_max/2, each step changing λ by about 10 %); and the cost of the KKT hypergradient relative to one accurate inner
 * lasso solve (medians of 21 timings; the per-method times are single timed calls after one warm-up). Table, PNG and CSV.
 */
final class HyperparameterLassoSuite implements Suite {
    static final double KKT_ERROR_BOUND = 1e-6;
    static final double KKT_COST_BOUND = 1.5;
    /** timed repetitions of (inner solve, KKT closed form); the medians are compared */
    private static final int REPEATS = 21;

    @Override
    public String name() {
        return "hyperparameter-lasso";
    }

    @Override
    public String description() {
        return "Lasso λ learned on a validation loss by five hypergradient methods (reverse, truncated reverse, forward, "
                + "implicit, KKT): hypergradient error against central finite differences, time, validation loss per "
                + "outer iteration, KKT cost relative to one inner solve.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("train", 200, 10, 100_000, "training samples m"),
                SuiteParameter.integer("validation", 100, 10, 100_000, "validation samples"),
                SuiteParameter.integer("features", 100, 2, 10_000, "features n"),
                SuiteParameter.integer("nonzeros", 10, 1, 10_000, "nonzero coefficients of the truth"),
                SuiteParameter.real("noise", 0.5, 0, 100, "noise standard deviation"),
                SuiteParameter.integer("innerSteps", 500, 1, 1_000_000, "ISTA steps T for the unrolled and implicit methods"),
                SuiteParameter.integer("truncation", 100, 1, 1_000_000, "K, steps backpropagated by truncated reverse mode"),
                SuiteParameter.integer("outerIterations", 30, 1, 10_000, "outer (Adam) iterations on λ"),
                SuiteParameter.integer("seed", 2026, 0, Long.MAX_VALUE, "seed of the data"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("train", "100", "validation", "60", "features", "50", "nonzeros", "8", "innerSteps", "300",
                "truncation", "60", "outerIterations", "10");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        int m = (int) ctx.integer("train");
        int mv = (int) ctx.integer("validation");
        int n = (int) ctx.integer("features");
        int steps = (int) ctx.integer("innerSteps");
        int truncation = (int) ctx.integer("truncation");
        int outer = (int) ctx.integer("outerIterations");
        long seed = ctx.integer("seed");
        Tensor[] split = data(m, mv, n, (int) ctx.integer("nonzeros"), ctx.real("noise"), seed);
        ElasticNetBilevel lasso = ElasticNetBilevel.lasso(split[0], split[1], split[2], split[3]);
        double lambdaMax = Tensor.matvecInto(1.0 / m, split[0], true, split[1], 0, null).normInf();
        BilevelProblem problem = lasso.problem(steps, 1 / lasso.dataLipschitz());
        HypergradientMethod[] methods = {HypergradientMethods.reverse(), HypergradientMethods.truncatedReverse(truncation),
                HypergradientMethods.forward(), HypergradientMethods.implicit(LinearSolveMethod.GMRES),
                HypergradientMethods.kkt()};
        ProgressListener progress = ctx.progress();
        progress.begin(name(), methods.length * 2L + 1);

        double lambda0 = 0.3 * lambdaMax;
        Tensor[] theta0 = {Tensor.scalar(lambda0)};
        double h = 1e-6 * lambda0;
        Tensor beta0 = lasso.solve(lambda0, 0);
        Tensor plus = lasso.solve(lambda0 + h, 0);
        Tensor minus = lasso.solve(lambda0 - h, 0);
        boolean oneSupport = Arrays.equals(support(beta0), support(plus)) && Arrays.equals(support(beta0), support(minus));
        double fd = (lasso.validationLoss(plus) - lasso.validationLoss(minus)) / (2 * h);

        Report.Builder report = Report.builder(name());
        StringBuilder table = new StringBuilder("method,hypergradient,finite_difference,relative_error,seconds,"
                + "final_lambda,final_validation_loss\n");
        StringBuilder traces = new StringBuilder("method,outer_iteration,lambda,validation_loss\n");
        Plots plot = Plots.line("validation loss while learning λ (lasso, m=" + m + ", n=" + n + ", T=" + steps + ")",
                "outer iteration", "validation loss");
        double kktError = Double.NaN;
        for (HypergradientMethod method : methods) {
            method.compute(problem, theta0); // warm-up (JIT) before timing
            Hypergradient g = method.compute(problem, theta0);
            double error = Math.abs(g.gradient()[0].item() - fd) / Math.abs(fd);
            progress.advance(1);
            HyperparameterTrace trace = HyperparameterOptimizer.of(problem, method).adaptive(true).logScale(true)
                    .stepSize(0.1).iterations(outer).run(new Tensor[]{Tensor.scalar(0.5 * lambdaMax)});
            progress.advance(1);
            if (method.name().equals("kkt")) {
                kktError = error;
            } else {
                report.metric(method.name() + " hypergradient relative error vs FD", error, "");
            }
            report.metric(method.name() + " hypergradient time", g.seconds() * 1e3, "ms");
            report.metric(method.name() + " final validation loss", trace.finalLoss(), "");
            double[] iters = new double[trace.loss().length];
            for (int k = 0; k < iters.length; k++) {
                iters[k] = k;
                traces.append(method.name()).append(',').append(k).append(',').append(trace.history()[k][0]).append(',')
                        .append(trace.loss()[k]).append('\n');
            }
            plot.series(method.name(), iters, trace.loss());
            table.append(String.format(Locale.ROOT, "%s,%.12g,%.12g,%.3e,%.6f,%.6g,%.8g%n", method.name(),
                    g.gradient()[0].item(), fd, error, g.seconds(), trace.theta()[0].item(), trace.finalLoss()));
        }
        report.metric("KKT hypergradient relative error vs FD (h = 1e-6 λ, one support: " + oneSupport + ")", kktError, "",
                "<= " + KKT_ERROR_BOUND, oneSupport && kktError <= KKT_ERROR_BOUND);

        double[] solveTimes = new double[REPEATS];
        double[] kktTimes = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long t0 = System.nanoTime();
            Tensor beta = lasso.solve(lambda0, 0);
            long t1 = System.nanoTime();
            lasso.kktAt(theta0, beta);
            long t2 = System.nanoTime();
            solveTimes[r] = (t1 - t0) * 1e-9;
            kktTimes[r] = (t2 - t1) * 1e-9;
        }
        progress.advance(1);
        progress.end();
        double solve = median(solveTimes);
        double closed = median(kktTimes);
        double ratio = (solve + closed) / solve;
        report.metric("inner lasso solve (FISTA + polish) time", solve * 1e3, "ms");
        report.metric("KKT closed form time (given β)", closed * 1e3, "ms");
        report.metricAtMost("KKT hypergradient cost / one inner solve ((solve + KKT) / solve)", ratio, "×", KKT_COST_BOUND);
        table.append(String.format(Locale.ROOT, "# inner solve %.6f s, KKT closed form %.6f s, ratio %.4f%n", solve,
                closed, ratio));
        report.artifact(ctx.writeArtifact("validation-loss.png", "validation loss per outer iteration, per method",
                out -> plot.writePng(out)));
        report.artifact(ctx.writeArtifact("hypergradients.csv", "hypergradient vs finite difference, time, final λ per method",
                out -> out.write(table.toString().getBytes(StandardCharsets.UTF_8))));
        report.artifact(ctx.writeArtifact("validation-loss.csv", "λ and validation loss per outer iteration, per method",
                out -> out.write(traces.toString().getBytes(StandardCharsets.UTF_8))));
        return report.summary(String.format(Locale.ROOT, "lasso λ (m=%d, n=%d): KKT hypergradient error %.2e vs FD, "
                + "KKT cost %.3f× one inner solve; %d methods × %d outer iterations", m, n, kktError, ratio,
                methods.length, outer)).build();
    }

    /** @return {X_train, y_train, X_val, y_val}: N(0, 1) design, {@code nonzeros} N(0,1)±1 coefficients, noise */
    static Tensor[] data(int m, int mv, int n, int nonzeros, double noise, long seed) {
        if (nonzeros > n) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] nonzeros must be <= features = " + n
                    + ", got " + nonzeros);
        }
        Random rng = new Random(seed);
        Tensor truth = Tensor.zeros(n);
        for (int k = 0; k < nonzeros; k++) {
            truth.set(rng.nextGaussian() + Math.signum(rng.nextGaussian()), k * (n / nonzeros));
        }
        Tensor x = Tensor.randn(seed + 1, m, n);
        Tensor xv = Tensor.randn(seed + 2, mv, n);
        return new Tensor[]{x, x.matvec(truth).add(Tensor.randn(seed + 3, m).mul(noise)), xv,
                xv.matvec(truth).add(Tensor.randn(seed + 4, mv).mul(noise))};
    }

    private static int[] support(Tensor beta) {
        return java.util.stream.IntStream.range(0, beta.size()).filter(i -> beta.get(i) != 0).toArray();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
