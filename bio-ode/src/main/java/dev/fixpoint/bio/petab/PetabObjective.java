package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.CompiledNetwork;
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
 * condition) is simulated from a model rebuilt with the condition's values. Not thread-safe.
 */
public final class PetabObjective {

    private static final Pattern SYMBOL = Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");
    private final PetabProblem problem;
    private final Set<String> modelParameters;
    private final Set<String> species;
    private OdeOptions options = OdeOptions.defaults().withTolerances(1e-8, 1e-12);

    /** @param problem the PEtab problem; its model is read once here to learn its ids */
    public PetabObjective(PetabProblem problem) {
        this.problem = problem;
        ReactionNetwork base = SbmlImporter.read(problem.model());
        modelParameters = base.parameters().stream().map(ReactionNetwork.Parameter::name).collect(Collectors.toSet());
        species = base.species().stream().map(ReactionNetwork.Species::name).collect(Collectors.toSet());
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
        for (String id : problem.parameters().keySet()) {
            if (!values.containsKey(id)) {
                throw new FixpointException("PetabParameters", "no value for parameter '" + id + "'");
            }
        }
        Map<List<String>, List<PetabProblem.Measurement>> groups = new LinkedHashMap<>();
        for (PetabProblem.Measurement m : problem.measurements()) {
            groups.computeIfAbsent(List.of(m.preequilibration(), m.condition()), k -> new ArrayList<>()).add(m);
        }
        double nll = 0;
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : groups.entrySet()) {
            nll += condition(g.getKey().get(0), g.getKey().get(1), g.getValue(), values);
        }
        return nll;
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

    private double condition(String pre, String sim, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
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
        double nll = 0;
        for (int k = 0; k < ms.size(); k++) {
            PetabProblem.Measurement m = ms.get(k);
            int row = Arrays.binarySearch(s.times(), m.time());
            double y = s.observables()[row][net.observableIndex(obsName[k])];
            double sigma = s.observables()[row][net.observableIndex(noiseName[k])];
            nll += term(problem.observables().get(m.observableId()), y, m.value(), sigma);
        }
        return nll;
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

    private static double term(PetabProblem.Observable ob, double y, double data, double sigma) {
        double hy = y;
        double hd = data;
        double jac = 0;
        switch (ob.transformation()) {
            case LOG -> {
                hy = Math.log(y);
                hd = Math.log(data);
                jac = Math.log(data);
            }
            case LOG10 -> {
                hy = Math.log10(y);
                hd = Math.log10(data);
                jac = Math.log(data * Math.log(10));
            }
            default -> {
            }
        }
        double r = (hy - hd) / sigma;
        return jac + (ob.noise() == PetabProblem.Noise.NORMAL
                ? 0.5 * Math.log(2 * Math.PI * sigma * sigma) + 0.5 * r * r
                : Math.log(2 * sigma) + Math.abs(r));
    }
}
