package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CG and CGLS: their own optimality (the linear system, the normal equations) to 1e-8, and breakdown. */
class KrylovMethodsTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();

    @Test
    void conjugateGradientsSolveAnSpdSystem() {
        int n = LassoFixture.N;
        LinearOperator spd = LASSO.a.normal().plus(Operators.identity(n).times(0.1)); // AᵀA + 0.1 I
        Tensor rhs = LASSO.a.adjoint(LASSO.b);
        SolverResult r = ConjugateGradient.builder(spd, rhs).stopping(StoppingCriteria.of(1e-10, 1000)).build().solve(null);
        double trueResidual = spd.apply(r.solution()).sub(rhs).norm() / rhs.norm();
        RESULTS.info("cg on AᵀA + 0.1I (200 unknowns): {} iterations, true relative residual {}", r.iterations(), trueResidual);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(trueResidual <= 1e-8, "residual " + trueResidual);
        // the objective ½xᵀAx − bᵀx decreases monotonically in CG
        double[] objective = r.objectiveHistory();
        for (int k = 1; k < objective.length; k++) {
            assertTrue(objective[k] <= objective[k - 1] + 1e-12 * Math.abs(objective[k - 1]));
        }
    }

    @Test
    void conjugateGradientsReportBreakdownOnANegativeDefiniteOperator() {
        Tensor weights = Tensor.arange(10).add(1).neg(); // diag(−1, …, −10)
        SolverResult r = ConjugateGradient.builder(Operators.diagonal(weights), Tensor.ones(10)).build().solve(null);
        assertEquals(SolverStatus.BREAKDOWN, r.status());
        assertTrue(r.stoppingReason().contains("pᵀAp") && r.stoppingReason().contains("iteration 1"), r.stoppingReason());
    }

    @Test
    void conjugateGradientsNeedASquareOperator() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> ConjugateGradient.builder(LASSO.a, LASSO.b));
        assertTrue(e.getMessage().contains("[200]") && e.getMessage().contains("[100]"), e.getMessage());
    }

    @Test
    void cglsSolvesTheNormalEquations() {
        Tensor tall = Tensor.randn(21, 200, 100).mul(0.1);
        Tensor b = Tensor.randn(22, 200);
        LinearOperator a = Operators.dense(tall);
        SolverResult r = Cgls.builder(a, b).stopping(StoppingCriteria.of(1e-10, 1000)).build().solve(null);
        Tensor normal = a.adjoint(a.apply(r.solution()).sub(b));
        double relative = normal.norm() / a.adjoint(b).norm();
        RESULTS.info("cgls on a 200x100 least-squares problem: {} iterations, normal-equations residual {}", r.iterations(), relative);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(relative <= 1e-8, "normal residual " + relative);
    }

    @Test
    void dampedCglsMatchesTheRidgeSolution() {
        double mu = 0.3;
        SolverResult r = Cgls.builder(LASSO.a, LASSO.b).damping(mu).stopping(StoppingCriteria.of(1e-12, 1000)).build().solve(null);
        Tensor gram = Tensor.matmul(LASSO.matrix, true, LASSO.matrix, false).add(Tensor.eye(LassoFixture.N).mul(mu));
        Tensor exact = LinearAlgebra.current().solveSpd(gram, LASSO.a.adjoint(LASSO.b));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.solution().allClose(exact, 1e-8, 1e-10));
    }

    /** An operator whose "adjoint" is inconsistent with it: Ax = 0 but Aᵀy ≠ 0, so CGLS meets zero curvature. */
    @Test
    void cglsReportsBreakdownOnZeroCurvature() {
        LinearOperator broken = new LinearOperator(new int[]{4}, new int[]{3}) {
            @Override
            protected void forward(Tensor x, Tensor out) {
                out.fill(0);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                out.fill(y.sum());
            }
        };
        SolverResult r = Cgls.builder(broken, Tensor.ones(3)).build().solve(null);
        assertEquals(SolverStatus.BREAKDOWN, r.status());
        assertTrue(r.stoppingReason().contains("zero curvature") && r.stoppingReason().contains("iteration 1"), r.stoppingReason());
    }

    @Test
    void nonFiniteRightHandSidesAreRejectedWithTheIndex() {
        Tensor b = LASSO.b.copy();
        b.set(Double.POSITIVE_INFINITY, 42);
        FixpointException e = assertThrows(FixpointException.class, () -> Cgls.builder(LASSO.a, b));
        assertTrue(e.getMessage().startsWith("[fixpoint/NonFinite]") && e.getMessage().contains("[42]"), e.getMessage());
    }
}
