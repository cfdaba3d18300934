package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.DifferenceBoundary;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.operators.prox.TotalVariation1d;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class AdmmTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();

    private static SolverResult lasso(String label, Admm.Builder builder) {
        SolverResult r = builder.stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
        double kkt = LASSO.kkt(r.auxiliary("z"));
        RESULTS.info("lasso admm ({}): {} iterations, KKT residual of z {}, final ρ {}, inner CG iterations {}",
                label, r.iterations(), kkt, r.auxiliary("rho").item(), r.auxiliary("innerIterations").item());
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(kkt <= 1e-8, label + " KKT " + kkt);
        assertTrue(r.solution().allClose(r.auxiliary("z"), 0, 1e-9), "x and z agree at convergence");
        return r;
    }

    @Test
    void choleskyReachesTheLassoMinimiser() {
        SolverResult r = lasso("cholesky", Admm.builder(LASSO.leastSquares(), LASSO.l1())
                .linearSubproblem(LinearSubproblem.cholesky()));
        assertEquals(0.0, r.auxiliary("innerIterations").item());
    }

    @Test
    void warmStartedConjugateGradientsReachTheLassoMinimiser() {
        SolverResult r = lasso("cg", Admm.builder(LASSO.leastSquares(), LASSO.l1())
                .linearSubproblem(LinearSubproblem.conjugateGradient(1e-13, 500)));
        // warm starts: far fewer than n = 200 inner iterations per outer iteration on average
        assertTrue(r.auxiliary("innerIterations").item() < 50.0 * r.iterations(), r.auxiliary("innerIterations").item() + "");
    }

    @Test
    void residualBalancingAndRelaxationReachTheLassoMinimiser() {
        SolverResult fixed = lasso("ρ=100 fixed", Admm.builder(LASSO.leastSquares(), LASSO.l1()).penalty(100));
        SolverResult balanced = lasso("ρ=100 balanced", Admm.builder(LASSO.leastSquares(), LASSO.l1()).penalty(100)
                .residualBalancing());
        lasso("relaxation 1.6", Admm.builder(LASSO.leastSquares(), LASSO.l1()).relaxation(1.6));
        assertTrue(balanced.auxiliary("rho").item() < 100, "balancing lowered a too large ρ");
        assertTrue(balanced.iterations() < fixed.iterations(), balanced.iterations() + " vs " + fixed.iterations());
    }

    /** A general constraint: 1-d total variation denoising min ½‖x − b‖² + λ‖Dx‖₁ with K = D. */
    @Test
    void solvesTotalVariationDenoisingWithADifferenceConstraint() {
        int n = 120;
        double[] signal = new double[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            signal[i] = (i / 30) % 2 == 0 ? 1 : -1;
            signal[i] += 0.2 * rng.nextGaussian();
        }
        Tensor b = Tensor.wrap(signal, n);
        var d = Operators.finiteDifference1d(n, DifferenceBoundary.FREE);
        double lambda = 0.5;
        SolverResult r = Admm.builder(LeastSquares.of(Operators.identity(n), b), Proximals.l1(lambda)).constraint(d)
                .stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        // optimality: x − b + Dᵀy = 0 with y the dual, |y| ≤ λ
        Tensor y = r.auxiliary("dual");
        Tensor stationarity = r.solution().sub(b).add(d.adjoint(y));
        assertTrue(stationarity.normInf() <= 1e-9, "stationarity " + stationarity.normInf());
        assertTrue(y.normInf() <= lambda * (1 + 1e-9));
        // the same problem solved exactly by the library's 1-d TV prox (Condat's direct algorithm)
        Tensor exact = new TotalVariation1d(lambda).prox(b, 1.0);
        assertTrue(r.solution().allClose(exact, 0, 1e-8), "max difference " + r.solution().sub(exact).normInf());
    }

    @Test
    void constraintMustActOnTheUnknowns() {
        assertThrows(ShapeMismatchException.class, () -> Admm.builder(LASSO.leastSquares(), LASSO.l1())
                .constraint(Operators.identity(7)));
    }
}
