package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.DifferenceBoundary;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.operators.prox.TotalVariation1d;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Douglas–Rachford and split Bregman on the shared lasso and on 1-d TV denoising. */
class SplittingMethodsTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();

    @Test
    void douglasRachfordReachesTheLassoMinimiser() {
        Tensor gram = Tensor.matmul(LASSO.matrix, true, LASSO.matrix, false);
        Tensor linear = LASSO.a.adjoint(LASSO.b).neg();
        SolverResult r = DouglasRachford.builder(Proximals.quadratic(gram, linear), LASSO.l1())
                .stopping(StoppingCriteria.of(1e-13, 20_000)).build().solve(Tensor.zeros(LassoFixture.N));
        double kkt = LASSO.kkt(r.solution());
        RESULTS.info("lasso douglas-rachford: {} iterations, KKT residual {}", r.iterations(), kkt);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(kkt <= 1e-8, "KKT " + kkt);
        // the dual is the gradient of the data term at the f-point: Aᵀ(Ax − b)
        Tensor gradient = LASSO.a.adjoint(LASSO.a.apply(r.auxiliary("x")).sub(LASSO.b));
        assertTrue(r.auxiliary("dual").allClose(gradient, 1e-9, 1e-9));
    }

    @Test
    void douglasRachfordWithRelaxationAlsoConverges() {
        Tensor gram = Tensor.matmul(LASSO.matrix, true, LASSO.matrix, false);
        Tensor linear = LASSO.a.adjoint(LASSO.b).neg();
        SolverResult r = DouglasRachford.builder(Proximals.quadratic(gram, linear), LASSO.l1()).step(0.5).relaxation(1.5)
                .stopping(StoppingCriteria.of(1e-13, 20_000)).build().solve(Tensor.zeros(LassoFixture.N));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(LASSO.kkt(r.solution()) <= 1e-8);
    }

    @Test
    void splitBregmanReachesTheLassoMinimiser() {
        for (int sweeps : new int[]{1, 3}) {
            SolverResult r = SplitBregman.builder(LASSO.leastSquares(), LASSO.l1()).innerSweeps(sweeps)
                    .stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
            double kkt = LASSO.kkt(r.auxiliary("d"));
            RESULTS.info("lasso split bregman ({} inner sweeps): {} iterations, KKT residual of d {}", sweeps, r.iterations(), kkt);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            assertTrue(kkt <= 1e-8, "KKT " + kkt);
        }
    }

    @Test
    void splitBregmanSolvesTotalVariationDenoisingWithMatrixFreeCg() {
        int n = 150;
        SplittableRandom rng = new SplittableRandom(9);
        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = (i / 25) % 3 - 1 + 0.25 * rng.nextGaussian();
        }
        Tensor b = Tensor.wrap(signal, n);
        LinearOperator d = Operators.finiteDifference1d(n, DifferenceBoundary.FREE);
        double lambda = 0.8;
        SolverResult r = SplitBregman.builder(LeastSquares.of(Operators.identity(n), b), Proximals.l1(lambda))
                .transform(d).penalty(2).innerSweeps(2).linearSubproblem(LinearSubproblem.conjugateGradient(1e-13, 300))
                .stopping(StoppingCriteria.of(1e-12, 20_000)).build().solve(null);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        Tensor exact = new TotalVariation1d(lambda).prox(b, 1.0);
        assertTrue(r.solution().allClose(exact, 0, 1e-8), "max difference " + r.solution().sub(exact).normInf());
    }
}
