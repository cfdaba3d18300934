package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.sbml.SbmlImporter;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles the conditions of a PEtab problem: for each simulation condition (or pair of pre-equilibration and
 * simulation condition) the SBML model is read once with the condition table's values, the measurements'
 * observable and noise formulas (placeholders resolved) are added as observables, and the PEtab parameters become
 * model parameters, so that sensitivities with respect to them are available. Compiled conditions are cached.
 * Not thread-safe.
 */
final class ConditionCompiler {

    private final PetabProblem problem;
    private final Set<String> modelParameters;
    private final Set<String> species;
    private final Set<String> compartments;
    private final Map<List<String>, CompiledCondition> cache = new HashMap<>();
    /** SBML values of the model parameters (local ones as reaction_parameter). */
    private final Map<String, Double> modelValues = new HashMap<>();

    /** @param problem the PEtab problem; its model is read once here to learn its ids */
    ConditionCompiler(PetabProblem problem) {
        this.problem = problem;
        ReactionNetwork base = SbmlImporter.read(problem.model());
        modelParameters = base.parameters().stream().map(ReactionNetwork.Parameter::name).collect(Collectors.toSet());
        base.parameters().forEach(par -> modelValues.put(par.name(), par.value()));
        species = base.species().stream().map(ReactionNetwork.Species::name).collect(Collectors.toSet());
        compartments = base.species().stream().map(ReactionNetwork.Species::compartment).collect(Collectors.toSet());
    }

    /** @return the measurements grouped by (pre-equilibration condition or "", simulation condition), table order */
    Map<List<String>, List<PetabProblem.Measurement>> groups() {
        Map<List<String>, List<PetabProblem.Measurement>> groups = new LinkedHashMap<>();
        for (PetabProblem.Measurement m : problem.measurements()) {
            groups.computeIfAbsent(List.of(m.preequilibration(), m.condition()), k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** Index of each measurement in the measurement table (identity, so that equal rows stay distinct). */
    private int[] indices(List<PetabProblem.Measurement> ms) {
        Map<PetabProblem.Measurement, List<Integer>> where = new IdentityHashMap<>();
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

    /** One condition's column values split by target kind (numbers; NaN entries left out). */
    private record ConditionSettings(Map<String, Double> parameters, Map<String, String> mapped,
                                     Map<String, Double> species, Map<String, Double> compartments) {
    }

    private ConditionSettings settings(String condition) {
        ConditionSettings c = new ConditionSettings(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (Map.Entry<String, String> e : problem.conditions().get(condition).entrySet()) {
            String target = e.getKey();
            String text = e.getValue();
            double number;
            try {
                number = Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                if (!problem.parameters().containsKey(text)) {
                    throw new FixpointException("PetabParameters", "condition '" + condition + "', column '" + target + "': '"
                            + text + "' is neither a number nor a parameter of the parameter table");
                }
                if (!modelParameters.contains(target)) {
                    throw new FixpointException("PetabParameters", "condition '" + condition + "', column '" + target
                            + "': setting a species or compartment to the parameter '" + text + "' is not supported");
                }
                c.mapped().put(target, text);
                continue;
            }
            if (Double.isNaN(number)) {
                continue;
            }
            if (species.contains(target)) {
                c.species().put(target, number);
            } else if (compartments.contains(target)) {
                c.compartments().put(target, number);
            } else if (modelParameters.contains(target)) {
                c.parameters().put(target, number);
            } else {
                throw new FixpointException("PetabParameters", "condition '" + condition + "', column '" + target
                        + "': the model has no species, compartment holding species, or parameter of that id (pre-equilibrated conditions)");
            }
        }
        return c;
    }

    /**
     * @param key    a key of {@link #groups()}
     * @param ms     its measurements
     * @param values linear-scale values for every id of the parameter table (the values of extra observable and
     *               noise parameters when the condition is compiled; later calls return the cached condition)
     * @return the compiled condition (cached)
     */
    CompiledCondition group(List<String> key, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
        return key.get(0).isEmpty() ? simulationOnly(key.get(1), ms, values)
                : preequilibrated(key.get(0), key.get(1), ms, values);
    }

    /**
     * A simulation condition with a pre-equilibration condition, compiled once. PEtab rule: both conditions share
     * every parameter of the parameter table except the model parameters a condition sets (to a number or to
     * another table parameter); species a condition sets are the start of the steady-state search
     * (pre-equilibration) or replace the steady state (simulation); compartment sizes must agree.
     */
    private CompiledCondition preequilibrated(String pre, String sim, List<PetabProblem.Measurement> ms,
                                              Map<String, Double> values) {
        List<String> key = List.of(pre, sim);
        CompiledCondition cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ConditionSettings ps = settings(pre);
        ConditionSettings ss = settings(sim);
        if (!ps.compartments().equals(ss.compartments())) {
            throw new FixpointException("PetabParameters", "conditions '" + pre + "' (pre-equilibration) and '" + sim
                    + "' set different compartment sizes " + ps.compartments() + " and " + ss.compartments()
                    + "; changing a compartment after pre-equilibration is not supported");
        }
        Map<String, Double> o = new HashMap<>(ss.parameters());
        o.putAll(ss.compartments());
        CompiledCondition g = compile(SbmlImporter.builder(problem.model(), o), ms, values, ss.mapped(), o);
        CompiledCondition.Preequilibration pe = new CompiledCondition.Preequilibration();
        int n = g.net.speciesCount();
        int np = g.net.parameterCount();
        pe.source = new String[np];
        pe.fixed = new double[np];
        pe.conflict = new boolean[np];
        for (int k = 0; k < np; k++) {
            String name = g.net.parameterName(k);
            if (ps.mapped().containsKey(name)) {
                pe.source[k] = ps.mapped().get(name);
            } else if (ps.parameters().containsKey(name)) {
                pe.fixed[k] = ps.parameters().get(name);
            } else if (problem.parameters().containsKey(name)) {
                pe.source[k] = name;
            } else {
                pe.fixed[k] = modelValues.get(name);
            }
            pe.conflict[k] = pe.source[k] != null && !pe.source[k].equals(g.source[k]);
            if (pe.conflict[k] && pe.noGradient == null) {
                pe.noGradient = "model parameter '" + name + "' is '" + pe.source[k] + "' in the pre-equilibration condition '"
                        + pre + "' but " + (g.source[k] == null ? "fixed" : "'" + g.source[k] + "'") + " in the simulation "
                        + "condition '" + sim + "'";
            }
        }
        pe.start = new double[n];
        pe.reset = new double[n];
        for (int i = 0; i < n; i++) {
            pe.start[i] = ps.species().getOrDefault(g.net.speciesName(i), Double.NaN);
            pe.reset[i] = ss.species().getOrDefault(g.net.speciesName(i), Double.NaN);
        }
        g.pre = pe;
        cache.put(key, g);
        return g;
    }

    /** Adds the observable and noise formulas of the measurements to b, compiles it and maps its parameters. */
    private CompiledCondition compile(ReactionNetwork.Builder b, List<PetabProblem.Measurement> ms,
                                      Map<String, Double> values, Map<String, String> mapped, Map<String, Double> o) {
        List<PetabProblem.Measurement> sorted = new ArrayList<>(ms);
        sorted.sort((x, y) -> Double.compare(x.time(), y.time()));
        Map<String, String> formulas = new LinkedHashMap<>();
        String[] obsName = new String[sorted.size()];
        String[] noiseName = new String[sorted.size()];
        Set<String> extra = new LinkedHashSet<>();
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
        CompiledCondition g = new CompiledCondition();
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
        g.loss = (k, t, y, dy) -> MeasurementModel.negLogLikelihood(obs[k], y[oi[k]], data[k], y[ni[k]], dy, oi[k],
                ni[k]);
        g.obsIndex = oi;
        g.noiseIndex = ni;
        g.measurement = indices(sorted);
        return g;
    }

    /** A simulation condition without pre-equilibration, compiled once. */
    private CompiledCondition simulationOnly(String sim, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
        CompiledCondition cached = cache.get(List.of("", sim));
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
        CompiledCondition g = compile(SbmlImporter.builder(problem.model(), o), ms, values, mapped, o);
        cache.put(List.of("", sim), g);
        return g;
    }

    /**
     * Replaces placeholders by their overrides (numbers in parentheses, parameter ids by name) and records the
     * parameter-table ids that the formula uses and the model does not define.
     */
    private String symbolic(String formula, String kind, String obsId, List<String> overrides, PetabProblem.Measurement m,
                            Set<String> extra) {
        return Placeholders.resolve(formula, kind, obsId, overrides, problem.parameters().keySet(),
                "measurement of '" + obsId + "' at t=" + m.time(), rep -> {
                    if (problem.parameters().containsKey(rep) && !modelParameters.contains(rep) && !species.contains(rep)
                            && !compartments.contains(rep)) {
                        extra.add(rep);
                    }
                });
    }


    private static String name(Map<String, String> formulas, String formula) {
        return formulas.computeIfAbsent(formula, f -> "petab_formula_" + formulas.size());
    }
}
