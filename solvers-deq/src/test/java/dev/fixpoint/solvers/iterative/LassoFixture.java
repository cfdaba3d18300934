package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.operators.prox.L1Norm;
import dev.fixpoint.operators.prox.Proximals;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.SplittableRandom;

/**
 * The modest lasso problem shared by the solver tests: A [100, 200] from
 * {@link SparseRecoveryProblem} (seed 7, p = 0.1, 30 dB noise), b one sample, and
 * λ = 0.05·‖Aᵀb‖∞ (so the solution is sparse but not empty).
 */
final class LassoFixture {
    static final int M = 100;
    static final int N = 200;

    final Tensor matrix;
    final LinearOperator a;
    final Tensor b;
    final double lambda;
    /** Exact L = ‖A‖₂² from the eigenvalues of AᵀA. */
    final double lipschitz;

    private LassoFixture() {
        SparseRecoveryProblem problem = new SparseRecoveryProblem(M, N, 0.1, 30, 7);
        matrix = problem.matrix();
        a = Operators.dense(matrix);
        b = problem.sample(1, new SplittableRandom(11)).y().reshape(M);
        lambda = 0.05 * a.adjoint(b).normInf();
        lipschitz = largestEigenvalueOfGram(matrix);
    }

    static LassoFixture create() {
        return new LassoFixture();
    }

    static double largestEigenvalueOfGram(Tensor matrix) {
        Tensor gram = Tensor.matmul(matrix, true, matrix, false);
        return dev.fixpoint.core.linalg.LinearAlgebra.current().eigh(gram).values().max();
    }

    LeastSquares leastSquares() {
        return LeastSquares.of(a, b).withLipschitz(lipschitz);
    }

    L1Norm l1() {
        return Proximals.l1(lambda);
    }

    double kkt(Tensor x) {
        return LassoOptimality.kktResidual(a, b, lambda, x);
    }
}
