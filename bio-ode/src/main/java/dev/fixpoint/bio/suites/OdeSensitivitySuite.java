package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.Measurement;
import dev.fixpoint.bio.ObjectiveGradient;
import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.Simulation;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ode-sensitivity}: forward sensitivities, the continuous adjoint and central finite
 * differences on the built-in models (step input, Michaelis–Menten, linear chain of N species with N
 * parameters). Reports gradient agreement, wall-clock costs relative to one forward simulation, the
 * crossover where the adjoint becomes cheaper than forward sensitivities, a CSV timing table and a
 * plot of gradient cost against the number of parameters.
 */
public final class OdeSensitivitySuite implements Suite {

    /**
     * Costs on the chain of length n (times in milliseconds, minimum over repeats).
     *
     * @param n            chain length (= number of parameters)
     * @param simulationMs one forward simulation at the measurement times
     * @param forwardMs    objective gradient by forward sensitivities
     * @param adjointMs    objective gradient by the adjoint (checkpointing ALL_STEPS)
     * @param adjointVsForward max-norm relative difference of the two gradients
     * @param fdError      relative error of the adjoint gradient against central differences (NaN if not computed)
     * @param fdMs         the finite-difference gradient's cost (NaN if not computed)
     */
    public record ChainCost(int n, double simulationMs, double forwardMs, double adjointMs, double adjointVsForward,
                            double fdError, double fdMs) {
        /** @return adjoint cost in forward simulations */
        public double adjointRatio() {
            return adjointMs / simulationMs;
        }

        /** @return forward-sensitivity cost in forward simulations */
        public double forwardRatio() {
            return forwardMs / simulationMs;
        }
    }

    @Override
    public String name() {
        return "ode-sensitivity";
    }

    @Override
    public String description() {
        return "Forward sensitivities, continuous adjoint and central finite differences on built-in ODE models "
                + "(step input, Michaelis–Menten, linear chain of N = 5…500 species): gradient agreement, cost in "
                + "forward simulations, and the forward/adjoint crossover.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.text("sizes", "1,2,3,5,10,20,50,100,200,500", "chain lengths N (comma-separated)"),
                SuiteParameter.real("rtol", 1e-8, 1e-14, 1e-2, "relative tolerance of all integrations"),
                SuiteParameter.real("atol", 1e-12, 1e-20, 1e-2, "absolute tolerance of all integrations"),
                SuiteParameter.integer("repeats", 3, 1, 100, "timed repetitions (the minimum is reported)"),
                SuiteParameter.integer("fd-max-size", 50, 0, 100000, "largest chain checked against finite differences"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("sizes", "2,5,20,50", "repeats", "2", "fd-max-size", "20");
    }

    @Override
    public Report run(SuiteContext ctx) throws Exception {
        OdeOptions opt = OdeOptions.defaults().withTolerances(ctx.real("rtol"), ctx.real("atol"));
        int repeats = (int) ctx.integer("repeats");
        int fdMax = (int) ctx.integer("fd-max-size");
        int[] sizes = Arrays.stream(ctx.text("sizes").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        ProgressListener progress = ctx.progress();
        Report.Builder report = Report.builder(name());
        progress.begin("ode-sensitivity", 2 + sizes.length);

        smallModel(report, "step input", BuiltInModels.stepInput(), "y", new double[]{0.5, 1.5, 2.5, 3, 4, 6}, opt);
        progress.advance(1);
        smallModel(report, "Michaelis–Menten", BuiltInModels.michaelisMenten(), "Pobs", new double[]{0.5, 1, 2, 4, 8}, opt);
        progress.advance(1);

        List<ChainCost> rows = new ArrayList<>();
        for (int n : sizes) {
            ChainCost c = measureChain(n, opt, repeats, n <= fdMax);
            rows.add(c);
            report.metricAtMost("chain N=" + n + ": adjoint cost", c.adjointRatio(), "simulations", 4);
            report.metric("chain N=" + n + ": forward-sensitivity cost", c.forwardRatio(), "simulations");
            report.metricAtMost("chain N=" + n + ": |adjoint − forward| / |forward|", c.adjointVsForward(), "", 1e-5);
            if (!Double.isNaN(c.fdError())) {
                report.metricAtMost("chain N=" + n + ": adjoint vs central FD (rel.)", c.fdError(), "", 1e-5);
            }
            progress.advance(1);
        }
        int crossover = crossover(rows);
        report.metric("forward/adjoint crossover (parameters; 0 = adjoint always cheaper, -1 = never)", crossover, "");

        double[] x = rows.stream().mapToDouble(ChainCost::n).toArray();
        double[] fwd = rows.stream().mapToDouble(ChainCost::forwardRatio).toArray();
        double[] adj = rows.stream().mapToDouble(ChainCost::adjointRatio).toArray();
        double[] fd = rows.stream().mapToDouble(c -> c.fdMs() / c.simulationMs()).toArray();
        report.artifact(ctx.writeArtifact("gradient-cost.png", "gradient cost in forward simulations against the number of "
                        + "parameters (linear chain)",
                out -> Plots.line("Gradient cost on the linear chain (rtol " + opt.rtol() + ")", "number of parameters N",
                                "cost / one forward simulation").logX().logY().legendNorthWest()
                        .series("forward sensitivities", x, fwd)
                        .series("adjoint", x, adj)
                        .series("central finite differences", x, fd)
                        .curve("4 simulations", x, constant(x.length, 4))
                        .writePng(out)));
        report.artifact(ctx.writeArtifact("chain-timing.csv", "timing table of the linear chain (milliseconds)",
                out -> out.write(csv(rows).getBytes(StandardCharsets.UTF_8))));
        progress.end();
        ChainCost last = rows.get(rows.size() - 1);
        return report.summary(String.format("chain N=%d: adjoint %.2f simulations, forward sensitivities %.1f; crossover at %d "
                + "parameters", last.n(), last.adjointRatio(), last.forwardRatio(), crossover)).build();
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** @return the smallest N from which on the adjoint is cheaper than forward sensitivities at every larger N */
    static int crossover(List<ChainCost> rows) {
        int result = -1;
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).adjointMs() < rows.get(i).forwardMs()) {
                result = rows.get(i).n();
            } else {
                break;
            }
        }
        return result == rows.get(0).n() ? 0 : result;
    }

    private static void smallModel(Report.Builder report, String label, ReactionNetwork model, String obs, double[] times,
                                   OdeOptions opt) {
        CompiledNetwork net = model.compile();
        double[] p = net.nominalParameters();
        List<Measurement> data = data(net, p, obs, times, opt);
        double[] fd = finiteDifferences(Simulator.of(net).options(opt.withTolerances(1e-12, 1e-15)), p, data);
        Simulator sim = Simulator.of(net).options(opt);
        ObjectiveGradient f = sim.gradient(p, data, GradientMethod.FORWARD);
        ObjectiveGradient a = sim.gradient(p, data, GradientMethod.ADJOINT);
        report.metricAtMost(label + ": forward vs central FD (rel.)", relativeError(f.gradient(), fd), "", 1e-5);
        report.metricAtMost(label + ": adjoint vs central FD (rel.)", relativeError(a.gradient(), fd), "", 1e-5);
        double[] ms = times(List.of(() -> sim.simulate(p, times), () -> sim.gradient(p, data, GradientMethod.FORWARD),
                () -> sim.gradient(p, data, GradientMethod.ADJOINT)), 3);
        report.metric(label + ": forward-sensitivity cost (" + p.length + " parameters)", ms[1] / ms[0], "simulations");
        report.metric(label + ": adjoint cost (" + p.length + " parameters)", ms[2] / ms[0], "simulations");
    }

    /** Data = 1.1 × the nominal simulation, σ = 1. */
    static List<Measurement> data(CompiledNetwork net, double[] p, String obs, double[] times, OdeOptions opt) {
        Simulation s = Simulator.of(net).options(opt).simulate(p, times);
        int q = net.observableIndex(obs);
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            out.add(new Measurement(obs, s.times()[i], 1.1 * s.observables()[i][q], 1.0));
        }
        return out;
    }

    static double[] finiteDifferences(Simulator sim, double[] p, List<Measurement> data) {
        double[] g = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double h = 1e-4 * Math.max(Math.abs(p[k]), 1e-2);
            double[] a = p.clone();
            double[] b = p.clone();
            a[k] += h;
            b[k] -= h;
            g[k] = (sim.objective(a, data) - sim.objective(b, data)) / (2 * h);
        }
        return g;
    }

    static double relativeError(double[] g, double[] ref) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < g.length; k++) {
            num = Math.max(num, Math.abs(g[k] - ref[k]));
            den = Math.max(den, Math.abs(ref[k]));
        }
        return num / den;
    }

    /**
     * Measures the chain of length n.
     *
     * @param n       chain length
     * @param opt     tolerances
     * @param repeats timed repetitions (after one warm-up)
     * @param withFd  also compute central finite differences (2n simulations at rtol 1e-12)
     * @return the costs
     */
    public static ChainCost measureChain(int n, OdeOptions opt, int repeats, boolean withFd) {
        CompiledNetwork net = BuiltInModels.linearChain(n).compile();
        double[] p = net.nominalParameters();
        List<Measurement> data = data(net, p, "xN", BuiltInModels.chainTimes(n), opt);
        Simulator sim = Simulator.of(net).options(opt);
        double[] times = BuiltInModels.chainTimes(n);
        ObjectiveGradient[] f = new ObjectiveGradient[1];
        ObjectiveGradient[] a = new ObjectiveGradient[1];
        double[] ms = times(List.of(() -> sim.simulate(p, times), () -> f[0] = sim.gradient(p, data, GradientMethod.FORWARD),
                () -> a[0] = sim.gradient(p, data, GradientMethod.ADJOINT)), repeats);
        double simMs = ms[0];
        double fwdMs = ms[1];
        double adjMs = ms[2];
        double diff = relativeError(a[0].gradient(), f[0].gradient());
        double fdErr = Double.NaN;
        double fdMs = Double.NaN;
        if (withFd) {
            double[][] g = new double[1][];
            fdMs = time(() -> g[0] = finiteDifferences(sim, p, data), 1);
            Simulator ref = Simulator.of(net).options(opt.withTolerances(1e-12, 1e-15));
            fdErr = relativeError(a[0].gradient(), finiteDifferences(ref, p, data));
        }
        return new ChainCost(n, simMs, fwdMs, adjMs, diff, fdErr, fdMs);
    }

    /**
     * Minimum wall times of several tasks measured in interleaved rounds (so that a change of load on a
     * shared machine affects all alike): each task is warmed up as in {@link #time}, then every round runs
     * every task once; at least {@code repeats} rounds and, for short tasks, about 1 s of rounds (at most 50).
     */
    private static double[] times(List<Supplier<?>> tasks, int repeats) {
        double total = 0;
        for (Supplier<?> t : tasks) {
            long t0 = System.nanoTime();
            t.get();
            double first = (System.nanoTime() - t0) * 1e-6;
            total += first;
            if (first < 2000) {
                for (int w = 1; w < 3 || (System.nanoTime() - t0 < 300_000_000L && w < 50); w++) {
                    t.get();
                }
            }
        }
        int rounds = total > 6000 ? 1 : (int) Math.min(50, Math.max(repeats, Math.ceil(1000 / Math.max(total, 1e-3))));
        double[] best = new double[tasks.size()];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < tasks.size(); k++) {
                long t0 = System.nanoTime();
                tasks.get(k).get();
                best[k] = Math.min(best[k], (System.nanoTime() - t0) * 1e-6);
            }
        }
        return best;
    }

    /**
     * Minimum wall time over the repeats (at least 1 s of runs, at most 50), after a JIT warm-up of at least
     * 3 runs or 0.3 s; a first run longer than 2 s is taken as it is (compilation is then negligible).
     */
    private static double time(Supplier<?> work, int repeats) {
        long first = System.nanoTime();
        work.get();
        double firstMs = (System.nanoTime() - first) * 1e-6;
        if (firstMs > 2000) {
            return firstMs;
        }
        for (int w = 1; w < 3 || (System.nanoTime() - first < 300_000_000L && w < 50); w++) {
            work.get();
        }
        double best = Double.POSITIVE_INFINITY;
        // short runs are repeated for at least 1 s: the minimum filters out interference on a shared machine
        int runs = (int) Math.min(50, Math.max(repeats, Math.ceil(1000 / Math.max(firstMs, 1e-3))));
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-6);
        }
        return best;
    }

    private static String csv(List<ChainCost> rows) {
        StringBuilder sb = new StringBuilder("n,simulation_ms,forward_ms,adjoint_ms,fd_ms,forward_ratio,adjoint_ratio,"
                + "adjoint_vs_forward,adjoint_vs_fd\n");
        for (ChainCost c : rows) {
            sb.append(c.n()).append(',').append(c.simulationMs()).append(',').append(c.forwardMs()).append(',')
                    .append(c.adjointMs()).append(',').append(Double.isNaN(c.fdMs()) ? "" : Double.toString(c.fdMs())).append(',')
                    .append(c.forwardRatio()).append(',').append(c.adjointRatio()).append(',').append(c.adjointVsForward())
                    .append(',').append(Double.isNaN(c.fdError()) ? "" : Double.toString(c.fdError())).append('\n');
        }
        return sb.toString();
    }
}
