package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.BoundedProblem;
import java.util.List;

/**
 * A PEtab negative log-likelihood as a {@link BoundedProblem} for the optimisers of {@code dev.fixpoint.bio.fit}:
 * the variables are the estimated parameters in parameter-table order, on their PEtab scales (lin, log, log10),
 * bounded by the table's bounds on the same scales. The gradient comes from {@link PetabObjective#gradient}.
 * Not thread-safe (it owns one objective); {@link dev.fixpoint.bio.fit.MultiStart} takes one instance per start.
 */
public final class PetabBoundedProblem implements BoundedProblem {

    private final PetabObjective objective;
    private final GradientMethod method;
    private final double[] lower;
    private final double[] upper;

    /**
     * @param objective the objective (owned from now on)
     * @param method    how gradients are computed (ADJOINT, FORWARD or AUTO)
     */
    public PetabBoundedProblem(PetabObjective objective, GradientMethod method) {
        this.objective = objective;
        this.method = method;
        List<String> ids = objective.estimated();
        lower = new double[ids.size()];
        upper = new double[ids.size()];
        PetabProblem problem = objective.problem();
        for (int i = 0; i < lower.length; i++) {
            PetabProblem.Parameter p = problem.parameters().get(ids.get(i));
            lower[i] = p.scale().toScale(p.lower());
            upper[i] = p.scale().toScale(p.upper());
        }
    }

    /** @return the wrapped objective */
    public PetabObjective objective() {
        return objective;
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower;
    }

    @Override
    public double[] upper() {
        return upper;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return objective.gradient(x, method, g);
    }
}
