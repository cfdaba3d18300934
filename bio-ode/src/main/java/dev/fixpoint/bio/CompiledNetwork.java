package dev.fixpoint.bio;

import dev.fixpoint.bio.ReactionNetwork.Reaction;
import dev.fixpoint.bio.ReactionNetwork.Term;
import dev.fixpoint.bio.expr.CompiledExpression;
import dev.fixpoint.bio.expr.Expression;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link ReactionNetwork} compiled for simulation: the right-hand side f(t, x, p), exact sparse
 * Jacobians ∂f/∂x and ∂f/∂p and ∂f/∂t (symbolic differentiation after inlining rules and compartment
 * sizes), initial states and their parameter derivatives, time events with their Jacobians,
 * observables with their gradients, and the discontinuity times of piecewise inputs. State layout:
 * species in declaration order; parameter layout: declaration order.
 *
 * <p>Holds the current parameter vector and scratch space: not thread-safe; compile one instance
 * per thread.
 */
public final class CompiledNetwork {
    final ReactionNetwork network;
    final int n;
    final int np;
    final int timeSlot;
    final double[] env;
    private final CompiledExpression[] rates;
    private final int[][] scatterRows;
    private final double[][] scatterCoeffs;
    private final double[] rateValues;
    final SparseDerivative jac;
    final SparseDerivative jacP;
    private final CompiledExpression[] rateTimeDerivatives;
    private final boolean autonomous;
    private final boolean linear;
    private final CompiledExpression[] initial;
    final SparseDerivative initialP;
    private final List<CompiledExpression> breakpointPrograms = new ArrayList<>();
    private final List<String> parameterDependentSwitches = new ArrayList<>();
    final TreeMap<Double, EventGroup> events = new TreeMap<>();
    private final CompiledExpression[] observables;
    final SparseDerivative observableX;
    final SparseDerivative observableP;
    private final Map<String, Integer> observableIndex = new LinkedHashMap<>();
    final int kl;
    final int ku;

    /** The events at one time: targets, new-value programs and their Jacobians. */
    static final class EventGroup {
        final double time;
        final int[] targets;
        final CompiledExpression[] values;
        final SparseDerivative dx;
        final SparseDerivative dp;

        EventGroup(double time, int[] targets, CompiledExpression[] values, SparseDerivative dx, SparseDerivative dp) {
            this.time = time;
            this.targets = targets;
            this.values = values;
            this.dx = dx;
            this.dp = dp;
        }
    }

    CompiledNetwork(ReactionNetwork net) {
        this.network = net;
        n = net.species.size();
        np = net.parameters.size();
        timeSlot = n + np;
        env = new double[n + np + 1];
        Map<String, Integer> slots = new HashMap<>();
        Map<String, Integer> speciesIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            slots.put(net.species.get(i).name(), i);
            speciesIndex.put(net.species.get(i).name(), i);
        }
        for (int k = 0; k < np; k++) {
            slots.put(net.parameters.get(k).name(), n + k);
            env[n + k] = net.parameters.get(k).value();
        }
        slots.put("time", timeSlot);
        Map<String, Expression> inline = new HashMap<>();
        Map<String, Double> volume = new HashMap<>();
        for (ReactionNetwork.Compartment c : net.compartments) {
            inline.put(c.name(), Expression.num(c.size()));
            volume.put(c.name(), c.size());
        }
        for (ReactionNetwork.AssignmentRule r : net.rules) {
            inline.put(r.name(), r.expression().substitute(inline::get));
        }
        List<String> speciesNames = net.species.stream().map(ReactionNetwork.Species::name).toList();
        List<String> parameterNames = net.parameters.stream().map(ReactionNetwork.Parameter::name).toList();

        int nr = net.reactions.size();
        rates = new CompiledExpression[nr];
        scatterRows = new int[nr][];
        scatterCoeffs = new double[nr][];
        rateValues = new double[nr];
        rateTimeDerivatives = new CompiledExpression[nr];
        jac = new SparseDerivative(n, n);
        jacP = new SparseDerivative(n, np);
        for (int i = 0; i < n; i++) {
            jac.entry(i, i); // the diagonal is always in the pattern (shift·I − J)
        }
        boolean constantJacobian = true;
        boolean auto = true;
        TreeSet<String> breakpointKeys = new TreeSet<>();
        for (int r = 0; r < nr; r++) {
            Reaction re = net.reactions.get(r);
            Expression v = re.rate().substitute(inline::get);
            rates[r] = compile(v, slots, "rate of reaction '" + re.id() + "'");
            Map<Integer, Double> net1 = new LinkedHashMap<>();
            for (Term t : re.reactants()) {
                int i = speciesIndex.get(t.species());
                net1.merge(i, -t.coefficient() / volume.get(net.species.get(i).compartment()), Double::sum);
            }
            for (Term t : re.products()) {
                int i = speciesIndex.get(t.species());
                net1.merge(i, t.coefficient() / volume.get(net.species.get(i).compartment()), Double::sum);
            }
            net1.values().removeIf(c -> c == 0);
            scatterRows[r] = net1.keySet().stream().mapToInt(Integer::intValue).toArray();
            scatterCoeffs[r] = net1.values().stream().mapToDouble(Double::doubleValue).toArray();
            for (String s : v.symbols()) {
                Integer j = speciesIndex.get(s);
                if (j != null) {
                    Expression d = v.derivative(s);
                    if (!(d instanceof Expression.Num z && z.value() == 0)) {
                        jac.term(compile(d, slots, "∂rate/∂" + s), scatterRows[r], scatterCoeffs[r], j);
                        constantJacobian &= d.symbols().stream().noneMatch(x -> x.equals("time") || speciesIndex.containsKey(x));
                    }
                }
                int k = parameterNames.indexOf(s);
                if (k >= 0) {
                    Expression d = v.derivative(s);
                    if (!(d instanceof Expression.Num z && z.value() == 0)) {
                        jacP.term(compile(d, slots, "∂rate/∂" + s), scatterRows[r], scatterCoeffs[r], k);
                    }
                }
            }
            Expression dt = v.derivative("time");
            if (!(dt instanceof Expression.Num z && z.value() == 0)) {
                rateTimeDerivatives[r] = compile(dt, slots, "∂rate/∂time");
                auto = false;
            }
            collectBreakpoints(v, speciesNames, slots, breakpointKeys);
        }
        autonomous = auto;
        linear = constantJacobian;
        jac.build();
        jacP.build();
        int lo = 0;
        int up = 0;
        for (int e = 0; e < jac.nonZeros(); e++) {
            lo = Math.max(lo, jac.entryRow[e] - jac.entryCol[e]);
            up = Math.max(up, jac.entryCol[e] - jac.entryRow[e]);
        }
        kl = lo;
        ku = up;

        initial = new CompiledExpression[n];
        initialP = new SparseDerivative(n, np);
        for (int i = 0; i < n; i++) {
            ReactionNetwork.Species s = net.species.get(i);
            Expression e = s.initial().substitute(inline::get);
            for (String sym : e.symbols()) {
                if (speciesIndex.containsKey(sym) || sym.equals("time")) {
                    throw new FixpointException("ModelDefinition", "initial value of species '" + s.name()
                            + "' may only use parameters and compartments, but uses '" + sym + "'");
                }
            }
            initial[i] = compile(e, slots, "initial value of '" + s.name() + "'");
            for (String sym : e.symbols()) {
                int k = parameterNames.indexOf(sym);
                if (k >= 0) {
                    initialP.term(compile(e.derivative(sym), slots, "initial"), new int[]{i}, new double[]{1}, k);
                }
            }
        }
        initialP.build();

        Map<Double, List<ReactionNetwork.TimeEvent>> byTime = new TreeMap<>();
        for (ReactionNetwork.TimeEvent ev : net.events) {
            byTime.computeIfAbsent(ev.time(), k -> new ArrayList<>()).add(ev);
        }
        for (Map.Entry<Double, List<ReactionNetwork.TimeEvent>> g : byTime.entrySet()) {
            List<ReactionNetwork.TimeEvent> list = g.getValue();
            int[] targets = new int[list.size()];
            CompiledExpression[] values = new CompiledExpression[list.size()];
            SparseDerivative dx = new SparseDerivative(list.size(), n);
            SparseDerivative dp = new SparseDerivative(list.size(), np);
            for (int q = 0; q < list.size(); q++) {
                Expression e = list.get(q).value().substitute(inline::get);
                targets[q] = speciesIndex.get(list.get(q).target());
                values[q] = compile(e, slots, "event on '" + list.get(q).target() + "'");
                derivatives(e, speciesNames, parameterNames, slots, dx, dp, q);
            }
            events.put(g.getKey(), new EventGroup(g.getKey(), targets, values, dx.build(), dp.build()));
        }

        int no = net.observables.size();
        observables = new CompiledExpression[no];
        observableX = new SparseDerivative(no, n);
        observableP = new SparseDerivative(no, np);
        for (int q = 0; q < no; q++) {
            ReactionNetwork.Observable ob = net.observables.get(q);
            Expression e = ob.expression().substitute(inline::get);
            observables[q] = compile(e, slots, "observable '" + ob.name() + "'");
            derivatives(e, speciesNames, parameterNames, slots, observableX, observableP, q);
            observableIndex.put(ob.name(), q);
        }
        observableX.build();
        observableP.build();
    }

    private static void derivatives(Expression e, List<String> species, List<String> params, Map<String, Integer> slots,
                                    SparseDerivative dx, SparseDerivative dp, int row) {
        for (String sym : e.symbols()) {
            int j = species.indexOf(sym);
            if (j >= 0) {
                dx.term(compile(e.derivative(sym), slots, "derivative"), new int[]{row}, new double[]{1}, j);
            }
            int k = params.indexOf(sym);
            if (k >= 0) {
                dp.term(compile(e.derivative(sym), slots, "derivative"), new int[]{row}, new double[]{1}, k);
            }
        }
    }

    private static CompiledExpression compile(Expression e, Map<String, Integer> slots, String where) {
        try {
            return CompiledExpression.compile(e, slots);
        } catch (FixpointException ex) {
            throw new FixpointException(ex.id(), where + ": " + ex.getMessage().replaceFirst("^\\[fixpoint/[^]]*] ", ""));
        }
    }

    /** Finds comparisons of {@code time} with parameter expressions inside piecewise conditions. */
    private void collectBreakpoints(Expression e, List<String> species, Map<String, Integer> slots, TreeSet<String> seen) {
        if (e instanceof Expression.Binary b) {
            if (b.op().ordinal() >= Expression.BinaryOp.LT.ordinal() && b.op().ordinal() <= Expression.BinaryOp.NE.ordinal()) {
                Expression other = b.a() instanceof Expression.Sym s && s.name().equals("time") ? b.b()
                        : b.b() instanceof Expression.Sym s2 && s2.name().equals("time") ? b.a() : null;
                if (other != null && other.symbols().stream().noneMatch(x -> x.equals("time") || species.contains(x))
                        && seen.add(other.toString())) {
                    breakpointPrograms.add(CompiledExpression.compile(other, slots));
                    if (other.symbols().stream().anyMatch(x -> slots.containsKey(x) && slots.get(x) >= n && slots.get(x) < n + np)) {
                        parameterDependentSwitches.add(other.toString());
                    }
                }
            }
            collectBreakpoints(b.a(), species, slots, seen);
            collectBreakpoints(b.b(), species, slots, seen);
        } else if (e instanceof Expression.Neg ng) {
            collectBreakpoints(ng.a(), species, slots, seen);
        } else if (e instanceof Expression.Call c) {
            c.args().forEach(a -> collectBreakpoints(a, species, slots, seen));
        } else if (e instanceof Expression.Piecewise p) {
            p.values().forEach(a -> collectBreakpoints(a, species, slots, seen));
            p.conditions().forEach(a -> collectBreakpoints(a, species, slots, seen));
            collectBreakpoints(p.otherwise(), species, slots, seen);
        }
    }

    static void checkDomain(String name, double value, double lower, double upper) {
        if (!(value >= lower && value <= upper)) {
            throw new FixpointException("ParameterDomain", "parameter '" + name + "' = " + value + " is outside its domain ["
                    + lower + ", " + upper + "]");
        }
    }

    /** @return the model definition */
    public ReactionNetwork network() {
        return network;
    }

    /** @return number of species (state dimension) */
    public int speciesCount() {
        return n;
    }

    /** @return number of parameters */
    public int parameterCount() {
        return np;
    }

    /** @return number of observables */
    public int observableCount() {
        return observables.length;
    }

    /** @param name observable name @return its index @throws FixpointException {@code [fixpoint/UnknownObservable]} */
    public int observableIndex(String name) {
        Integer q = observableIndex.get(name);
        if (q == null) {
            throw new FixpointException("UnknownObservable", "unknown observable '" + name + "'; known: " + observableIndex.keySet());
        }
        return q;
    }

    /** @return the nominal parameter values (a copy) */
    public double[] nominalParameters() {
        double[] p = new double[np];
        for (int k = 0; k < np; k++) {
            p[k] = network.parameters.get(k).value();
        }
        return p;
    }

    /**
     * Sets the parameter vector used by all evaluations.
     *
     * @param p values in declaration order, length {@link #parameterCount()}
     * @throws FixpointException {@code [fixpoint/ParameterDomain]} naming a parameter outside its domain
     */
    public void setParameters(double[] p) {
        if (p.length != np) {
            throw new IllegalArgumentException("[fixpoint/ParameterCount] model '" + network.name + "' has " + np
                    + " parameters, got " + p.length + " values");
        }
        for (int k = 0; k < np; k++) {
            ReactionNetwork.Parameter par = network.parameters.get(k);
            checkDomain(par.name(), p[k], par.lower(), par.upper());
        }
        System.arraycopy(p, 0, env, n, np);
    }

    /** @return the current parameter vector (a copy) */
    public double[] parameters() {
        return Arrays.copyOfRange(env, n, n + np);
    }

    private void load(double t, double[] x) {
        System.arraycopy(x, 0, env, 0, n);
        env[timeSlot] = t;
    }

    /**
     * Evaluates f(t, x, p) with the current parameters.
     *
     * @param t    time
     * @param x    state (read only)
     * @param dxdt output (overwritten)
     */
    public void rhs(double t, double[] x, double[] dxdt) {
        load(t, x);
        Arrays.fill(dxdt, 0, n, 0);
        for (int r = 0; r < rates.length; r++) {
            double v = rates[r].evaluate(env);
            rateValues[r] = v;
            int[] rows = scatterRows[r];
            double[] c = scatterCoeffs[r];
            for (int q = 0; q < rows.length; q++) {
                dxdt[rows[q]] += c[q] * v;
            }
        }
    }

    /** @return the reaction rates of the last {@link #rhs} call (a view; amount per time) */
    double[] lastRates() {
        return rateValues;
    }

    /** @return true if no rate law depends explicitly on time between discontinuities */
    public boolean autonomous() {
        return autonomous;
    }

    /** @return true if ∂f/∂x depends on neither the state nor the time (a linear network with constant rates) */
    public boolean constantJacobian() {
        return linear;
    }

    /** Evaluates ∂f/∂t. @param t time @param x state @param out output (overwritten) */
    public void timeDerivative(double t, double[] x, double[] out) {
        load(t, x);
        Arrays.fill(out, 0, n, 0);
        for (int r = 0; r < rates.length; r++) {
            if (rateTimeDerivatives[r] != null) {
                double v = rateTimeDerivatives[r].evaluate(env);
                for (int q = 0; q < scatterRows[r].length; q++) {
                    out[scatterRows[r][q]] += scatterCoeffs[r][q] * v;
                }
            }
        }
    }

    /** @return number of structural non-zeros of ∂f/∂x (the diagonal is always included) */
    public int jacobianNonZeros() {
        return jac.nonZeros();
    }

    /** Evaluates the non-zeros of ∂f/∂x in pattern order. @param t time @param x state @param values output */
    void jacobian(double t, double[] x, double[] values) {
        load(t, x);
        jac.evaluate(env, values);
    }

    /** Evaluates the non-zeros of ∂f/∂p in pattern order. */
    void jacobianP(double t, double[] x, double[] values) {
        load(t, x);
        jacP.evaluate(env, values);
    }

    /** @return lower bandwidth of ∂f/∂x */
    public int lowerBandwidth() {
        return kl;
    }

    /** @return upper bandwidth of ∂f/∂x */
    public int upperBandwidth() {
        return ku;
    }

    /** Writes the initial state for the current parameters. @param x0 output, length n */
    public void initialState(double[] x0) {
        for (int i = 0; i < n; i++) {
            x0[i] = initial[i].evaluate(env);
        }
    }

    /** Writes dx0/dp, column-major by parameter (entry (i, k) at k·n + i). @param s0 output, length n·np */
    public void initialSensitivity(double[] s0) {
        Arrays.fill(s0, 0, n * np, 0);
        double[] v = initialP.scratch();
        initialP.evaluate(env, v);
        for (int e = 0; e < initialP.nonZeros(); e++) {
            s0[initialP.entryCol[e] * n + initialP.entryRow[e]] += v[e];
        }
    }

    /**
     * @return switching times of piecewise expressions that depend on parameters (as text); gradients treat
     *         switching times as fixed, so they miss the jump terms with respect to those parameters
     */
    public List<String> parameterDependentSwitchingTimes() {
        return List.copyOf(parameterDependentSwitches);
    }

    /** @return sorted discontinuity times for the current parameters: piecewise switching times and event times */
    public double[] discontinuities() {
        TreeSet<Double> t = new TreeSet<>(events.keySet());
        for (CompiledExpression b : breakpointPrograms) {
            double v = b.evaluate(env);
            if (Double.isFinite(v)) {
                t.add(v);
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Applies the events at time t (if any) to x.
     *
     * @param t time
     * @param x state before (overwritten with the state after)
     * @return true if events were applied
     */
    public boolean applyEvents(double t, double[] x) {
        EventGroup g = events.get(t);
        if (g == null) {
            return false;
        }
        load(t, x);
        double[] nv = new double[g.targets.length];
        for (int q = 0; q < nv.length; q++) {
            nv[q] = g.values[q].evaluate(env);
        }
        for (int q = 0; q < nv.length; q++) {
            x[g.targets[q]] = nv[q];
        }
        return true;
    }

    /**
     * Evaluates an observable.
     *
     * @param q index
     * @param t time
     * @param x state
     * @return its value
     */
    public double observable(int q, double t, double[] x) {
        load(t, x);
        return observables[q].evaluate(env);
    }

    /** @return name of species i */
    public String speciesName(int i) {
        return network.species.get(i).name();
    }

    /** @return name of parameter k */
    public String parameterName(int k) {
        return network.parameters.get(k).name();
    }
}
