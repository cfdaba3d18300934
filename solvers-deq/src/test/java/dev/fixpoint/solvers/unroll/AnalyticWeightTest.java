package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The closed-form minimal-coherence weight against its optimality conditions and the authors' iteration. */
class AnalyticWeightTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final Tensor A = new SparseRecoveryProblem(25, 50, 0.1, Double.POSITIVE_INFINITY, 9).matrix();

    @Test
    void satisfiesTheConstraintAndTheStationarityCondition() {
        Tensor w = AnalyticWeight.of(A);
        Tensor wa = Tensor.matmul(w, true, A, false);
        for (int i = 0; i < 50; i++) {
            assertEquals(1.0, wa.get(i, i), 1e-12, "diag(WᵀA) = 1");
        }
        // stationarity: (AAᵀ)wᵢ = μᵢaᵢ for a scalar μᵢ, i.e. AAᵀW = A·diag(μ)
        Tensor g = Tensor.matmul(Tensor.matmul(A, false, A, true), false, w, false);
        for (int i = 0; i < 50; i++) {
            double mu = g.get(0, i) / A.get(0, i);
            for (int r = 0; r < 25; r++) {
                assertEquals(mu * A.get(r, i), g.get(r, i), 1e-10 * Math.abs(mu));
            }
        }
    }

    @Test
    void isAtLeastAsGoodAsTheAuthorsProjectedGradientIterationAndItsLimit() {
        // Algorithm 1 of Liu et al. (2019): W ← proj(W − η·A(AᵀW − I)), proj restoring wᵢᵀaᵢ = 1
        // along aᵢ (unit-norm columns), started from W = A
        Tensor w = A.copy();
        double eta = 0.1;
        for (int t = 0; t < 3000; t++) {
            Tensor res = Tensor.matmul(A, true, w, false).sub(Tensor.eye(50));
            w = w.sub(A.matmul(res).mul(eta));
            Tensor diag = Tensor.matmul(w, true, A, false);
            for (int r = 0; r < 25; r++) {
                for (int i = 0; i < 50; i++) {
                    w.set(w.get(r, i) + (1 - diag.get(i, i)) * A.get(r, i), r, i);
                }
            }
        }
        Tensor closed = AnalyticWeight.of(A);
        double fClosed = AnalyticWeight.objective(closed, A);
        double fIter = AnalyticWeight.objective(w, A);
        RESULTS.info("analytic weight A[25,50]: ‖WᵀA‖_F² closed form {}, 3000 projected-gradient steps {}, ‖ΔW‖_F {}",
                fClosed, fIter, w.sub(closed).norm());
        assertTrue(fClosed <= fIter * (1 + 1e-12), fClosed + " vs " + fIter);
        assertTrue(w.sub(closed).norm() < 1e-6 * closed.norm(), "the iteration converges to the closed form");
    }

    @Test
    void lowersTheCoherenceBelowThatOfAWithItself() {
        Tensor w = AnalyticWeight.of(A);
        double self = AnalyticWeight.mutualCoherence(A, A);
        double analytic = AnalyticWeight.mutualCoherence(w, A);
        RESULTS.info("mutual coherence A[25,50]: μ(A, A) = {}, μ(W, A) = {}", self, analytic);
        assertTrue(analytic < self, analytic + " vs " + self);
        assertTrue(AnalyticWeight.objective(w, A) < AnalyticWeight.objective(A, A));
    }

    @Test
    void aRankDeficientMatrixIsRejected() {
        Tensor a = A.copy();
        for (int i = 0; i < 50; i++) {
            a.set(a.get(0, i), 1, i); // two equal rows
        }
        FixpointException e = assertThrows(FixpointException.class, () -> AnalyticWeight.of(a));
        assertTrue(e.getMessage().startsWith("[fixpoint/RankDeficient]"), e.getMessage());
    }
}
