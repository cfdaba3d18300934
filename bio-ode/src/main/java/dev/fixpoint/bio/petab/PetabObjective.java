package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ObjectiveGradient;
import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.Simulation;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.sbml.SbmlImporter;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The PEtab negative log-likelihood, normalisation constants included: for normal noise
 * ½ log(2πσ²) + ½ ((h(y) − h(m))/σ)², for Laplace noise log(2σ) + |h(y) − h(m)|/σ, where h is the
 * observable transformation (lin, log, log10) and, for log/log10, the Jacobian term log(m) or
 * log(m ln 10) of the measurement m. Each simulation condition (with its pre-equilibration
 * condition) is simulated. A condition without pre-equilibration is compiled once (the SBML file is parsed
 * once per condition) with the PEtab parameters as model parameters, so that the gradient with respect to the
 * estimated parameters on their scales is available by adjoint or forward sensitivities ({@link #gradient});
 * a condition with pre-equilibration is rebuilt with the steady state at every evaluation and has no gradient
 * yet. Not thread-safe.
 */
public final class PetabObjective {

    private static final Pattern SYMBOL = Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");
    private final PetabProblem problem;
    private final Set<String> modelParameters;
    private final Set<String> species;
    private final Set<String> compartments;
    private final List<String> estimated;
    private OdeOptions options = OdeOptions.defaults().withTolerances(1e-8, 1e-12);
    private final Map<List<String>, Group> cache = new HashMap<>();

    /** @param problem the PEtab problem; its model is read once here to learn its ids */
    public PetabObjective(PetabProblem problem) {
        this.problem = problem;
        ReactionNetwork base = SbmlImporter.read(problem.model());
        modelParameters = base.parameters().stream().map(ReactionNetwork.Parameter::name).collect(Collectors.toSet());
        species = base.species().stream().map(ReactionNetwork.Species::name).collect(Collectors.toSet());
        compartments = base.species().stream().map(ReactionNetwork.Species::compartment).collect(Collectors.toSet());
        estimated = problem.parameters().values().stream().filter(PetabProblem.Parameter::estimate)
                .map(PetabProblem.Parameter::id).toList();
    }

    /** @return the PEtab problem this objective evaluates */
    public PetabProblem problem() {
        return problem;
    }

    /** @return the ids of the estimated parameters, in parameter-table order (the order of θ) */
    public List<String> estimated() {
        return estimated;
    }

    /** @return the nominal values of the estimated parameters on their scales [estimated().size()] */
    public double[] nominalScaled() {
        double[] th = new double[estimated.size()];
        for (int i = 0; i < th.length; i++) {
            PetabProblem.Parameter par = problem.parameters().get(estimated.get(i));
            th[i] = par.scale().toScale(par.nominal());
        }
        return th;
    }

    /**
     * @param theta estimated parameters on their scales [estimated().size()]
     * @return linear values of every parameter of the table (the others at their nominal values)
     */
    public Map<String, Double> linearValues(double[] theta) {
        if (theta.length != estimated.size()) {
            throw new IllegalArgumentException("[fixpoint/PetabParameters] need " + estimated.size()
                    + " estimated values, got " + theta.length);
        }
        Map<String, Double> v = new LinkedHashMap<>();
        problem.parameters().values().forEach(p -> v.put(p.id(), p.nominal()));
        for (int i = 0; i < theta.length; i++) {
            v.put(estimated.get(i), problem.parameters().get(estimated.get(i)).scale().fromScale(theta[i]));
        }
        return v;
    }

    /**
     * @param theta estimated parameters on their scales [estimated().size()]
     * @return the negative log-likelihood
     */
    public double value(double[] theta) {
        return negLogLikelihood(linearValues(theta));
    }

    /**
     * The negative log-likelihood and its gradient with respect to the estimated parameters on their PEtab scales
     * (chain rule d v/d θ = 1, v, v ln 10 for lin, log, log10). Covers normal and Laplace noise, lin/log/log10
     * observable transformations, and estimated observable (scaling, offset) and noise parameters. Conditions with
     * pre-equilibration are not yet supported.
     *
     * @param theta    estimated parameters on their scales [estimated().size()]
     * @param method   FORWARD, ADJOINT or AUTO
     * @param gradient out: d NLL / d θ [estimated().size()], overwritten
     * @return the negative log-likelihood
     */
    public double gradient(double[] theta, GradientMethod method, double[] gradient) {
        Map<String, Double> values = linearValues(theta);
        if (gradient.length != theta.length) {
            throw new IllegalArgumentException("[fixpoint/PetabParameters] gradient needs length " + theta.length
                    + ", got " + gradient.length);
        }
        Map<String, Double> dv = new HashMap<>();
        double nll = 0;
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : groups().entrySet()) {
            if (!g.getKey().get(0).isEmpty()) {
                throw new FixpointException("PetabGradient", "condition '" + g.getKey().get(1) + "' is pre-equilibrated with '"
                        + g.getKey().get(0) + "'; gradients with pre-equilibration are not supported yet");
            }
            Group gr = group(g.getKey().get(1), g.getValue(), values);
            ObjectiveGradient og = gr.simulator.options(options).gradient(gr.parameters(values), gr.times, gr.loss, method);
            nll += og.value();
            for (int k = 0; k < gr.source.length; k++) {
                if (gr.source[k] != null) {
                    dv.merge(gr.source[k], og.gradient()[k], Double::sum);
                }
            }
        }
        for (int i = 0; i < theta.length; i++) {
            String id = estimated.get(i);
            double v = values.get(id);
            double d = dv.getOrDefault(id, 0.0);
            gradient[i] = switch (problem.parameters().get(id).scale()) {
                case LIN -> d;
                case LOG -> d * v;
                case LOG10 -> d * v * Math.log(10);
            };
        }
        return nll;
    }

    private Map<List<String>, List<PetabProblem.Measurement>> groups() {
        Map<List<String>, List<PetabProblem.Measurement>> groups = new LinkedHashMap<>();
        for (PetabProblem.Measurement m : problem.measurements()) {
            groups.computeIfAbsent(List.of(m.preequilibration(), m.condition()), k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** Index of each measurement in the measurement table (identity, so that equal rows stay distinct). */
    private int[] indices(List<PetabProblem.Measurement> ms) {
        Map<PetabProblem.Measurement, List<Integer>> where = new java.util.IdentityHashMap<>();
        List<PetabProblem.Measurement> all = problem.measurements();
        for (int i = 0; i < all.size(); i++) {
            where.computeIfAbsent(all.get(i), k -> new ArrayList<>()).add(i);
        }
        int[] idx = new int[ms.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = where.get(ms.get(k)).remove(0);
        }
        return idx;
    }

    /** A simulation condition compiled once: the model with the PEtab parameters as model parameters. */
    private static final class Group {
        CompiledNetwork net;
        Simulator simulator;
        /** PEtab parameter id that sets each model parameter, or null to keep the compiled value. */
        String[] source;
        double[] times;
        Simulator.ObservableLoss loss;
        /** Per output (time-sorted): observable index, noise index, index in the measurement table. */
        int[] obsIndex;
        int[] noiseIndex;
        int[] measurement;

        double[] parameters(Map<String, Double> values) {
            double[] p = net.nominalParameters();
            for (int k = 0; k < p.length; k++) {
                if (source[k] != null) {
                    p[k] = values.get(source[k]);
                }
            }
            return p;
        }
    }

    private Group group(String sim, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
        Group cached = cache.get(List.of("", sim));
        if (cached != null) {
            return cached;
        }
        Map<String, Double> o = new HashMap<>();
        Map<String, String> mapped = new HashMap<>();
        for (Map.Entry<String, String> e : problem.conditions().get(sim).entrySet()) {
            String target = e.getKey();
            String text = e.getValue();
            Double number = null;
            try {
                number = Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                if (!problem.parameters().containsKey(text)) {
                    throw new FixpointException("PetabParameters", "condition '" + sim + "', column '" + target + "': '" + text
                            + "' is neither a number nor a parameter of the parameter table");
                }
            }
            if (number != null) {
                if (!Double.isNaN(number)) {
                    o.put(target, number);
                }
            } else if (modelParameters.contains(target)) {
                mapped.put(target, text);
            } else {
                throw new FixpointException("PetabParameters", "condition '" + sim + "', column '" + target
                        + "': setting a species or compartment to the parameter '" + text + "' is not supported");
            }
        }
        ReactionNetwork.Builder b = SbmlImporter.builder(problem.model(), o);
        List<PetabProblem.Measurement> sorted = new ArrayList<>(ms);
        sorted.sort((x, y) -> Double.compare(x.time(), y.time()));
        Map<String, String> formulas = new LinkedHashMap<>();
        String[] obsName = new String[sorted.size()];
        String[] noiseName = new String[sorted.size()];
        Set<String> extra = new java.util.LinkedHashSet<>();
        for (int k = 0; k < sorted.size(); k++) {
            PetabProblem.Measurement m = sorted.get(k);
            PetabProblem.Observable ob = problem.observables().get(m.observableId());
            obsName[k] = name(formulas, symbolic(ob.formula(), "observableParameter", ob.id(), m.observableParameters(), m, extra));
            noiseName[k] = name(formulas, symbolic(ob.noiseFormula(), "noiseParameter", ob.id(), m.noiseParameters(), m, extra));
        }
        for (String id : extra) {
            PetabProblem.Parameter par = problem.parameters().get(id);
            if (par.scale() == PetabProblem.Scale.LIN) {
                b.parameter(id, values.get(id), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            } else {
                b.parameter(id, values.get(id));
            }
        }
        formulas.forEach((f, n) -> b.observable(n, f));
        Group g = new Group();
        g.net = b.build().compile();
        g.simulator = Simulator.of(g.net);
        g.source = new String[g.net.parameterCount()];
        for (int k = 0; k < g.source.length; k++) {
            String name = g.net.parameterName(k);
            if (mapped.containsKey(name)) {
                g.source[k] = mapped.get(name);
            } else if (!o.containsKey(name) && problem.parameters().containsKey(name)) {
                g.source[k] = name;
            }
        }
        g.times = sorted.stream().mapToDouble(PetabProblem.Measurement::time).toArray();
        int[] oi = new int[sorted.size()];
        int[] ni = new int[sorted.size()];
        PetabProblem.Observable[] obs = new PetabProblem.Observable[sorted.size()];
        double[] data = new double[sorted.size()];
        for (int k = 0; k < oi.length; k++) {
            oi[k] = g.net.observableIndex(obsName[k]);
            ni[k] = g.net.observableIndex(noiseName[k]);
            obs[k] = problem.observables().get(sorted.get(k).observableId());
            data[k] = sorted.get(k).value();
        }
        g.loss = (k, t, y, dy) -> term(obs[k], y[oi[k]], data[k], y[ni[k]], dy, oi[k], ni[k]);
        g.obsIndex = oi;
        g.noiseIndex = ni;
        g.measurement = indices(sorted);
        cache.put(List.of("", sim), g);
        return g;
    }

    /**
     * Replaces placeholders by their overrides (numbers in parentheses, parameter ids by name) and records the
     * parameter-table ids that the formula uses and the model does not define.
     */
    private String symbolic(String formula, String kind, String obsId, List<String> overrides, PetabProblem.Measurement m,
                            Set<String> extra) {
        Matcher mt = SYMBOL.matcher(formula);
        StringBuilder sb = new StringBuilder();
        String suffix = "_" + obsId;
        while (mt.find()) {
            String sym = mt.group();
            String rep = sym;
            if (sym.startsWith(kind) && sym.endsWith(suffix)) {
                int n;
                try {
                    n = Integer.parseInt(sym.substring(kind.length(), sym.length() - suffix.length()));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > overrides.size()) {
                    throw new FixpointException("BadPetab", "measurement of '" + obsId + "' at t=" + m.time() + ": placeholder '"
                            + sym + "' needs " + kind + "s with at least " + Math.max(n, 1) + " value(s), got " + overrides);
                }
                String text = overrides.get(n - 1);
                try {
                    rep = "(" + Double.parseDouble(text) + ")";
                } catch (NumberFormatException e) {
                    if (!problem.parameters().containsKey(text)) {
                        throw new FixpointException("PetabParameters", "measurement of '" + obsId + "' at t=" + m.time() + ": '"
                                + text + "' is neither a number nor a parameter of the parameter table");
                    }
                    rep = text;
                }
            }
            if (problem.parameters().containsKey(rep) && !modelParameters.contains(rep) && !species.contains(rep)
                    && !compartments.contains(rep)) {
                extra.add(rep);
            }
            mt.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        mt.appendTail(sb);
        return sb.toString();
    }

    /** @param o integration tolerances and limits (default rtol 1e-8, atol 1e-12) @return this */
    public PetabObjective options(OdeOptions o) {
        this.options = o;
        return this;
    }

    /** @return the negative log-likelihood at the nominal values of the parameter table */
    public double atNominal() {
        Map<String, Double> v = new LinkedHashMap<>();
        problem.parameters().values().forEach(p -> v.put(p.id(), p.nominal()));
        return negLogLikelihood(v);
    }

    /**
     * @param values linear-scale values for every id of the parameter table
     * @return the negative log-likelihood over all measurements
     */
    public double negLogLikelihood(Map<String, Double> values) {
        Predictions pr = predict(values);
        double nll = 0;
        List<PetabProblem.Measurement> ms = problem.measurements();
        for (int i = 0; i < ms.size(); i++) {
            PetabProblem.Measurement m = ms.get(i);
            nll += term(problem.observables().get(m.observableId()), pr.simulated()[i], m.value(), pr.sigma()[i], null, 0, 0);
        }
        return nll;
    }

    /**
     * Model predictions for every row of the measurement table, in table order.
     *
     * @param simulated the observable formula's value (linear scale, before the observable transformation)
     *                  [measurements().size()]
     * @param sigma     the noise formula's value (σ on the transformed scale for normal noise, the scale b for
     *                  Laplace) [measurements().size()]
     */
    public record Predictions(double[] simulated, double[] sigma) {
    }

    /**
     * Simulates every condition once (no sensitivities).
     *
     * @param theta estimated parameters on their scales [estimated().size()]
     * @return the predictions for every measurement, in measurement-table order
     */
    public Predictions predict(double[] theta) {
        return predict(linearValues(theta));
    }

    /**
     * @param values linear-scale values for every id of the parameter table
     * @return the predictions for every measurement, in measurement-table order
     */
    public Predictions predict(Map<String, Double> values) {
        for (String id : problem.parameters().keySet()) {
            if (!values.containsKey(id)) {
                throw new FixpointException("PetabParameters", "no value for parameter '" + id + "'");
            }
        }
        int n = problem.measurements().size();
        Predictions pr = new Predictions(new double[n], new double[n]);
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : groups().entrySet()) {
            if (g.getKey().get(0).isEmpty()) {
                Group gr = group(g.getKey().get(1), g.getValue(), values);
                Simulation s = gr.simulator.options(options).simulate(gr.parameters(values), gr.times);
                for (int k = 0; k < gr.times.length; k++) {
                    pr.simulated()[gr.measurement[k]] = s.observables()[k][gr.obsIndex[k]];
                    pr.sigma()[gr.measurement[k]] = s.observables()[k][gr.noiseIndex[k]];
                }
            } else {
                condition(g.getKey().get(0), g.getKey().get(1), g.getValue(), values, pr);
            }
        }
        return pr;
    }

    private double resolve(String text, Map<String, Double> values, String where) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            Double v = values.get(text);
            if (v == null) {
                throw new FixpointException("PetabParameters", where + ": '" + text
                        + "' is neither a number nor a parameter of the parameter table");
            }
            return v;
        }
    }

    private Map<String, Double> overrides(String condition, Map<String, Double> values) {
        Map<String, Double> o = new HashMap<>();
        for (String id : problem.parameters().keySet()) {
            if (modelParameters.contains(id)) {
                o.put(id, values.get(id));
            }
        }
        if (!condition.isEmpty()) {
            for (Map.Entry<String, String> e : problem.conditions().get(condition).entrySet()) {
                double v = resolve(e.getValue(), values, "condition '" + condition + "', column '" + e.getKey() + "'");
                if (!Double.isNaN(v)) {
                    o.put(e.getKey(), v);
                }
            }
        }
        return o;
    }

    private void condition(String pre, String sim, List<PetabProblem.Measurement> ms, Map<String, Double> values,
                           Predictions out) {
        Map<String, Double> o = overrides(sim, values);
        if (!pre.isEmpty()) {
            CompiledNetwork pn = SbmlImporter.read(problem.model(), overrides(pre, values)).compile();
            double[] x = Simulator.of(pn).options(options).preequilibrate(true).simulate(pn.nominalParameters(), new double[]{0}).states()[0];
            Map<String, String> simValues = problem.conditions().get(sim);
            for (int i = 0; i < pn.speciesCount(); i++) {
                String s = pn.speciesName(i);
                if (!(simValues.containsKey(s) && !Double.isNaN(resolve(simValues.get(s), values, sim)))) {
                    o.put(s, x[i]);
                }
            }
        }
        ReactionNetwork.Builder b = SbmlImporter.builder(problem.model(), o);
        Map<String, String> formulas = new LinkedHashMap<>();
        String[] obsName = new String[ms.size()];
        String[] noiseName = new String[ms.size()];
        for (int k = 0; k < ms.size(); k++) {
            PetabProblem.Measurement m = ms.get(k);
            PetabProblem.Observable ob = problem.observables().get(m.observableId());
            obsName[k] = name(formulas, substitute(ob.formula(), "observableParameter", ob.id(), m.observableParameters(), values, m));
            noiseName[k] = name(formulas, substitute(ob.noiseFormula(), "noiseParameter", ob.id(), m.noiseParameters(), values, m));
        }
        formulas.forEach((f, n) -> b.observable(n, f));
        CompiledNetwork net = b.build().compile();
        double[] times = ms.stream().mapToDouble(PetabProblem.Measurement::time).toArray();
        Simulation s = Simulator.of(net).options(options).simulate(net.nominalParameters(), times);
        int[] idx = indices(ms);
        for (int k = 0; k < ms.size(); k++) {
            int row = Arrays.binarySearch(s.times(), ms.get(k).time());
            out.simulated()[idx[k]] = s.observables()[row][net.observableIndex(obsName[k])];
            out.sigma()[idx[k]] = s.observables()[row][net.observableIndex(noiseName[k])];
        }
    }

    private static String name(Map<String, String> formulas, String formula) {
        return formulas.computeIfAbsent(formula, f -> "petab_formula_" + formulas.size());
    }

    /** Replaces placeholders by their overrides and parameter-table ids that are not model parameters by their values. */
    private String substitute(String formula, String kind, String obsId, List<String> overrides, Map<String, Double> values,
                              PetabProblem.Measurement m) {
        Matcher mt = SYMBOL.matcher(formula);
        StringBuilder sb = new StringBuilder();
        String prefix = kind;
        String suffix = "_" + obsId;
        while (mt.find()) {
            String sym = mt.group();
            String rep = sym;
            if (sym.startsWith(prefix) && sym.endsWith(suffix)) {
                String digits = sym.substring(prefix.length(), sym.length() - suffix.length());
                int n;
                try {
                    n = Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > overrides.size()) {
                    throw new FixpointException("BadPetab", "measurement of '" + obsId + "' at t=" + m.time() + ": placeholder '"
                            + sym + "' needs " + kind + "s with at least " + Math.max(n, 1) + " value(s), got " + overrides);
                }
                rep = "(" + resolve(overrides.get(n - 1), values, "measurement of '" + obsId + "' at t=" + m.time()) + ")";
            } else if (values.containsKey(sym) && !modelParameters.contains(sym) && !species.contains(sym)) {
                rep = "(" + values.get(sym) + ")";
            }
            mt.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        mt.appendTail(sb);
        return sb.toString();
    }

    /** One measurement's NLL term; when dy is non-null adds ∂term/∂y to dy[iy] and ∂term/∂σ to dy[is]. */
    private static double term(PetabProblem.Observable ob, double y, double data, double sigma, double[] dy, int iy, int is) {
        double hy = y;
        double hd = data;
        double jac = 0;
        double dh = 1;
        switch (ob.transformation()) {
            case LOG -> {
                hy = Math.log(y);
                hd = Math.log(data);
                jac = Math.log(data);
                dh = 1 / y;
            }
            case LOG10 -> {
                hy = Math.log10(y);
                hd = Math.log10(data);
                jac = Math.log(data * Math.log(10));
                dh = 1 / (y * Math.log(10));
            }
            default -> {
            }
        }
        double r = (hy - hd) / sigma;
        boolean normal = ob.noise() == PetabProblem.Noise.NORMAL;
        if (dy != null) {
            dy[iy] += (normal ? r / sigma : Math.signum(r) / sigma) * dh;
            dy[is] += normal ? (1 - r * r) / sigma : (1 - Math.abs(r)) / sigma;
        }
        return jac + (normal
                ? 0.5 * Math.log(2 * Math.PI * sigma * sigma) + 0.5 * r * r
                : Math.log(2 * sigma) + Math.abs(r));
    }
}
