package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ObjectiveGradient;
import dev.fixpoint.bio.ObservableSensitivities;
import dev.fixpoint.bio.Simulation;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final PetabProblem problem;
    private final ConditionCompiler conditions;
    private final List<String> estimated;
    private OdeOptions options = OdeOptions.defaults().withTolerances(1e-8, 1e-12);
    private ResidualLayout layout;

    /** @param problem the PEtab problem; its model is read once here to learn its ids */
    public PetabObjective(PetabProblem problem) {
        this.problem = problem;
        conditions = new ConditionCompiler(problem);
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
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : conditions.groups().entrySet()) {
            CompiledCondition gr = conditions.group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                gr.equilibrate(values, CompiledCondition.SHARED_COLUMNS, options);
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
                gr.equilibrate(values, CompiledCondition.CONFLICT_COLUMNS, options);
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
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : conditions.groups().entrySet()) {
            CompiledCondition gr = conditions.group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                if (jacobian != null && gr.pre.noGradient != null) {
                    throw new FixpointException("PetabGradient", "residual Jacobian with pre-equilibration: "
                            + gr.pre.noGradient + "; not supported for parameters the two conditions map differently");
                }
                gr.equilibrate(values, jacobian != null ? CompiledCondition.SHARED_COLUMNS
                        : CompiledCondition.NO_SENSITIVITIES, options);
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
                double dh = MeasurementModel.transformDerivative(ob.transformation(), yv);
                double res = (MeasurementModel.transform(ob.transformation(), yv)
                        - MeasurementModel.transform(ob.transformation(), m.value())) / sg;
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
                c += 0.5 * Math.log(2 * Math.PI) + MeasurementModel.logJacobian(ob.transformation(), d);
                c += lay.errorRow[i] >= 0 ? -0.5 * lay.constant : Math.log(pr.sigma()[i]);
            }
            lay.offset = c;
        }
        return lay.offset;
    }

    private ResidualLayout residualLayout() {
        if (layout == null) {
            layout = ResidualLayout.of(problem, estimated);
        }
        return layout;
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
            nll += MeasurementModel.negLogLikelihood(problem.observables().get(m.observableId()), pr.simulated()[i], m.value(), pr.sigma()[i], null, 0, 0);
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
        for (Map.Entry<List<String>, List<PetabProblem.Measurement>> g : conditions.groups().entrySet()) {
            CompiledCondition gr = conditions.group(g.getKey(), g.getValue(), values);
            if (gr.pre != null) {
                gr.equilibrate(values, CompiledCondition.NO_SENSITIVITIES, options);
            }
            Simulation s = gr.simulator.options(options).simulate(gr.parameters(values), gr.times);
            for (int k = 0; k < gr.times.length; k++) {
                pr.simulated()[gr.measurement[k]] = s.observables()[k][gr.obsIndex[k]];
                pr.sigma()[gr.measurement[k]] = s.observables()[k][gr.noiseIndex[k]];
            }
        }
        return pr;
    }
}
