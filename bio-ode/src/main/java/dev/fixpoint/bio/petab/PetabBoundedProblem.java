package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.fit.BoundedProblem;
import java.util.List;

/**
 * A PEtab negative log-likelihood as a {@link BoundedProblem} for the optimisers of {@code dev.fixpoint.bio.fit}:
 * the variables are the estimated parameters in parameter-table order, on their PEtab scales (lin, log, log10),
 * bounded by the table's bounds on the same scales. The gradient comes from {@link PetabObjective#gradient}. In
 * hierarchical mode ({@link #hierarchical}) the variables are only the outer parameters of a
 * {@link HierarchicalObjective}; the analytic ones are solved at every evaluation, and {@link #full} gives them back.
 * Not thread-safe (it owns one objective); {@link dev.fixpoint.bio.fit.MultiStart} takes one instance per start.
 */
public final class PetabBoundedProblem implements BoundedProblem {

    private final PetabObjective objective;
    private final HierarchicalObjective hierarchical;
    private final GradientMethod method;
    private final double[] lower;
    private final double[] upper;

    /**
     * @param objective the objective (owned from now on)
     * @param method    how gradients are computed (ADJOINT, FORWARD or AUTO)
     */
    public PetabBoundedProblem(PetabObjective objective, GradientMethod method) {
        this(objective, null, method);
    }

    /**
     * Hierarchical mode: the variables are {@code h.outer()} with {@code h.lowerBounds()/upperBounds()}.
     *
     * @param h      the hierarchical objective (owned from now on, with its PetabObjective)
     * @param method how gradients are computed
     * @return the problem over the outer parameters
     */
    public static PetabBoundedProblem hierarchical(HierarchicalObjective h, GradientMethod method) {
        return new PetabBoundedProblem(h.objective(), h, method);
    }

    private PetabBoundedProblem(PetabObjective objective, HierarchicalObjective h, GradientMethod method) {
        this.objective = objective;
        this.hierarchical = h;
        this.method = method;
        if (h != null) {
            lower = h.lowerBounds();
            upper = h.upperBounds();
            return;
        }
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

    /** @return the ids of the variables, in order (all estimated parameters, or the outer ones) */
    public List<String> ids() {
        return hierarchical == null ? objective.estimated() : hierarchical.outer();
    }

    /**
     * @param x variables [dimension()] (read only)
     * @return all estimated parameters on their scales [objective().estimated().size()] (in hierarchical mode the
     *         inner ones at their analytic optimum, which costs one simulation)
     */
    public double[] full(double[] x) {
        return hierarchical == null ? x.clone() : hierarchical.full(x);
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

    /**
     * The same objective as a least-squares problem for {@link dev.fixpoint.bio.fit.LevenbergMarquardt}: the residuals
     * and their forward-sensitivity Jacobian of {@link PetabObjective#residuals} (normal noise only; estimated σ give
     * error-model residuals). Not available in hierarchical mode.
     *
     * @return a least-squares view sharing this problem's objective and bounds
     */
    public dev.fixpoint.bio.fit.LeastSquaresProblem leastSquares() {
        if (hierarchical != null) {
            throw new dev.fixpoint.core.FixpointException("NotLeastSquares",
                    "hierarchical mode has no residual form; use the quasi-Newton optimiser");
        }
        int m = objective.residualCount();
        double c = objective.residualConstant();
        return new dev.fixpoint.bio.fit.LeastSquaresProblem() {
            @Override
            public int dimension() {
                return lower.length;
            }

            @Override
            public int residualCount() {
                return m;
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
            public double constant() {
                return c;
            }

            @Override
            public void residuals(double[] x, double[] r, double[][] jacobianOrNull) {
                objective.residuals(x, r, jacobianOrNull);
            }
        };
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return hierarchical == null ? objective.gradient(x, method, g) : hierarchical.gradient(x, method, g);
    }
}
