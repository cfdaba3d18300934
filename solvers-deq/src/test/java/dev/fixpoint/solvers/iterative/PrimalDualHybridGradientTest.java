package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PrimalDualHybridGradientTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final LassoFixture LASSO = LassoFixture.create();

    @Test
    void reachesTheLassoMinimiserWithScalarSteps() {
        SolverResult r = PrimalDualHybridGradient.builder(LASSO.l1(), Proximals.squaredL2(1).shifted(LASSO.b), LASSO.a)
                .stopping(StoppingCriteria.of(1e-12, 50_000)).build().solve(null, null);
        double kkt = LASSO.kkt(r.solution());
        RESULTS.info("lasso pdhg (scalar steps): {} iterations, KKT residual {}", r.iterations(), kkt);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(kkt <= 1e-8, "KKT " + kkt);
        // at the saddle point the dual is the residual y = Ax − b
        Tensor residual = LASSO.a.apply(r.solution()).sub(LASSO.b);
        assertTrue(r.auxiliary("dual").allClose(residual, 1e-6, 1e-9));
    }

    @Test
    void reachesTheLassoMinimiserWithDiagonalPreconditioning() {
        SolverResult r = PrimalDualHybridGradient.builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b),
                        ExplicitMatrix.dense(LASSO.matrix)).diagonalPreconditioning()
                .stopping(StoppingCriteria.of(1e-12, 50_000)).build().solve(null, null);
        double kkt = LASSO.kkt(r.solution());
        RESULTS.info("lasso pdhg (diagonal preconditioning): {} iterations, KKT residual {}", r.iterations(), kkt);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(kkt <= 1e-8, "KKT " + kkt);
    }

    /**
     * A TV-type problem where preconditioning matters: weighted 1-d total-variation denoising
     * {@code min_x ½‖x − b‖² + Σᵢ wᵢ|x_{i+1} − x_i|} on n = 400 points, with weights
     * {@code wᵢ = 10^u}, u uniform in [−1, 1] (K = diag(w)·D as CSR, f = ‖·‖₁, g = ½‖· − b‖²). Scalar
     * steps are limited by the largest weight; the diagonal steps adapt to each row and column.
     */
    @Test
    void preconditioningHelpsOnABadlyScaledTotalVariationProblem() {
        int n = 400;
        SplittableRandom rng = new SplittableRandom(5);
        int[] rowPtr = new int[n];
        int[] colIdx = new int[2 * (n - 1)];
        double[] values = new double[2 * (n - 1)];
        for (int i = 0; i < n - 1; i++) {
            double w = Math.pow(10, rng.nextDouble(-1, 1));
            rowPtr[i + 1] = 2 * (i + 1);
            colIdx[2 * i] = i;
            colIdx[2 * i + 1] = i + 1;
            values[2 * i] = -w;
            values[2 * i + 1] = w;
        }
        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = (i / 50) % 2 == 0 ? 1.0 : -0.5;
            signal[i] += 0.3 * rng.nextGaussian();
        }
        Tensor b = Tensor.wrap(signal, n);
        ExplicitMatrix k = ExplicitMatrix.csr(n - 1, n, rowPtr, colIdx, values);
        StoppingCriteria stop = StoppingCriteria.of(1e-9, 200_000);
        SolverResult plain = PrimalDualHybridGradient.builder(SeparableFunction.squaredDistance(b), Proximals.l1(1), k)
                .stopping(stop).build().solve(null, null);
        SolverResult pre = PrimalDualHybridGradient.builder(SeparableFunction.squaredDistance(b), Proximals.l1(1), k)
                .diagonalPreconditioning().stopping(stop).build().solve(null, null);
        RESULTS.info("pdhg on weighted 1-d TV denoising (n=400, weights 10^[-1,1]), tol 1e-9: scalar steps {} iterations, "
                + "diagonal preconditioning {} iterations", plain.iterations(), pre.iterations());
        assertEquals(SolverStatus.CONVERGED, plain.status(), plain.toString());
        assertEquals(SolverStatus.CONVERGED, pre.status(), pre.toString());
        for (SolverResult r : new SolverResult[]{plain, pre}) {
            // optimality: x − b + Kᵀy = 0 and |y| ≤ 1 (y ∈ ∂‖·‖₁(Kx))
            Tensor stationarity = r.solution().sub(b).add(k.adjoint(r.auxiliary("dual")));
            assertTrue(stationarity.normInf() <= 1e-6, "stationarity " + stationarity.normInf());
            assertTrue(r.auxiliary("dual").normInf() <= 1 + 1e-9);
        }
        assertTrue(pre.solution().allClose(plain.solution(), 0, 1e-6));
        assertTrue(pre.iterations() < plain.iterations(), pre.iterations() + " vs " + plain.iterations());
    }

    /**
     * A badly scaled dense lasso (columns of A times 10^u, u in [−1.5, 1.5], rows times 10^v, v in
     * [−1, 1]): both variants converge. The α = 1 diagonal steps of a dense matrix are small (a row
     * sum of |K| far exceeds ‖K‖), so here preconditioning is not expected to win; the counts are logged.
     */
    @Test
    void bothVariantsConvergeOnABadlyScaledDenseLasso() {
        SplittableRandom rng = new SplittableRandom(5);
        int m = LASSO.matrix.dim(0);
        int n = LASSO.matrix.dim(1);
        double[] a = LASSO.matrix.toArray();
        double[] b = LASSO.b.toArray();
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            col[j] = Math.pow(10, rng.nextDouble(-1.5, 1.5));
        }
        for (int i = 0; i < m; i++) {
            double row = Math.pow(10, rng.nextDouble(-1, 1));
            b[i] *= row;
            for (int j = 0; j < n; j++) {
                a[i * n + j] *= row * col[j];
            }
        }
        Tensor matrix = Tensor.wrap(a, m, n);
        Tensor target = Tensor.wrap(b, m);
        LinearOperator op = Operators.dense(matrix);
        double lambda = 0.05 * op.adjoint(target).normInf();
        StoppingCriteria stop = StoppingCriteria.of(1e-10, 200_000);
        SolverResult plain = PrimalDualHybridGradient.builder(Proximals.l1(lambda), SeparableFunction.squaredDistance(target), op)
                .stopping(stop).build().solve(null, null);
        SolverResult pre = PrimalDualHybridGradient.builder(Proximals.l1(lambda), SeparableFunction.squaredDistance(target),
                ExplicitMatrix.dense(matrix)).diagonalPreconditioning().stopping(stop).build().solve(null, null);
        double kktPlain = LassoOptimality.kktResidual(op, target, lambda, plain.solution());
        double kktPre = LassoOptimality.kktResidual(op, target, lambda, pre.solution());
        RESULTS.info("pdhg on a badly scaled dense lasso (100x200, columns 10^±1.5, rows 10^±1), tol 1e-10: "
                        + "scalar steps {} iterations (KKT {}), diagonal preconditioning {} iterations (KKT {})",
                plain.iterations(), kktPlain, pre.iterations(), kktPre);
        assertEquals(SolverStatus.CONVERGED, plain.status(), plain.toString());
        assertEquals(SolverStatus.CONVERGED, pre.status(), pre.toString());
        assertTrue(kktPlain <= 1e-7 && kktPre <= 1e-7, kktPlain + " " + kktPre);
    }

    @Test
    void stepsViolatingTheBoundAreRejected() {
        double norm = Math.sqrt(LASSO.lipschitz);
        FixpointException e = assertThrows(FixpointException.class, () -> PrimalDualHybridGradient
                .builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b), LASSO.a).steps(1 / norm, 1.5 / norm).build());
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidStep]"), e.getMessage());
        assertTrue(e.getMessage().contains("τσ‖K‖² = 1.5"), e.getMessage());
        // a given bound of ‖K‖ replaces the estimate in the same check, and in the default steps
        FixpointException bound = assertThrows(FixpointException.class, () -> PrimalDualHybridGradient
                .builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b), LASSO.a).operatorNorm(2 * norm)
                .steps(1 / norm, 0.5 / norm).build());
        assertTrue(bound.getMessage().contains("τσ‖K‖² = 2"), bound.getMessage());
        assertTrue(PrimalDualHybridGradient.builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b), LASSO.a)
                .operatorNorm(2 * norm).build().toString().contains(String.format("τ=%.4g", 0.99 / (2 * norm))));
    }

    @Test
    void preconditioningNeedsExplicitEntriesAndSeparableFunctions() {
        FixpointException noSums = assertThrows(FixpointException.class, () -> PrimalDualHybridGradient
                .builder(LASSO.l1(), SeparableFunction.squaredDistance(LASSO.b), LASSO.a).diagonalPreconditioning().build());
        assertTrue(noSums.getMessage().startsWith("[fixpoint/NoAbsoluteSums]"), noSums.getMessage());
        assertTrue(noSums.getMessage().contains("ExplicitMatrix.dense"), noSums.getMessage());
        FixpointException notSeparable = assertThrows(FixpointException.class, () -> PrimalDualHybridGradient
                .builder(Proximals.l2Norm(1), SeparableFunction.squaredDistance(LASSO.b), ExplicitMatrix.dense(LASSO.matrix))
                .diagonalPreconditioning().build());
        assertTrue(notSeparable.getMessage().startsWith("[fixpoint/NotSeparable]"), notSeparable.getMessage());
    }
}
