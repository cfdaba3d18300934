package dev.fixpoint.bio.sbml;

import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.core.FixpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Reads an SBML model (levels 2 and 3) into a {@link ReactionNetwork}. Species are concentrations
 * (initial amounts are divided by the compartment size), kinetic laws are in amount per time,
 * function definitions are inlined, local parameters become global parameters named
 * {@code reaction_parameter}, parameters with initial assignments or assignment rules become
 * assignment rules. Time-triggered events ({@code time > T} or {@code time ≥ T}, T a number or a constant
 * parameter fixed at import) that assign species become time events (the assignment is evaluated with the state
 * just before the event). Not supported (rejected with {@code [fixpoint/UnsupportedSbml]} naming the element): rate
 * rules, algebraic rules, state-triggered events, event delays and priorities, events assigning parameters, species
 * with only substance units, non-constant compartments, assignment rules on species.
 */
public final class SbmlImporter {

    private SbmlImporter() {
    }

    /**
     * @param file the SBML file
     * @return the model with the file's values
     */
    public static ReactionNetwork read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads a model, replacing values: a parameter's value, a compartment's size or a species'
     * initial concentration (which then replaces any initial assignment of it).
     *
     * @param file      the SBML file
     * @param overrides id → value; ids that the model does not define are an error
     * @return the model
     */
    public static ReactionNetwork read(Path file, Map<String, Double> overrides) {
        return builder(file, overrides).build();
    }

    /**
     * Like {@link #read(Path, Map)} but returns the unfinished builder, so that observables can be added.
     *
     * @param file      the SBML file
     * @param overrides id → value (parameters, compartment sizes, species initial concentrations)
     * @return the builder holding the whole model
     */
    public static ReactionNetwork.Builder builder(Path file, Map<String, Double> overrides) {
        SBMLDocument doc = parse(file);
        Model m = doc.getModel();
        String f = file.getFileName().toString();
        if (m == null) {
            throw new FixpointException("BadSbml", f + ": the document has no <model>");
        }
        return build(m, f, overrides);
    }

    private static SBMLDocument parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FixpointException("BadSbml", file + ": no such file");
        }
        try {
            return new SBMLReader().readSBML(file.toFile());
        } catch (Exception | StackOverflowError e) {
            throw new FixpointException("BadSbml", file.getFileName() + ": cannot read SBML: " + e.getMessage());
        }
    }

    private static FixpointException unsupported(String f, String what) {
        return new FixpointException("UnsupportedSbml", f + ": " + what);
    }

    private static ReactionNetwork.Builder build(Model m, String f, Map<String, Double> overrides) {
        MathTranslator math = new MathTranslator(m, f);
        Set<String> used = new HashSet<>();
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (Rule r : m.getListOfRules()) {
            if (!(r instanceof AssignmentRule a)) {
                throw unsupported(f, r.getElementName() + " (only assignment rules are supported)");
            }
            if (m.getSpecies(a.getVariable()) != null || m.getCompartment(a.getVariable()) != null) {
                throw unsupported(f, "assignment rule on species/compartment '" + a.getVariable() + "'");
            }
            rules.put(a.getVariable(), math.translate(a.getMath(), "assignment rule '" + a.getVariable() + "'"));
        }
        Map<String, String> initial = new HashMap<>();
        for (InitialAssignment ia : m.getListOfInitialAssignments()) {
            initial.put(ia.getVariable(), math.translate(ia.getMath(), "initial assignment '" + ia.getVariable() + "'"));
        }
        ReactionNetwork.Builder b = ReactionNetwork.builder(m.getId().isEmpty() ? f : m.getId());
        for (Compartment c : m.getListOfCompartments()) {
            if (!c.isConstant() || initial.containsKey(c.getId())) {
                throw unsupported(f, "non-constant or initially assigned compartment '" + c.getId() + "'");
            }
            double size = take(overrides, used, c.getId(), c.isSetSize() ? c.getSize() : 1.0);
            if (c.getId().equals("default")) {
                if (size != 1.0) {
                    throw unsupported(f, "compartment named 'default' with size " + size + " (the name is reserved for size 1)");
                }
                continue;
            }
            b.compartment(c.getId(), size);
        }
        for (Species s : m.getListOfSpecies()) {
            if (s.getHasOnlySubstanceUnits()) {
                throw unsupported(f, "species '" + s.getId() + "' with hasOnlySubstanceUnits=true");
            }
            String init;
            if (overrides.containsKey(s.getId())) {
                init = "(" + take(overrides, used, s.getId(), 0) + ")";
            } else if (initial.containsKey(s.getId())) {
                init = initial.get(s.getId());
            } else if (s.isSetInitialConcentration()) {
                init = "(" + s.getInitialConcentration() + ")";
            } else if (s.isSetInitialAmount()) {
                init = "(" + s.getInitialAmount() + ") / " + s.getCompartment();
            } else {
                throw unsupported(f, "species '" + s.getId() + "' has no initial value");
            }
            b.species(s.getId(), s.getCompartment(), init);
        }
        for (Parameter p : m.getListOfParameters()) {
            if (rules.containsKey(p.getId())) {
                continue;
            }
            if (initial.containsKey(p.getId()) && !overrides.containsKey(p.getId())) {
                rules.put(p.getId(), initial.get(p.getId()));
                continue;
            }
            double v = take(overrides, used, p.getId(), p.isSetValue() ? p.getValue() : Double.NaN);
            if (Double.isNaN(v)) {
                throw unsupported(f, "parameter '" + p.getId() + "' has no value");
            }
            b.parameter(p.getId(), v, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        for (Map.Entry<String, String> r : ordered(rules)) {
            b.assignmentRule(r.getKey(), r.getValue());
        }
        for (Reaction r : m.getListOfReactions()) {
            KineticLaw k = r.getKineticLaw();
            if (k == null || k.getMath() == null) {
                throw unsupported(f, "reaction '" + r.getId() + "' without kinetic law");
            }
            for (LocalParameter lp : k.getListOfLocalParameters()) {
                String id = r.getId() + "_" + lp.getId();
                b.parameter(id, take(overrides, used, id, lp.getValue()), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            }
            String rate = math.translate(k.getMath(), "kinetic law of reaction '" + r.getId() + "'");
            for (LocalParameter lp : k.getListOfLocalParameters()) {
                rate = rate.replaceAll("\\b" + java.util.regex.Pattern.quote(lp.getId()) + "\\b", r.getId() + "_" + lp.getId());
            }
            b.reaction(r.getId(), side(f, r, r.getListOfReactants()) + " -> " + side(f, r, r.getListOfProducts()), rate);
        }
        for (org.sbml.jsbml.Event e : m.getListOfEvents()) {
            double time = triggerTime(m, f, e, overrides);
            for (org.sbml.jsbml.EventAssignment a : e.getListOfEventAssignments()) {
                if (m.getSpecies(a.getVariable()) == null) {
                    throw unsupported(f, "event '" + e.getId() + "' assigns '" + a.getVariable()
                            + "' (only species can be assigned by events)");
                }
                b.event(time, a.getVariable(), math.translate(a.getMath(), "event '" + e.getId() + "' assignment to '"
                        + a.getVariable() + "'"));
            }
        }
        Set<String> unknown = new HashSet<>(overrides.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new FixpointException("UnknownSbmlId", f + ": overrides name ids the model does not define: " + unknown);
        }
        return b;
    }

    /**
     * The time of a time-triggered event: a trigger {@code time > T}, {@code time ≥ T} (or {@code T < time},
     * {@code T ≤ time}) with T a number or a constant parameter (its value, after overrides, fixed at import), without
     * delay and without priority.
     */
    private static double triggerTime(Model m, String f, org.sbml.jsbml.Event e, Map<String, Double> overrides) {
        String what = "event '" + e.getId() + "'";
        if (e.isSetDelay() || e.isSetPriority()) {
            throw unsupported(f, what + " with a delay or priority");
        }
        if (!e.isSetTrigger() || e.getTrigger().getMath() == null) {
            throw unsupported(f, what + " without a trigger");
        }
        org.sbml.jsbml.ASTNode t = e.getTrigger().getMath();
        org.sbml.jsbml.ASTNode.Type type = t.getType();
        boolean timeFirst = type == org.sbml.jsbml.ASTNode.Type.RELATIONAL_GT || type == org.sbml.jsbml.ASTNode.Type.RELATIONAL_GEQ;
        boolean timeSecond = type == org.sbml.jsbml.ASTNode.Type.RELATIONAL_LT || type == org.sbml.jsbml.ASTNode.Type.RELATIONAL_LEQ;
        if ((!timeFirst && !timeSecond) || t.getChildCount() != 2) {
            throw unsupported(f, what + ": trigger '" + t + "' (only time > T, time ≥ T, T < time, T ≤ time)");
        }
        org.sbml.jsbml.ASTNode time = t.getChild(timeFirst ? 0 : 1);
        org.sbml.jsbml.ASTNode bound = t.getChild(timeFirst ? 1 : 0);
        if (time.getType() != org.sbml.jsbml.ASTNode.Type.NAME_TIME) {
            throw unsupported(f, what + ": trigger '" + t + "' does not compare the time with a threshold");
        }
        if (bound.isNumber()) {
            return bound.getReal();
        }
        Parameter p = bound.isName() ? m.getParameter(bound.getName()) : null;
        if (p == null || !p.isConstant()) {
            throw unsupported(f, what + ": trigger threshold '" + bound + "' is not a number or a constant parameter");
        }
        return overrides.getOrDefault(p.getId(), p.getValue());
    }

    /** Orders rules so that each comes after the rules it uses (SBML does not require declaration order). */
    private static List<Map.Entry<String, String>> ordered(Map<String, String> rules) {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Map.Entry<String, String>> todo = new java.util.ArrayList<>(rules.entrySet());
        while (!todo.isEmpty()) {
            boolean progress = false;
            for (var it = todo.iterator(); it.hasNext();) {
                var e = it.next();
                boolean ready = rules.keySet().stream().filter(n -> !done.contains(n) && !n.equals(e.getKey()))
                        .noneMatch(n -> e.getValue().matches("(?s).*\\b" + java.util.regex.Pattern.quote(n) + "\\b.*"));
                if (ready) {
                    out.add(e);
                    done.add(e.getKey());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new FixpointException("UnsupportedSbml", "cyclic assignment rules: " + todo.stream().map(Map.Entry::getKey).toList());
            }
        }
        return out;
    }

    private static double take(Map<String, Double> overrides, Set<String> used, String id, double fallback) {
        Double v = overrides.get(id);
        if (v == null) {
            return fallback;
        }
        used.add(id);
        return v;
    }

    private static String side(String f, Reaction r, List<SpeciesReference> refs) {
        StringBuilder sb = new StringBuilder();
        for (SpeciesReference sr : refs) {
            Species s = sr.getSpeciesInstance();
            if (s == null) {
                throw new FixpointException("BadSbml", f + ": reaction '" + r.getId() + "' uses unknown species '" + sr.getSpecies() + "'");
            }
            if (s.getBoundaryCondition() || s.getConstant()) {
                continue; // boundary/constant species are not changed by reactions
            }
            double st = sr.isSetStoichiometry() ? sr.getStoichiometry() : 1.0;
            if (st == 0) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " + ").append(st).append(' ').append(s.getId());
        }
        return sb.toString();
    }
}
