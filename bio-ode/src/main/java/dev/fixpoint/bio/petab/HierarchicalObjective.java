package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hierarchical optimisation of a PEtab problem (Loos et al. 2018; Schmiester et al. 2020): a chosen set of
 * estimated parameters (the inner parameters) is solved analytically at every evaluation and only the rest (the
 * outer θ) is left to a numerical optimiser. With normal noise three kinds are analytic:
 * <ul>
 *   <li>a noise parameter q that is the whole noise formula (σ = q): q̂² = mean of the squared residuals
 *       h(y) − h(m) on the observable transformation h over the measurements that use q;</li>
 *   <li>a scaling s (y = s·a, detected as ∂²y/∂s² = 0 and y = 0 at s = 0) and an offset b (y = a + b, detected as
 *       ∂y/∂b = 1) of lin-transformed observables: weighted least squares with weights 1/σ², joint for a pair that
 *       occurs in the same measurements;</li>
 *   <li>a scaling of a log- or log10-transformed observable, which is an offset in log space: ln ŝ = weighted mean
 *       of ln m − ln a.</li>
 * </ul>
 * Inner parameters must not enter the dynamics (not a model parameter, species, compartment or condition-table
 * value); an ineligible choice is rejected with {@code [fixpoint/NotHierarchical]} naming the parameter and why.
 * Every inner value is clipped to its parameter's bounds (for these one- or two-dimensional convex problems that is
 * the constrained optimum), which matters for log-scaled parameters (a negative least-squares scaling becomes the
 * lower bound).
 *
 * <p>value(θ_outer) = NLL(θ_outer, q̂(θ_outer)), from one simulation without sensitivities at the inner scalings 1
 * and offsets 0 (the inner values then act on the predictions in closed form). The gradient follows the envelope
 * theorem: ∂NLL/∂θ_outer at q̂, from {@link PetabObjective#gradient} at the full θ; its extra cost over the full
 * gradient is that one plain simulation. Not thread-safe (it wraps a {@link PetabObjective}).
 */
public final class HierarchicalObjective {

    private final PetabObjective objective;
    private final InnerParameters inner;
    private final List<String> outer;
    private final int[] outerIndex;
    private final int[] innerIndex;
    private final double[] innerLower;
    private final double[] innerUpper;
    private final double[] innerNominal;
    private final double[] data;
    private final PetabProblem.Scale[] transform;
    private final PetabProblem.Observable[] observable;
    private double[] lastInner;

    private HierarchicalObjective(PetabObjective objective, InnerParameters inner) {
        this.objective = objective;
        this.inner = inner;
        PetabProblem problem = objective.problem();
        List<String> est = objective.estimated();
        innerIndex = new int[inner.ids.size()];
        innerLower = new double[innerIndex.length];
        innerUpper = new double[innerIndex.length];
        innerNominal = new double[innerIndex.length];
        for (int j = 0; j < innerIndex.length; j++) {
            PetabProblem.Parameter par = problem.parameters().get(inner.ids.get(j));
            innerIndex[j] = est.indexOf(par.id());
            innerLower[j] = par.lower();
            innerUpper[j] = par.upper();
            innerNominal[j] = par.nominal();
        }
        List<String> o = new ArrayList<>();
        for (String id : est) {
            if (!inner.ids.contains(id)) {
                o.add(id);
            }
        }
        outer = Collections.unmodifiableList(o);
        outerIndex = o.stream().mapToInt(est::indexOf).toArray();
        List<PetabProblem.Measurement> ms = problem.measurements();
        data = new double[ms.size()];
        transform = new PetabProblem.Scale[ms.size()];
        observable = new PetabProblem.Observable[ms.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = ms.get(i).value();
            observable[i] = problem.observables().get(ms.get(i).observableId());
            transform[i] = observable[i].transformation();
        }
    }

    /**
     * @param objective the full objective (its integration options are used)
     * @param innerIds  estimated parameters to solve analytically
     * @return the hierarchical objective
     * @throws FixpointException {@code [fixpoint/NotHierarchical]} naming the first ineligible parameter and why
     */
    public static HierarchicalObjective of(PetabObjective objective, Collection<String> innerIds) {
        InnerParameters ip = InnerParameters.analyse(objective, new LinkedHashSet<>(innerIds));
        if (!ip.problems.isEmpty()) {
            Map.Entry<String, String> e = ip.problems.entrySet().iterator().next();
            throw new FixpointException("NotHierarchical", "parameter '" + e.getKey() + "' cannot be solved analytically: "
                    + e.getValue() + (ip.problems.size() > 1 ? " (also ineligible: " + ip.problems.keySet() + ")" : ""));
        }
        return new HierarchicalObjective(objective, ip);
    }

    /**
     * Every eligible noise, scaling and offset parameter is solved analytically (possibly none).
     *
     * @param objective the full objective
     * @return the hierarchical objective
     */
    public static HierarchicalObjective auto(PetabObjective objective) {
        Set<String> chosen = new LinkedHashSet<>(InnerParameters.candidates(objective));
        while (true) {
            InnerParameters ip = InnerParameters.analyse(objective, chosen);
            if (ip.problems.isEmpty()) {
                return new HierarchicalObjective(objective, ip);
            }
            chosen.removeAll(ip.problems.keySet());
        }
    }

    /** @return the ids of the outer parameters, in parameter-table order (the order of θ_outer) */
    public List<String> outer() {
        return outer;
    }

    /** @return the ids of the analytically solved parameters */
    public List<String> inner() {
        return Collections.unmodifiableList(inner.ids);
    }

    /** @return lower bounds of θ_outer on the parameters' scales [outer().size()] */
    public double[] lowerBounds() {
        return bounds(true);
    }

    /** @return upper bounds of θ_outer on the parameters' scales [outer().size()] */
    public double[] upperBounds() {
        return bounds(false);
    }

    private double[] bounds(boolean lower) {
        double[] b = new double[outer.size()];
        for (int k = 0; k < b.length; k++) {
            PetabProblem.Parameter par = objective.problem().parameters().get(outer.get(k));
            b[k] = par.scale().toScale(lower ? par.lower() : par.upper());
        }
        return b;
    }

    /** @return the wrapped objective (full parameter vector) */
    public PetabObjective objective() {
        return objective;
    }

    /** @return the nominal values of θ_outer on their scales [outer().size()] */
    public double[] nominalOuter() {
        double[] all = objective.nominalScaled();
        double[] o = new double[outerIndex.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = all[outerIndex[k]];
        }
        return o;
    }

    /**
     * Solves the inner problem and returns the negative log-likelihood at the inner optimum.
     *
     * @param thetaOuter outer parameters on their scales [outer().size()] (read only)
     * @return NLL(θ_outer, q̂(θ_outer))
     */
    public double value(double[] thetaOuter) {
        double[] full = fullAndNll(thetaOuter);
        return full[full.length - 1];
    }

    /**
     * Envelope-theorem gradient: ∂NLL/∂θ_outer at the inner optimum (the inner optimality makes the terms through
     * q̂ vanish; an inner value clipped to a bound is locally constant).
     *
     * @param thetaOuter outer parameters on their scales [outer().size()] (read only)
     * @param method     FORWARD, ADJOINT or AUTO
     * @param gradient   out: d value / d θ_outer [outer().size()], overwritten
     * @return the value (as {@link #value})
     */
    public double gradient(double[] thetaOuter, GradientMethod method, double[] gradient) {
        if (gradient.length != outer.size()) {
            throw new IllegalArgumentException("[fixpoint/PetabParameters] gradient needs length " + outer.size()
                    + ", got " + gradient.length);
        }
        double[] full = full(thetaOuter);
        double[] g = new double[full.length];
        double v = objective.gradient(full, method, g);
        for (int k = 0; k < outerIndex.length; k++) {
            gradient[k] = g[outerIndex[k]];
        }
        return v;
    }

    /**
     * @param thetaOuter outer parameters on their scales [outer().size()] (read only)
     * @return the full θ on the parameters' scales, inner parameters at their optimum [objective.estimated().size()]
     */
    public double[] full(double[] thetaOuter) {
        double[] f = fullAndNll(thetaOuter);
        return java.util.Arrays.copyOf(f, f.length - 1);
    }

    /** @return the inner values (linear scale) of the most recent evaluation, by id; empty before the first */
    public Map<String, Double> innerValues() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (lastInner != null) {
            for (int j = 0; j < lastInner.length; j++) {
                m.put(inner.ids.get(j), lastInner[j]);
            }
        }
        return m;
    }

    /** Full θ (scaled) followed by the NLL. */
    private double[] fullAndNll(double[] thetaOuter) {
        if (thetaOuter.length != outer.size()) {
            throw new IllegalArgumentException("[fixpoint/PetabParameters] need " + outer.size() + " outer values "
                    + outer + ", got " + thetaOuter.length);
        }
        List<String> est = objective.estimated();
        double[] full = new double[est.size() + 1];
        for (int k = 0; k < outerIndex.length; k++) {
            full[outerIndex[k]] = thetaOuter[k];
        }
        Map<String, Double> values = objective.linearValues(java.util.Arrays.copyOf(full, est.size()));
        for (int j = 0; j < innerIndex.length; j++) {
            values.put(inner.ids.get(j), inner.kinds.get(j) == InnerParameters.Kind.OFFSET ? 0.0 : 1.0);
        }
        PetabObjective.Predictions pr = objective.predict(values);
        double[] a = pr.simulated();
        double[] q = InnerOptimum.solve(inner, a, pr.sigma(), data, transform, innerLower, innerUpper, innerNominal);
        lastInner = q;
        double nll = 0;
        for (int i = 0; i < a.length; i++) {
            double y = a[i] * (inner.scaling[i] >= 0 ? q[inner.scaling[i]] : 1) + (inner.offset[i] >= 0 ? q[inner.offset[i]] : 0);
            double sigma = inner.sigma[i] >= 0 ? q[inner.sigma[i]] : pr.sigma()[i];
            nll += MeasurementModel.negLogLikelihood(observable[i], y, data[i], sigma, null, 0, 0);
        }
        if (!Double.isFinite(nll)) {
            throw new FixpointException("PetabNonFinite", "hierarchical NLL is " + nll + " at θ_outer = "
                    + java.util.Arrays.toString(thetaOuter) + " with inner values " + innerValues());
        }
        for (int j = 0; j < innerIndex.length; j++) {
            PetabProblem.Parameter par = objective.problem().parameters().get(inner.ids.get(j));
            full[innerIndex[j]] = par.scale().toScale(q[j]);
        }
        nll += objective.negLogPrior(java.util.Arrays.copyOf(full, est.size()), null); // outer priors only (inner have none)
        full[est.size()] = nll;
        return full;
    }
}
