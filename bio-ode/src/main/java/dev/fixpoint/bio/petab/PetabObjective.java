package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ObjectiveGradient;
import dev.fixpoint.bio.ObservableSensitivities;
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
 * condition) is simulated. Each condition (or pair of pre-equilibration and simulation condition) is compiled
 * once (the SBML file is parsed once per condition) with the PEtab parameters as model parameters, so that the
 * gradient with respect to the estimated parameters on their scales is available by adjoint or forward
 * sensitivities ({@link #gradient}). Pre-equilibration: the steady state of the pre-equilibration condition
 * (Newton) starts the simulation condition; its implicit sensitivities dx*&#47;dp = −(∂f/∂x)⁻¹ ∂f/∂p are the
 * initial sensitivities (forward) or enter as λ(t0)ᵀ dx*&#47;dp (adjoint). {@link #value} and {@link #gradient} add the
 * parameter table's objective priors ({@link #negLogPrior}); {@link #residuals} gives least-squares residuals and
 * their Jacobian for Gauss–Newton methods. Not thread-safe.
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
    /** SBML values of the model parameters (local ones as reaction_parameter). */
    private final Map<String, Double> modelValues = new HashMap<>();

    /** @param problem the PEtab problem; its model is read once here to learn its ids */
    public PetabObjective(PetabProblem problem) {
        this.problem = problem;
        ReactionNetwork base = SbmlImporter.read(problem.model());
        modelParameters = base.parameters().stream().map(ReactionNetwork.Parameter::name).collect(Collectors.toSet());
        base.parameters().forEach(par -> modelValues.put(par.name(), par.value()));
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
     * @return the PEtab objective: the negative log-likelihood plus {@link #negLogPrior} (the negative log-posterior
     *         up to a constant when the parameter table gives objective priors)
     */
    public double value(double[] theta) {
        return negLogLikelihood(linearValues(theta)) + negLogPrior(theta, null);
    }

    /**
     * The objective priors of the estimated parameters: Σ −log p_i (see {@link PetabPrior}); 0 without priors.
     *
     * @param theta    estimated parameters on their scales [estimated().size()]
     * @param gradient null, or d/dθ of the prior term is ADDED to it [estimated().size()]
     * @return Σ −log p_i(θ_i); +∞ outside a uniform prior's support
     */
    public double negLogPrior(double[] theta, double[] gradient) {
        double v = 0;
        double[] d = new double[1];
        for (int i = 0; i < theta.length; i++) {
            PetabPrior prior = problem.priors().get(estimated.get(i));
            if (prior != null) {
                v += prior.negLogDensity(theta[i], problem.parameters().get(estimated.get(i)).scale(), d);
                if (gradient != null) {
                    gradient[i] += d[0];
                }
            }
        }
        return v;
    }

    /**
     * The PEtab objective (negative log-likelihood plus {@link #negLogPrior}) and its gradient with respect to the
     * estimated parameters on their PEtab scales
     * (chain rule d v/d θ = 1, v, v ln 10 for lin, log, log10). Covers normal and Laplace noise, lin/log/log10
     * observable transformations, estimated observable (scaling, offset) and noise parameters, and
     * pre-equilibration (a model parameter that the two conditions of a pair map to different table parameters costs
     * a second sensitivity run for that pair).
     *
     * @param theta    estimated parameters on their scales [estimated().size()]
     * @param method   FORWARD, ADJOINT or AUTO
     * @param gradient out: d NLL / d θ [estimated().size()], overwritten
     * @return the objective, as {@link #value}
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
            Group gr = group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                equilibrate(gr, values, SHARED_COLUMNS);
            }
            ObjectiveGradient og = gr.simulator.options(options).gradient(gr.parameters(values), gr.times, gr.loss, method);
            nll += og.value();
            for (int k = 0; k < gr.source.length; k++) {
                if (gr.source[k] != null) {
                    dv.merge(gr.source[k], og.gradient()[k], Double::sum);
                }
            }
            if (gr.pre != null && gr.pre.noGradient != null) {
                // parameters the two conditions map differently: a second run whose start sensitivities are only
                // their pre-equilibration columns; the difference is λ(t0)ᵀ dx*/dp_pre (linear in the start sensitivities)
                equilibrate(gr, values, CONFLICT_COLUMNS);
                double[] g2 = gr.simulator.gradient(gr.parameters(values), gr.times, gr.loss, method).gradient();
                for (int k = 0; k < gr.source.length; k++) {
                    if (gr.pre.conflict[k]) {
                        dv.merge(gr.pre.source[k], g2[k] - og.gradient()[k], Double::sum);
                    }
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
        return nll + negLogPrior(theta, gradient);
    }

    /**
     * Least-squares residuals of the NLL for normal noise, in measurement-table order, followed by one error-model
     * residual per measurement whose σ can depend on the estimated parameters (in table order):
     * r_k = (h(y_k) − h(d_k))/σ_k on the observable transformation h, r'_k = sqrt(2 log σ_k + C) with
     * C = {@link #errorModelConstant()}, so that NLL = ½‖r‖² + {@link #residualConstant()} (d2d's trick for
     * estimated noise). The Jacobian is computed by forward sensitivities (through the pre-equilibration steady
     * state where there is one).
     *
     * @param theta    estimated parameters on their scales [estimated().size()]
     * @param r        out: residuals [residualCount()], overwritten
     * @param jacobian out, or null: dr/dθ [residualCount()][estimated().size()], overwritten
     * @return the negative log-likelihood ½‖r‖² + residualConstant()
     * @throws FixpointException {@code [fixpoint/NotLeastSquares]} if an observable has Laplace noise or an estimated
     *                           parameter has an objective prior,
     *                           {@code [fixpoint/ErrorModelResidual]} naming the measurement if 2 log σ + C ≤ 0,
     *                           {@code [fixpoint/PetabResidual]} naming the measurement if a residual is not finite
     */
    public double residuals(double[] theta, double[] r, double[][] jacobian) {
        Map<String, Double> values = linearValues(theta);
        ResidualLayout lay = residualLayout();
        if (r.length != lay.count || (jacobian != null && (jacobian.length != lay.count
                || Arrays.stream(jacobian).anyMatch(row -> row.length != theta.length)))) {
            throw new IllegalArgumentException("[fixpoint/PetabResidual] need r of length " + lay.count + " and a Jacobian of "
                    + lay.count + " rows of length " + theta.length + ", got r of length " + r.length);
        }
        Map<String, Integer> column = new HashMap<>();
        double[] factor = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            String id = estimated.get(i);
            column.put(id, i);
            double v = values.get(id);
            factor[i] = switch (problem.parameters().get(id).scale()) {
                case LIN -> 1;
                case LOG -> v;
                case LOG10 -> v * Math.log(10);
            };
        }
        if (jacobian != null) {
            for (double[] row : jacobian) {
                Arrays.fill(row, 0);
            }
        }
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : groups().entrySet()) {
            Group gr = group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                if (jacobian != null && gr.pre.noGradient != null) {
                    throw new FixpointException("PetabGradient", "residual Jacobian with pre-equilibration: "
                            + gr.pre.noGradient + "; not supported for parameters the two conditions map differently");
                }
                equilibrate(gr, values, jacobian != null ? SHARED_COLUMNS : NO_SENSITIVITIES);
            }
            double[] p = gr.parameters(values);
            Simulator sim = gr.simulator.options(options);
            double[][] y;
            double[][][] dy = null;
            if (jacobian != null) {
                ObservableSensitivities os = sim.observableSensitivities(p, gr.times);
                y = os.observables();
                dy = os.sensitivities();
            } else {
                y = sim.simulate(p, gr.times).observables();
            }
            int[] col = new int[p.length];
            for (int j = 0; j < col.length; j++) {
                Integer c = gr.source[j] == null ? null : column.get(gr.source[j]);
                col[j] = c == null ? -1 : c;
            }
            for (int k = 0; k < gr.times.length; k++) {
                int row = gr.measurement[k];
                PetabProblem.Measurement m = problem.measurements().get(row);
                PetabProblem.Observable ob = problem.observables().get(m.observableId());
                double yv = y[k][gr.obsIndex[k]];
                double sg = y[k][gr.noiseIndex[k]];
                double dh = switch (ob.transformation()) {
                    case LIN -> 1;
                    case LOG -> 1 / yv;
                    case LOG10 -> 1 / (yv * Math.log(10));
                };
                double res = (transform(ob, yv) - transform(ob, m.value())) / sg;
                if (!Double.isFinite(res) || !(sg > 0)) {
                    throw new FixpointException("PetabResidual", "measurement row " + (row + 1) + " ('" + m.observableId()
                            + "' at t=" + m.time() + "): simulated " + yv + ", σ " + sg + ", measured " + m.value()
                            + " give the residual " + res + "; need a finite residual and σ > 0");
                }
                r[row] = res;
                int e = lay.errorRow[row];
                if (e >= 0) {
                    double a = 2 * Math.log(sg) + lay.constant;
                    if (!(a > 0)) {
                        throw new FixpointException("ErrorModelResidual", "measurement row " + (row + 1) + " ('"
                                + m.observableId() + "' at t=" + m.time() + "): σ = " + sg + " gives 2 log σ + C = " + a
                                + " ≤ 0 with C = " + lay.constant + " (chosen for σ ≥ " + Math.exp((1 - lay.constant) / 2)
                                + ")");
                    }
                    r[e] = Math.sqrt(a);
                }
                if (dy != null) {
                    double[] dyv = dy[k][gr.obsIndex[k]];
                    double[] dsg = dy[k][gr.noiseIndex[k]];
                    for (int j = 0; j < col.length; j++) {
                        if (col[j] >= 0) {
                            double f = factor[col[j]];
                            jacobian[row][col[j]] += f * (dh * dyv[j] - res * dsg[j]) / sg;
                            if (e >= 0) {
                                jacobian[e][col[j]] += f * dsg[j] / (sg * r[e]);
                            }
                        }
                    }
                }
            }
        }
        double half = 0;
        for (double v : r) {
            half += 0.5 * v * v;
        }
        return half + residualConstant();
    }

    /** @return the number of residuals: one per measurement plus one per measurement whose σ can vary */
    public int residualCount() {
        return residualLayout().count;
    }

    /**
     * The constant C of the error-model residuals sqrt(2 log σ + C): C = 1 − 2 log σ_lo, where σ_lo is the smallest
     * positive lower bound (linear scale) of the estimated parameters that appear in noise formulas, or 1e-10 when
     * there is none; 2 log σ + C ≥ 1 for σ ≥ σ_lo.
     *
     * @return C (0 when no σ depends on estimated parameters)
     */
    public double errorModelConstant() {
        return residualLayout().constant;
    }

    /**
     * @return NLL − ½‖r‖²: Σ (½ log 2π + log-transformation terms of the data) + Σ_{fixed σ} log σ − C/2 per
     *         error-model residual (independent of θ; computed once, from one simulation at the nominal values)
     */
    public double residualConstant() {
        ResidualLayout lay = residualLayout();
        if (Double.isNaN(lay.offset)) {
            Predictions pr = predict(linearValues(nominalScaled()));
            double c = 0;
            List<PetabProblem.Measurement> ms = problem.measurements();
            for (int i = 0; i < ms.size(); i++) {
                PetabProblem.Observable ob = problem.observables().get(ms.get(i).observableId());
                double d = ms.get(i).value();
                c += 0.5 * Math.log(2 * Math.PI) + switch (ob.transformation()) {
                    case LIN -> 0;
                    case LOG -> Math.log(d);
                    case LOG10 -> Math.log(d * Math.log(10));
                };
                c += lay.errorRow[i] >= 0 ? -0.5 * lay.constant : Math.log(pr.sigma()[i]);
            }
            lay.offset = c;
        }
        return lay.offset;
    }

    private static double transform(PetabProblem.Observable ob, double v) {
        return switch (ob.transformation()) {
            case LIN -> v;
            case LOG -> Math.log(v);
            case LOG10 -> Math.log10(v);
        };
    }

    /** Where the error-model residuals go and their constant. */
    private static final class ResidualLayout {
        /** Per measurement: the row of its error-model residual, or −1 when its σ is fixed. */
        int[] errorRow;
        int count;
        double constant;
        double offset = Double.NaN;
    }

    private ResidualLayout layout;

    private ResidualLayout residualLayout() {
        if (layout != null) {
            return layout;
        }
        for (String id : estimated) {
            if (problem.priors().containsKey(id)) {
                throw new FixpointException("NotLeastSquares", "parameter '" + id + "' has a "
                        + problem.priors().get(id).type().petabName() + " objective prior; residuals cover the likelihood "
                        + "only, use value/gradient");
            }
        }
        List<PetabProblem.Measurement> ms = problem.measurements();
        ResidualLayout lay = new ResidualLayout();
        lay.errorRow = new int[ms.size()];
        int next = ms.size();
        double[] lowest = {Double.POSITIVE_INFINITY};
        for (int i = 0; i < ms.size(); i++) {
            PetabProblem.Measurement m = ms.get(i);
            PetabProblem.Observable ob = problem.observables().get(m.observableId());
            if (ob.noise() != PetabProblem.Noise.NORMAL) {
                throw new FixpointException("NotLeastSquares", "observable '" + ob.id() + "' has " + ob.noise()
                        + " noise; least-squares residuals need normal noise on every observable");
            }
            lay.errorRow[i] = noiseVaries(ob, m, lowest) ? next++ : -1;
        }
        lay.count = next;
        boolean any = next > ms.size();
        lay.constant = !any ? 0 : 1 - 2 * Math.log(Double.isFinite(lowest[0]) ? lowest[0] : 1e-10);
        layout = lay;
        return lay;
    }

    /**
     * Conservative: true unless every symbol of the measurement's noise formula (placeholders resolved) is a number
     * or a parameter-table id that is not estimated. Records the smallest positive lower bound of the estimated ones.
     */
    private boolean noiseVaries(PetabProblem.Observable ob, PetabProblem.Measurement m, double[] lowest) {
        String formula = ob.noiseFormula();
        Matcher mt = SYMBOL.matcher(formula);
        String kind = "noiseParameter";
        String suffix = "_" + ob.id();
        boolean varies = false;
        while (mt.find()) {
            String sym = mt.group();
            int after = mt.end();
            while (after < formula.length() && formula.charAt(after) == ' ') {
                after++;
            }
            if (after < formula.length() && formula.charAt(after) == '(') {
                continue; // a function
            }
            if (sym.startsWith(kind) && sym.endsWith(suffix)) {
                int n;
                try {
                    n = Integer.parseInt(sym.substring(kind.length(), sym.length() - suffix.length()));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > m.noiseParameters().size()) {
                    return true; // reported with its position when the condition is compiled
                }
                sym = m.noiseParameters().get(n - 1);
                try {
                    Double.parseDouble(sym);
                    continue;
                } catch (NumberFormatException e) {
                    // a parameter id
                }
            }
            PetabProblem.Parameter par = problem.parameters().get(sym);
            if (par == null) {
                varies = true;
            } else if (par.estimate()) {
                varies = true;
                if (par.lower() > 0) {
                    lowest[0] = Math.min(lowest[0], par.lower());
                }
            }
        }
        return varies;
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
        /** The pre-equilibration of this simulation condition, or null for none. */
        Preequilibration pre;

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

    /**
     * What a pre-equilibrated condition pair needs besides its simulation condition: the pre-equilibration
     * condition's parameters (same model-parameter order as the group's network) and the species values each
     * condition sets.
     */
    private static final class Preequilibration {
        /** PEtab parameter id that sets each model parameter during pre-equilibration, or null. */
        String[] source;
        /** Value of each model parameter during pre-equilibration when the source is null. */
        double[] fixed;
        /** Species values the pre-equilibration condition sets (NaN: the model's initial value). */
        double[] start;
        /** Species values the simulation condition sets after pre-equilibration (NaN: keep the steady state). */
        double[] reset;
        /** The first parameter the two conditions map differently (to different table parameters), or null. */
        String noGradient;
        /** Per model parameter: mapped to a table parameter during pre-equilibration, differently from the simulation. */
        boolean[] conflict;

        double[] parameters(Map<String, Double> values) {
            double[] p = fixed.clone();
            for (int k = 0; k < p.length; k++) {
                if (source[k] != null) {
                    p[k] = values.get(source[k]);
                }
            }
            return p;
        }
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

    private Group group(List<String> key, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
        return key.get(0).isEmpty() ? group(key.get(1), ms, values) : preequilibrated(key.get(0), key.get(1), ms, values);
    }

    /**
     * A simulation condition with a pre-equilibration condition, compiled once. PEtab rule: both conditions share
     * every parameter of the parameter table except the model parameters a condition sets (to a number or to
     * another table parameter); species a condition sets are the start of the steady-state search
     * (pre-equilibration) or replace the steady state (simulation); compartment sizes must agree.
     */
    private Group preequilibrated(String pre, String sim, List<PetabProblem.Measurement> ms, Map<String, Double> values) {
        List<String> key = List.of(pre, sim);
        Group cached = cache.get(key);
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
        Group g = compile(SbmlImporter.builder(problem.model(), o), ms, values, ss.mapped(), o);
        Preequilibration pe = new Preequilibration();
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

    private static final int NO_SENSITIVITIES = 0;
    /** Start sensitivities for the parameters both conditions share (the others' columns zero). */
    private static final int SHARED_COLUMNS = 1;
    /** Start sensitivities only for the parameters the two conditions map differently. */
    private static final int CONFLICT_COLUMNS = 2;

    /**
     * Finds the steady state of g's pre-equilibration condition at these parameter values and makes it the start
     * state of g's simulator, with dx*&#47;dp (implicit function theorem) as start sensitivities when asked for.
     * Rows of species the simulation condition resets are zero, and so are the columns not selected by
     * {@code columns} (parameters fixed during pre-equilibration are never selected).
     */
    private void equilibrate(Group g, Map<String, Double> values, int columns) {
        Preequilibration pe = g.pre;
        boolean sensitivities = columns != NO_SENSITIVITIES;
        int n = g.net.speciesCount();
        int np = g.net.parameterCount();
        double[] p = pe.parameters(values);
        g.net.setParameters(p);
        double[] x0 = new double[n];
        g.net.initialState(x0);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(pe.start[i])) {
                x0[i] = pe.start[i];
            }
        }
        double[] s = sensitivities ? new double[n * np] : null;
        double[] x = g.simulator.options(options).steadyState(p, x0, s);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(pe.reset[i])) {
                x[i] = pe.reset[i];
                if (s != null) {
                    for (int k = 0; k < np; k++) {
                        s[k * n + i] = 0;
                    }
                }
            }
        }
        if (s != null) {
            for (int k = 0; k < np; k++) {
                boolean keep = columns == SHARED_COLUMNS ? pe.source[k] != null && !pe.conflict[k] : pe.conflict[k];
                if (!keep) {
                    Arrays.fill(s, k * n, (k + 1) * n, 0);
                }
            }
        }
        g.simulator.initialState(x, s);
    }

    /** Adds the observable and noise formulas of the measurements to b, compiles it and maps its parameters. */
    private Group compile(ReactionNetwork.Builder b, List<PetabProblem.Measurement> ms, Map<String, Double> values,
                          Map<String, String> mapped, Map<String, Double> o) {
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
        return g;
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
            Group gr = group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                equilibrate(gr, values, NO_SENSITIVITIES);
            }
            Simulation s = gr.simulator.options(options).simulate(gr.parameters(values), gr.times);
            for (int k = 0; k < gr.times.length; k++) {
                pr.simulated()[gr.measurement[k]] = s.observables()[k][gr.obsIndex[k]];
                pr.sigma()[gr.measurement[k]] = s.observables()[k][gr.noiseIndex[k]];
            }
        }
        return pr;
    }

    private static String name(Map<String, String> formulas, String formula) {
        return formulas.computeIfAbsent(formula, f -> "petab_formula_" + formulas.size());
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
