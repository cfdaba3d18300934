package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.expr.Expression;
import dev.fixpoint.bio.expr.ExpressionParser;
import dev.fixpoint.bio.sbml.SbmlImporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure of the parameters that a hierarchical objective solves analytically: which measurements each
 * inner parameter acts on and how (as a scaling y = s·a, an offset y = a + b, or the whole noise formula σ = q),
 * detected from the PEtab formulas by symbolic differentiation. Built by {@link #analyse}; the problems found
 * (parameter → reason) are listed rather than thrown, so that the automatic choice can drop ineligible ones.
 */
final class InnerParameters {

    /** How an inner parameter enters the model output. */
    enum Kind {
        /** y = s·a with a independent of s */ SCALING,
        /** y = a + b with a independent of b */ OFFSET,
        /** σ = q (the whole noise formula) */ SIGMA
    }

    final List<String> ids = new ArrayList<>();
    final List<Kind> kinds = new ArrayList<>();
    /** Per measurement (table order): index into ids of its inner scaling / offset / sigma, or −1. */
    int[] scaling;
    int[] offset;
    int[] sigma;
    /** Problems found: parameter id → why it cannot be solved analytically. */
    final Map<String, String> problems = new LinkedHashMap<>();

    InnerParameters() {
    }

    /** @return the estimated parameters that appear only in observable or noise formulas (candidates for auto) */
    static List<String> candidates(PetabObjective objective) {
        Set<String> model = modelSymbols(objective.problem());
        List<String> out = new ArrayList<>();
        for (String id : objective.estimated()) {
            if (!model.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static Set<String> modelSymbols(PetabProblem problem) {
        ReactionNetwork base = SbmlImporter.read(problem.model());
        Set<String> model = new HashSet<>();
        base.parameters().forEach(p -> model.add(p.name()));
        base.species().forEach(s -> {
            model.add(s.name());
            model.add(s.compartment());
        });
        problem.conditions().values().forEach(c -> model.addAll(c.values()));
        return model;
    }

    /**
     * @param objective the full objective
     * @param chosen    ids to solve analytically
     * @return the structure; {@link #problems} lists the ineligible ids with reasons
     */
    static InnerParameters analyse(PetabObjective objective, Collection<String> chosen) {
        PetabProblem problem = objective.problem();
        InnerParameters ip = new InnerParameters();
        Set<String> model = modelSymbols(problem);
        List<PetabProblem.Measurement> ms = problem.measurements();
        int n = ms.size();
        Expression[] obs = new Expression[n];
        Expression[] noise = new Expression[n];
        for (int i = 0; i < n; i++) {
            PetabProblem.Measurement m = ms.get(i);
            PetabProblem.Observable ob = problem.observables().get(m.observableId());
            obs[i] = ExpressionParser.parse(Placeholders.resolveLeniently(ob.formula(), "observableParameter", ob.id(),
                    m.observableParameters()));
            noise[i] = ExpressionParser.parse(Placeholders.resolveLeniently(ob.noiseFormula(), "noiseParameter", ob.id(),
                    m.noiseParameters()));
        }
        ip.scaling = filled(n);
        ip.offset = filled(n);
        ip.sigma = filled(n);
        Set<Integer> needsOffset = new HashSet<>();
        for (String id : chosen) {
            PetabProblem.Parameter par = problem.parameters().get(id);
            if (par == null) {
                ip.problems.put(id, "not in the parameter table");
                continue;
            }
            if (!par.estimate()) {
                ip.problems.put(id, "not estimated (estimate = 0)");
                continue;
            }
            if (problem.priors().containsKey(id)) {
                ip.problems.put(id, "it has an objective prior (the closed forms assume a flat prior)");
                continue;
            }
            if (model.contains(id)) {
                ip.problems.put(id, "it is a model parameter or is set by the condition table, so it changes the dynamics");
                continue;
            }
            String why = classify(ip, id, ms, problem, obs, noise, chosen, needsOffset);
            if (why != null) {
                ip.problems.put(id, why);
            }
        }
        for (int i : needsOffset) {
            if (ip.scaling[i] >= 0 && ip.offset[i] < 0) {
                ip.problems.putIfAbsent(ip.ids.get(ip.scaling[i]), "measurement " + (i + 1)
                        + " adds an offset that is not solved analytically (y ≠ 0 at scaling 0)");
            }
        }
        ip.checkPairs(ms.size());
        return ip;
    }

    /** Records the kind and the measurements of one parameter; returns the reason if it is not eligible. */
    private static String classify(InnerParameters ip, String id, List<PetabProblem.Measurement> ms, PetabProblem problem,
                                   Expression[] obs, Expression[] noise, Collection<String> chosen,
                                   Set<Integer> needsOffset) {
        int n = ms.size();
        Kind kind = null;
        List<Integer> rows = new ArrayList<>();
        Set<PetabProblem.Scale> transforms = new HashSet<>();
        for (int i = 0; i < n; i++) {
            boolean inObs = obs[i].dependsOn(id);
            boolean inNoise = noise[i].dependsOn(id);
            if (!inObs && !inNoise) {
                continue;
            }
            PetabProblem.Observable ob = problem.observables().get(ms.get(i).observableId());
            String where = "measurement " + (i + 1) + " of '" + ob.id() + "'";
            if (ob.noise() != PetabProblem.Noise.NORMAL) {
                return where + " has " + ob.noise().name().toLowerCase() + " noise; only normal noise is supported";
            }
            Kind k;
            if (inNoise) {
                if (inObs) {
                    return "appears in both the observable and the noise formula of " + where;
                }
                if (!(noise[i] instanceof Expression.Sym)) {
                    return "enters the noise formula '" + noise[i] + "' of " + where + " not as the whole formula σ = " + id;
                }
                k = Kind.SIGMA;
            } else {
                Expression d1 = obs[i].derivative(id);
                if (!isZero(d1.derivative(id))) {
                    return "enters the observable '" + obs[i] + "' of " + where + " nonlinearly (∂²y/∂" + id + "² ≠ 0)";
                }
                if (d1 instanceof Expression.Num one && one.value() == 1) {
                    k = Kind.OFFSET;
                    if (ob.transformation() != PetabProblem.Scale.LIN) {
                        return "is an offset of the " + ob.transformation().name().toLowerCase() + "-transformed " + where
                                + "; offsets are analytic only on lin-transformed observables";
                    }
                } else if (isZero(obs[i].substitute(s -> s.equals(id) ? Expression.ZERO : null))) {
                    k = Kind.SCALING;
                } else if (obs[i].substitute(s -> s.equals(id) ? Expression.ZERO : null) instanceof Expression.Sym b
                        && chosen.contains(b.name())) {
                    k = Kind.SCALING;
                    needsOffset.add(i);
                } else {
                    return "in the observable '" + obs[i] + "' of " + where
                            + " is neither a pure scaling (y = 0 at " + id + " = 0) nor an offset (∂y/∂" + id + " = 1)";
                }
                transforms.add(ob.transformation() == PetabProblem.Scale.LIN ? PetabProblem.Scale.LIN : PetabProblem.Scale.LOG);
            }
            if (kind != null && kind != k) {
                return "acts as a " + kind.name().toLowerCase() + " in some measurements and as a " + k.name().toLowerCase()
                        + " in " + where;
            }
            kind = k;
            rows.add(i);
        }
        if (kind == null) {
            return "no measurement uses it";
        }
        if (transforms.size() > 1) {
            return "scales both lin- and log-transformed observables (one closed form needs one of them)";
        }
        int[] slot = switch (kind) {
            case SCALING -> ip.scaling;
            case OFFSET -> ip.offset;
            case SIGMA -> ip.sigma;
        };
        for (int i : rows) {
            if (slot[i] >= 0) {
                return "shares measurement " + (i + 1) + " with the inner " + kind.name().toLowerCase() + " '"
                        + ip.ids.get(slot[i]) + "' (two of a kind in one observable are not separable)";
            }
        }
        if (kind != Kind.SIGMA) {
            for (int i : rows) {
                for (int other = 0; other < ip.ids.size(); other++) {
                    if (ip.kinds.get(other) != Kind.SIGMA && ip.kinds.get(other) != kind
                            && !isZero(obs[i].derivative(id).derivative(ip.ids.get(other)))) {
                        return "multiplies the inner '" + ip.ids.get(other) + "' in measurement " + (i + 1) + " (∂²y ≠ 0)";
                    }
                }
            }
        }
        int index = ip.ids.size();
        ip.ids.add(id);
        ip.kinds.add(kind);
        for (int i : rows) {
            slot[i] = index;
        }
        return null;
    }

    /** A scaling and an offset that occur together must occur together in every one of their measurements. */
    private void checkPairs(int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (scaling[i] >= 0 && scaling[j] == scaling[i] && offset[j] != offset[i]) {
                    String s = ids.get(scaling[i]);
                    String b = offset[i] >= 0 ? ids.get(offset[i]) : ids.get(offset[j]);
                    problems.putIfAbsent(b, "does not occur in exactly the measurements of the inner scaling '" + s
                            + "' (measurements " + (i + 1) + " and " + (j + 1) + ")");
                }
                if (offset[i] >= 0 && offset[j] == offset[i] && scaling[j] != scaling[i]) {
                    String b = ids.get(offset[i]);
                    problems.putIfAbsent(b, "occurs with different inner scalings (measurements " + (i + 1) + " and "
                            + (j + 1) + ")");
                }
            }
        }
    }

    private static boolean isZero(Expression e) {
        return e instanceof Expression.Num z && z.value() == 0;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }
}
