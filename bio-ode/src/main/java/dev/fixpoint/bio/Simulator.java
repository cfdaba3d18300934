package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.DormandPrince54;
import dev.fixpoint.bio.ode.IntegratorStatistics;
import dev.fixpoint.bio.ode.OdeIntegrator;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.ode.OdeSystem;
import dev.fixpoint.bio.ode.RosenbrockIntegrator;
import dev.fixpoint.bio.ode.StepObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Simulates a {@link CompiledNetwork} and differentiates measurement objectives with respect to its
 * parameters: forward sensitivities or the continuous adjoint (with checkpointing), optionally
 * starting from a steady state (pre-equilibration, implicit sensitivities). Time runs from
 * {@link #startTime()}; the integration stops exactly at every output time, piecewise switching
 * time and event time. Configure with the fluent setters. Not thread-safe (the compiled model holds
 * the current parameters).
 */
public final class Simulator {

    /** The integration method. */
    public enum Method {
        /** RODAS4 (stiff, linearly implicit, exact Jacobian). */
        RODAS4,
        /** Dormand–Prince 5(4) (non-stiff). */
        DOPRI5
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Simulator.class);
    private final CompiledNetwork net;
    private boolean warnedSwitches;
    private Method method = Method.RODAS4;
    private OdeOptions options = OdeOptions.defaults().withTolerances(1e-8, 1e-12);
    private boolean preequilibrate;
    private double[] startState;
    private double[] startSensitivity;
    private Checkpointing checkpointing = Checkpointing.ALL_STEPS;
    /**
     * Measured with the ode-sensitivity suite (linear chain N = 1 … 500, Michaelis–Menten, step input, rtol 1e-8):
     * the adjoint was cheaper than forward sensitivities at every size, so AUTO uses forward sensitivities only
     * for models without parameters unless overridden.
     */
    private int autoCrossover = 0;
    private double startTime;
    private final IntegratorStatistics stats = new IntegratorStatistics();
    private int lastTrajectorySteps;

    private Simulator(CompiledNetwork net) {
        this.net = net;
    }

    /**
     * @param network the compiled model
     * @return a simulator with RODAS4, rtol 1e-8, atol 1e-12, start time 0, adjoint checkpointing ALL_STEPS and
     *         AUTO crossover 0 (the measured one)
     */
    public static Simulator of(CompiledNetwork network) {
        return new Simulator(network);
    }

    /** @param m the integration method @return this */
    public Simulator method(Method m) {
        this.method = m;
        return this;
    }

    /** @param o tolerances and limits @return this */
    public Simulator options(OdeOptions o) {
        this.options = o;
        return this;
    }

    /** @param on start from the steady state at the start time (Newton, fallback to integration) @return this */
    public Simulator preequilibrate(boolean on) {
        this.preequilibrate = on;
        return this;
    }

    /**
     * Replaces the model's initial values by a given start state (for example a steady state of another
     * condition, see {@link #steadyState}). Forward sensitivities start from {@code s0} and the adjoint adds
     * λ(t0)ᵀ s0 to the gradient. With {@link #preequilibrate} on, the steady state is searched from x0.
     *
     * @param x0 the state at the start time [speciesCount], copied; null restores the model's initial values
     * @param s0 d x0 / d p, column-major by parameter (entry (i, k) at k·n + i) [speciesCount·parameterCount],
     *           copied; null means zero
     * @return this
     */
    public Simulator initialState(double[] x0, double[] s0) {
        int n = net.n;
        if (x0 != null && x0.length != n) {
            throw new IllegalArgumentException("[fixpoint/InitialState] model '" + net.network().name() + "' has " + n
                    + " species, got a start state of length " + x0.length);
        }
        if (s0 != null && (x0 == null || s0.length != n * net.np)) {
            throw new IllegalArgumentException("[fixpoint/InitialState] start sensitivities need a start state and length "
                    + n + "·" + net.np + " = " + n * net.np + ", got " + s0.length);
        }
        this.startState = x0 == null ? null : x0.clone();
        this.startSensitivity = s0 == null ? null : s0.clone();
        return this;
    }

    /**
     * The steady state f(x*, p) = 0 with inputs frozen at the start time (damped Newton, falling back to
     * integration), and optionally its implicit sensitivities dx*&#47;dp = −(∂f/∂x)⁻¹ ∂f/∂p.
     *
     * @param p             parameters [parameterCount], validated against their domains; they stay set in the model
     * @param start         the state to search from [speciesCount] (not modified)
     * @param sensitivities out, or null: dx*&#47;dp column-major by parameter [speciesCount·parameterCount]
     * @return x* [speciesCount]
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/SteadyState]} when none is found,
     *         {@code [fixpoint/SteadyStateSingular]} when sensitivities are asked for and ∂f/∂x is singular
     */
    public double[] steadyState(double[] p, double[] start, double[] sensitivities) {
        int n = net.n;
        if (start.length != n || (sensitivities != null && sensitivities.length != n * net.np)) {
            throw new IllegalArgumentException("[fixpoint/SteadyState] model '" + net.network().name() + "' needs a start of "
                    + "length " + n + " and sensitivities of length " + n * net.np + ", got " + start.length + " and "
                    + (sensitivities == null ? "none" : String.valueOf(sensitivities.length)));
        }
        net.setParameters(p);
        SteadyState ss = SteadyState.solve(net, start, startTime, options, stats);
        if (sensitivities != null) {
            System.arraycopy(ss.sensitivities(net), 0, sensitivities, 0, n * net.np);
        }
        return ss.state();
    }

    /** @param c what the adjoint keeps of the forward solution @return this */
    public Simulator checkpointing(Checkpointing c) {
        this.checkpointing = c;
        return this;
    }

    /** @param t0 the start time of every simulation @return this */
    public Simulator startTime(double t0) {
        this.startTime = t0;
        return this;
    }

    /** @param parameters the largest parameter count for which AUTO uses forward sensitivities (≥ 0) @return this */
    public Simulator autoCrossover(int parameters) {
        if (parameters < 0) {
            throw new IllegalArgumentException("[fixpoint/AutoCrossover] must be ≥ 0, got " + parameters);
        }
        this.autoCrossover = parameters;
        return this;
    }

    /** @return the parameter count up to which AUTO chooses forward sensitivities */
    public int autoCrossover() {
        return autoCrossover;
    }

    /** @return the start time */
    public double startTime() {
        return startTime;
    }

    /** @return the compiled model */
    public CompiledNetwork network() {
        return net;
    }

    /** @return the number of steps stored by the last adjoint forward pass (memory indicator) */
    public int lastStoredSteps() {
        return lastTrajectorySteps;
    }

    /**
     * @param m the method requested
     * @return the method {@link #gradient} will use for this model
     */
    public GradientMethod resolve(GradientMethod m) {
        if (m != GradientMethod.AUTO) {
            return m;
        }
        return net.np <= autoCrossover ? GradientMethod.FORWARD : GradientMethod.ADJOINT;
    }

    private OdeIntegrator integrator() {
        return method == Method.RODAS4 ? new RosenbrockIntegrator(options) : new DormandPrince54(options);
    }

    /**
     * Simulates at the given output times.
     *
     * @param p     parameters (declaration order), validated against their domains
     * @param times output times, each ≥ the start time (any order; duplicates allowed)
     * @return states and observables at the sorted times
     */
    public Simulation simulate(double[] p, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        Pass pass = forward(p, sorted, false, null);
        double[][] obs = new double[sorted.length][net.observableCount()];
        for (int i = 0; i < sorted.length; i++) {
            for (int q = 0; q < obs[i].length; q++) {
                obs[i][q] = net.observable(q, sorted[i], pass.outputs[i]);
            }
        }
        return new Simulation(sorted, pass.outputs, obs, pass.stats);
    }

    /**
     * Observables and their parameter sensitivities dy/dp = ∂h/∂x·S + ∂h/∂p at the output times, by forward
     * sensitivities (S starts from the model's dx0/dp, the {@link #initialState} sensitivities, or the steady-state
     * sensitivities with {@link #preequilibrate}).
     *
     * @param p     parameters [parameterCount]
     * @param times output times, each ≥ the start time (any order; duplicates allowed)
     * @return observables and sensitivities at the sorted times
     */
    public ObservableSensitivities observableSensitivities(double[] p, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        Pass pass = forward(p, sorted, true, null);
        int n = net.n;
        int np = net.np;
        int nq = net.observableCount();
        double[][] obs = new double[sorted.length][nq];
        double[][][] sens = new double[sorted.length][nq][np];
        double[] vx = new double[net.observableX.nonZeros()];
        double[] vp = new double[net.observableP.nonZeros()];
        for (int m = 0; m < sorted.length; m++) {
            double[] x = pass.outputs[m];
            double[] s = pass.outputSens[m];
            observables(sorted[m], x, obs[m]);
            System.arraycopy(x, 0, net.env, 0, n);
            net.env[net.timeSlot] = sorted[m];
            net.observableX.evaluate(net.env, vx);
            net.observableP.evaluate(net.env, vp);
            double[][] d = sens[m];
            for (int e = 0; e < vx.length; e++) {
                double[] row = d[net.observableX.entryRow[e]];
                int i = net.observableX.entryCol[e];
                double v = vx[e];
                for (int k = 0; k < np; k++) {
                    row[k] += v * s[k * n + i];
                }
            }
            for (int e = 0; e < vp.length; e++) {
                d[net.observableP.entryRow[e]][net.observableP.entryCol[e]] += vp[e];
            }
        }
        return new ObservableSensitivities(sorted, obs, sens, pass.stats);
    }

    /**
     * @param p            parameters
     * @param measurements data
     * @return ½ Σ ((y − d)/σ)²
     */
    public double objective(double[] p, List<Measurement> measurements) {
        Data d = data(measurements);
        return objective(p, d.times, d.loss());
    }

    /**
     * A loss on the observables at each output time (for example a negative log-likelihood whose noise is
     * another observable).
     */
    @FunctionalInterface
    public interface ObservableLoss {
        /**
         * @param k  index of the output time in the sorted array passed to the simulator
         * @param t  the time
         * @param y  all observables at t [observableCount] (read only)
         * @param dy out: ∂loss/∂y [observableCount], zero on entry (write only the entries that depend on y)
         * @return the loss at this output time
         */
        double at(int k, double t, double[] y, double[] dy);
    }

    /**
     * @param p     parameters
     * @param times output times, sorted ascending (duplicates allowed), each ≥ the start time
     * @param loss  the loss at each output time
     * @return Σ_k loss_k
     */
    public double objective(double[] p, double[] times, ObservableLoss loss) {
        checkSorted(times);
        Pass pass = forward(p, times, false, null);
        double[] y = new double[net.observableCount()];
        double[] dy = new double[y.length];
        double v = 0;
        for (int m = 0; m < times.length; m++) {
            observables(times[m], pass.outputs[m], y);
            v += loss.at(m, times[m], y, dy);
        }
        return v;
    }

    /**
     * Value and gradient of the objective.
     *
     * @param p            parameters
     * @param measurements data
     * @param requested    FORWARD, ADJOINT or AUTO (see {@link #resolve})
     * @return value, gradient, the method used and the counters of all integrations
     */
    public ObjectiveGradient gradient(double[] p, List<Measurement> measurements, GradientMethod requested) {
        Data d = data(measurements);
        return gradient(p, d.times, d.loss(), requested);
    }

    /**
     * Value and gradient of Σ_k loss_k(y(t_k)) with respect to the parameters.
     *
     * @param p         parameters
     * @param times     output times, sorted ascending (duplicates allowed), each ≥ the start time
     * @param loss      the loss at each output time and its derivative in the observables
     * @param requested FORWARD, ADJOINT or AUTO (see {@link #resolve})
     * @return value, gradient [parameterCount], the method used and the counters of all integrations
     */
    public ObjectiveGradient gradient(double[] p, double[] times, ObservableLoss loss, GradientMethod requested) {
        checkSorted(times);
        GradientMethod m = resolve(requested);
        if (!warnedSwitches && !net.parameterDependentSwitchingTimes().isEmpty()) {
            warnedSwitches = true;
            LOG.warn("model '{}': switching times {} depend on parameters; gradients treat them as fixed (no jump terms)",
                    net.network().name(), net.parameterDependentSwitchingTimes());
        }
        return m == GradientMethod.FORWARD ? forwardGradient(p, times, loss) : adjointGradient(p, times, loss);
    }

    private static void checkSorted(double[] times) {
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] >= times[i - 1])) {
                throw new IllegalArgumentException("[fixpoint/OutputTime] output times must be sorted ascending, got "
                        + times[i - 1] + " before " + times[i]);
            }
        }
    }

    private void observables(double t, double[] x, double[] y) {
        for (int q = 0; q < y.length; q++) {
            y[q] = net.observable(q, t, x);
        }
    }

    /** Loss value and ∂loss/∂y at output k: fills dy (zeroed here) and returns the value. */
    private double lossAt(ObservableLoss loss, int k, double t, double[] x, double[] y, double[] dy) {
        observables(t, x, y);
        Arrays.fill(dy, 0);
        return loss.at(k, t, y, dy);
    }

    private record Data(double[] times, int[] obs, double[] values, double[] sigma) {
        ObservableLoss loss() {
            return (k, t, y, dy) -> {
                double r = (y[obs[k]] - values[k]) / sigma[k];
                dy[obs[k]] += r / sigma[k];
                return 0.5 * r * r;
            };
        }
    }

    private Data data(List<Measurement> ms) {
        List<Measurement> sorted = new ArrayList<>(ms);
        sorted.sort((a, b) -> Double.compare(a.time(), b.time()));
        int k = sorted.size();
        double[] t = new double[k];
        int[] o = new int[k];
        double[] v = new double[k];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            Measurement m = sorted.get(i);
            t[i] = m.time();
            o[i] = net.observableIndex(m.observable());
            v[i] = m.value();
            s[i] = m.sigma();
        }
        return new Data(t, o, v, s);
    }

    /** The forward solution at the output times and what the adjoint needs. */
    private static final class Pass {
        double[][] outputs;
        double[][] outputSens;
        double[] stops;
        double[][] startStates; // state at the start of each interval (after events)
        double[] startSteps;
        double[][] preEvent; // state at each stop before events
        List<DenseTrajectory> trajectories;
        double[] s0; // d x(t0) / dp, column-major by parameter
        IntegratorStatistics stats = new IntegratorStatistics();
    }

    private Pass forward(double[] p, double[] outTimes, boolean sens, Checkpointing record) {
        net.setParameters(p);
        int n = net.n;
        int np = net.np;
        for (double t : outTimes) {
            if (!(t >= startTime) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("[fixpoint/OutputTime] output/measurement time " + t
                        + " must be finite and ≥ the start time " + startTime);
            }
        }
        double tEnd = outTimes.length == 0 ? startTime : outTimes[outTimes.length - 1];
        TreeSet<Double> stopSet = new TreeSet<>();
        stopSet.add(startTime);
        for (double t : outTimes) {
            stopSet.add(t);
        }
        for (double t : net.discontinuities()) {
            if (t > startTime && t < tEnd) {
                stopSet.add(t);
            }
        }
        Pass pass = new Pass();
        pass.stops = stopSet.stream().mapToDouble(Double::doubleValue).toArray();
        int ns = pass.stops.length;
        double[] x0 = new double[n];
        net.initialState(x0);
        double[] s0 = new double[n * np];
        net.initialSensitivity(s0);
        if (startState != null) {
            x0 = startState.clone();
            s0 = startSensitivity == null ? new double[n * np] : startSensitivity.clone();
        }
        if (preequilibrate) {
            SteadyState ss = SteadyState.solve(net, x0, startTime, options, pass.stats);
            x0 = ss.state();
            s0 = ss.sensitivities(net);
        }
        pass.s0 = s0;
        int dim = sens ? n * (1 + np) : n;
        double[] y = new double[dim];
        System.arraycopy(x0, 0, y, 0, n);
        if (sens) {
            System.arraycopy(s0, 0, y, n, n * np);
        }
        OdeSystem system = sens ? new ForwardSensitivitySystem(net) : new ModelSystem(net);
        OdeIntegrator in = integrator();
        pass.outputs = new double[outTimes.length][];
        pass.outputSens = sens ? new double[outTimes.length][] : null;
        if (record != null) {
            pass.startStates = new double[ns][];
            pass.startSteps = new double[ns];
            pass.preEvent = new double[ns][];
            pass.trajectories = new ArrayList<>();
        }
        double h = 0;
        int out = 0;
        for (int j = 0; j < ns; j++) {
            double t = pass.stops[j];
            if (j > 0) {
                StepObserver obs = StepObserver.NONE;
                if (record == Checkpointing.ALL_STEPS) {
                    DenseTrajectory tr = new DenseTrajectory(n);
                    pass.trajectories.add(tr);
                    obs = tr;
                }
                if (record != null) {
                    pass.startSteps[j - 1] = h;
                }
                h = in.integrate(system, pass.stops[j - 1], y, t, h, obs);
            }
            if (record != null) {
                pass.preEvent[j] = Arrays.copyOf(y, n);
            }
            applyEvents(t, y, sens);
            if (record != null) {
                pass.startStates[j] = Arrays.copyOf(y, n);
            }
            while (out < outTimes.length && outTimes[out] == t) {
                pass.outputs[out] = Arrays.copyOf(y, n);
                if (sens) {
                    pass.outputSens[out] = Arrays.copyOfRange(y, n, dim);
                }
                out++;
            }
        }
        pass.stats.add(in.statistics());
        stats.add(in.statistics());
        return pass;
    }

    /** Applies the events at t to x (and the sensitivities S⁺ = ∂h/∂x S⁻ + ∂h/∂p when present). */
    private void applyEvents(double t, double[] y, boolean sens) {
        CompiledNetwork.EventGroup g = net.events.get(t);
        if (g == null) {
            return;
        }
        int n = net.n;
        int np = net.np;
        double[] x = Arrays.copyOf(y, n);
        if (sens) {
            System.arraycopy(x, 0, net.env, 0, n);
            net.env[net.timeSlot] = t;
            double[] dx = new double[g.dx.nonZeros()];
            double[] dp = new double[g.dp.nonZeros()];
            g.dx.evaluate(net.env, dx);
            g.dp.evaluate(net.env, dp);
            double[][] newRows = new double[g.targets.length][np];
            for (int e = 0; e < dx.length; e++) {
                for (int k = 0; k < np; k++) {
                    newRows[g.dx.entryRow[e]][k] += dx[e] * y[n + k * n + g.dx.entryCol[e]];
                }
            }
            for (int e = 0; e < dp.length; e++) {
                newRows[g.dp.entryRow[e]][g.dp.entryCol[e]] += dp[e];
            }
            for (int q = 0; q < g.targets.length; q++) {
                for (int k = 0; k < np; k++) {
                    y[n + k * n + g.targets[q]] = newRows[q][k];
                }
            }
        }
        net.applyEvents(t, x);
        System.arraycopy(x, 0, y, 0, n);
    }

    private ObjectiveGradient forwardGradient(double[] p, double[] times, ObservableLoss loss) {
        Pass pass = forward(p, times, true, null);
        double[] y = new double[net.observableCount()];
        double[] dy = new double[y.length];
        int n = net.n;
        int np = net.np;
        double[] grad = new double[np];
        double value = 0;
        double[] gx = new double[n];
        for (int m = 0; m < times.length; m++) {
            double[] x = pass.outputs[m];
            value += lossAt(loss, m, times[m], x, y, dy);
            Arrays.fill(gx, 0);
            observableGradient(times[m], x, dy, gx, grad);
            double[] s = pass.outputSens[m];
            for (int k = 0; k < np; k++) {
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += gx[i] * s[k * n + i];
                }
                grad[k] += acc;
            }
        }
        return new ObjectiveGradient(value, grad, GradientMethod.FORWARD, pass.stats);
    }

    /** gx += Σ_q w_q ∂h_q/∂x, gp += Σ_q w_q ∂h_q/∂p at (t, x). */
    private void observableGradient(double t, double[] x, double[] w, double[] gx, double[] gp) {
        System.arraycopy(x, 0, net.env, 0, net.n);
        net.env[net.timeSlot] = t;
        double[] vx = new double[net.observableX.nonZeros()];
        double[] vp = new double[net.observableP.nonZeros()];
        net.observableX.evaluate(net.env, vx);
        net.observableP.evaluate(net.env, vp);
        for (int e = 0; e < vx.length; e++) {
            gx[net.observableX.entryCol[e]] += w[net.observableX.entryRow[e]] * vx[e];
        }
        for (int e = 0; e < vp.length; e++) {
            gp[net.observableP.entryCol[e]] += w[net.observableP.entryRow[e]] * vp[e];
        }
    }

    private ObjectiveGradient adjointGradient(double[] p, double[] times, ObservableLoss loss) {
        Pass pass = forward(p, times, false, checkpointing);
        double[] yObs = new double[net.observableCount()];
        double[] dy = new double[yObs.length];
        int n = net.n;
        int np = net.np;
        double value = 0;
        double[] lambda = new double[n + np]; // [λ, μ]
        double[] mu = new double[np];
        double[] direct = new double[np];
        double[] gx = new double[n];
        int m = times.length - 1;
        int stored = 0;
        for (DenseTrajectory tr : pass.trajectories == null ? List.<DenseTrajectory>of() : pass.trajectories) {
            stored += tr.steps();
        }
        IntegratorStatistics backStats = new IntegratorStatistics();
        double h = 0;
        int maxStored = 0;
        for (int j = pass.stops.length - 1; j >= 0; j--) {
            double t = pass.stops[j];
            // measurement jumps (post-event state)
            while (m >= 0 && times[m] == t) {
                double[] x = pass.outputs[m];
                value += lossAt(loss, m, t, x, yObs, dy);
                Arrays.fill(gx, 0);
                observableGradient(t, x, dy, gx, direct);
                for (int i = 0; i < n; i++) {
                    lambda[i] += gx[i];
                }
                m--;
            }
            // event jumps: λ⁻ = (∂H/∂x)ᵀ λ⁺, μ += (∂h/∂p)ᵀ λ⁺_targets
            eventAdjoint(t, pass.preEvent[j], lambda);
            if (j == 0) {
                break;
            }
            DenseTrajectory tr;
            if (checkpointing == Checkpointing.ALL_STEPS) {
                tr = pass.trajectories.get(j - 1);
            } else {
                tr = new DenseTrajectory(n);
                OdeIntegrator re = integrator();
                double[] y = pass.startStates[j - 1].clone();
                net.setParameters(p);
                re.integrate(new ModelSystem(net), pass.stops[j - 1], y, t, pass.startSteps[j - 1], tr);
                backStats.add(re.statistics());
                maxStored = Math.max(maxStored, tr.steps());
            }
            OdeIntegrator back = integrator();
            AdjointSystem adj = new AdjointSystem(net, tr, mu);
            double[] l = Arrays.copyOf(lambda, n);
            h = back.integrate(adj, -t, l, -pass.stops[j - 1], h, adj);
            System.arraycopy(l, 0, lambda, 0, n);
            backStats.add(back.statistics());
        }
        lastTrajectorySteps = checkpointing == Checkpointing.ALL_STEPS ? stored : maxStored;
        double[] grad = new double[np];
        for (int k = 0; k < np; k++) {
            grad[k] = lambda[n + k] + mu[k] + direct[k];
        }
        if (preequilibrate) {
            // d x_ss/dp = (−J)⁻¹ f_p: contribution f_pᵀ (−J)⁻ᵀ λ(t0)
            double[] l0 = Arrays.copyOf(lambda, n);
            SteadyState.adjointContribution(net, pass.preEvent[0], startTime, l0, grad);
        } else {
            for (int k = 0; k < np; k++) {
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += pass.s0[k * n + i] * lambda[i];
                }
                grad[k] += acc;
            }
        }
        IntegratorStatistics all = new IntegratorStatistics();
        all.add(pass.stats);
        all.add(backStats);
        stats.add(backStats);
        return new ObjectiveGradient(value, grad, GradientMethod.ADJOINT, all);
    }

    private void eventAdjoint(double t, double[] xMinus, double[] lambda) {
        CompiledNetwork.EventGroup g = net.events.get(t);
        if (g == null) {
            return;
        }
        int n = net.n;
        System.arraycopy(xMinus, 0, net.env, 0, n);
        net.env[net.timeSlot] = t;
        double[] dx = new double[g.dx.nonZeros()];
        double[] dp = new double[g.dp.nonZeros()];
        g.dx.evaluate(net.env, dx);
        g.dp.evaluate(net.env, dp);
        double[] lt = new double[g.targets.length];
        for (int q = 0; q < lt.length; q++) {
            lt[q] = lambda[g.targets[q]];
        }
        for (int q = 0; q < lt.length; q++) {
            lambda[g.targets[q]] = 0;
        }
        for (int e = 0; e < dx.length; e++) {
            lambda[g.dx.entryCol[e]] += dx[e] * lt[g.dx.entryRow[e]];
        }
        for (int e = 0; e < dp.length; e++) {
            lambda[n + g.dp.entryCol[e]] += dp[e] * lt[g.dp.entryRow[e]];
        }
    }

    /** @return counters accumulated over all runs of this simulator */
    public IntegratorStatistics statistics() {
        return stats;
    }
}
