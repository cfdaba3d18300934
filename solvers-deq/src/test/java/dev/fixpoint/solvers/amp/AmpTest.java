package dev.fixpoint.solvers.amp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.sparse.Nmse;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class AmpTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    /** One explicit AMP step, written out from the equations, for a single column. */
    @Test
    void firstTwoIterationsFollowTheEquations() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(30, 60, 0.1, Double.POSITIVE_INFINITY, 3);
        Tensor y = p.sample(1, new SplittableRandom(4)).y().reshape(30);
        Tensor a = p.matrix();
        double alpha = 1.2;
        // x¹ = η(Aᵀy; α‖y‖/√m), z¹ = y − Ax¹ + (‖x¹‖₀/m)·y
        Tensor r0 = Tensor.matvecInto(1, a, true, y, 0, null);
        double th0 = alpha * y.norm() / Math.sqrt(30);
        Tensor x1 = r0.map(v -> Math.signum(v) * Math.max(Math.abs(v) - th0, 0));
        double nnz = 0;
        for (double v : x1.toArray()) {
            nnz += v != 0 ? 1 : 0;
        }
        Tensor z1 = y.sub(a.matvec(x1)).add(y.mul(nnz / 30));
        Tensor r1 = x1.add(Tensor.matvecInto(1, a, true, z1, 0, null));
        double th1 = alpha * z1.norm() / Math.sqrt(30);
        Tensor x2 = r1.map(v -> Math.signum(v) * Math.max(Math.abs(v) - th1, 0));

        List<Tensor> it = new Amp(a, alpha).iterates(y, 2);
        assertArrayEquals(new int[]{60}, it.get(0).shape());
        assertTrue(it.get(0).allClose(x1, 0, 1e-13));
        assertTrue(it.get(1).allClose(x2, 0, 1e-13));
        SolverResult r = new Amp(a, alpha).solve(y, StoppingCriteria.fixedIterations(2), null);
        assertEquals(th1 / alpha, r.auxiliary("tau").get(0), 1e-13);
    }

    @Test
    void batchColumnsAreIndependentRuns() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(100, 200, 0.1, 30, 5);
        SparseRecoveryBatch batch = p.sample(4, new SplittableRandom(6));
        Amp amp = new Amp(p.matrix(), 1.5);
        Tensor together = amp.solve(batch.y(), StoppingCriteria.fixedIterations(25), null).solution();
        for (int j = 0; j < 4; j++) {
            Tensor alone = amp.solve(batch.y().slice(1, j, j + 1).reshape(100), StoppingCriteria.fixedIterations(25), null).solution();
            assertTrue(together.slice(1, j, j + 1).reshape(200).allClose(alone, 0, 1e-12), "column " + j);
        }
    }

    @Test
    void recoversSparseSignalsBelowTheTransition() {
        // δ = 0.5, ε = 0.05 → ρ = 0.1, far below ρ_SE(0.5) = 0.386
        SparseRecoveryProblem p = new SparseRecoveryProblem(300, 600, 0.05, Double.POSITIVE_INFINITY, 7);
        SparseRecoveryBatch batch = p.sample(8, new SplittableRandom(8));
        SolverResult r = new Amp(p.matrix(), PhaseTransition.optimalAlpha(0.5))
                .solve(batch.y(), StoppingCriteria.of(1e-10, 2000), null);
        double db = Nmse.decibels(r.solution(), batch.x());
        RESULTS.info("AMP noiseless m=300 n=600 eps=0.05 alpha*: {} after {} iterations, NMSE {} dB", r.status(), r.iterations(), db);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.stoppingReason());
        assertTrue(db < -150, "NMSE " + db + " dB");
        assertArrayEquals(new int[]{300, 8}, r.auxiliary("residual").shape());
        assertTrue(r.auxiliary("residual").norm() < 1e-6 * batch.y().norm());
    }

    @Test
    void traceRecordsErrorPerIterationAndSample() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(200, 400, 0.1, Double.POSITIVE_INFINITY, 9);
        SparseRecoveryBatch batch = p.sample(3, new SplittableRandom(10));
        Amp amp = new Amp(p.matrix(), 1.5);
        AmpTrace tr = amp.trace(batch.y(), batch.x(), 12);
        assertEquals(12, tr.nmse().length);
        assertEquals(12, tr.sampleNmse().length);
        assertEquals(3, tr.sampleNmse()[0].length);
        List<Tensor> it = amp.iterates(batch.y(), 12);
        for (int t = 0; t < 12; t++) {
            assertEquals(Nmse.ratio(it.get(t), batch.x()), tr.nmse()[t], 1e-12 * tr.nmse()[t]);
        }
        assertEquals(Nmse.ratio(it.get(11).slice(1, 2, 3), batch.x().slice(1, 2, 3)), tr.sampleNmse()[11][2], 1e-12);
        assertEquals(tauRms0(batch.y()), tr.tau()[0], 1e-13);
        assertTrue(tr.nmseDb()[11] < tr.nmseDb()[0] - 10);
    }

    private static double tauRms0(Tensor y) {
        double s = 0;
        for (int j = 0; j < y.dim(1); j++) {
            double c = y.slice(1, j, j + 1).norm() / Math.sqrt(y.dim(0));
            s += c * c;
        }
        return Math.sqrt(s / y.dim(1));
    }

    @Test
    void zeroThresholdDivergesAndIsReportedWithTheIteration() {
        // α = 0: η is the identity and SE gives τ²_{t+1} = τ²_t/δ, doubling each iteration at δ = 0.5
        SparseRecoveryProblem p = new SparseRecoveryProblem(100, 200, 0.1, Double.POSITIVE_INFINITY, 11);
        Tensor y = p.sample(2, new SplittableRandom(12)).y();
        SolverResult r = new Amp(p.matrix(), 0).solve(y, StoppingCriteria.of(1e-12, 10_000).withDivergenceFactor(1e6), null);
        assertEquals(SolverStatus.DIVERGED, r.status());
        assertTrue(r.stoppingReason().contains("at iteration") && r.iterations() < 200, r.stoppingReason());
        // with an unreachable divergence bound the values overflow: reported as non-finite, with the iteration
        SolverResult inf = new Amp(p.matrix(), 0).solve(y, StoppingCriteria.of(1e-12, 10_000).withDivergenceFactor(Double.MAX_VALUE), null);
        assertEquals(SolverStatus.DIVERGED, inf.status());
        assertTrue(inf.stoppingReason().contains("non-finite") && inf.stoppingReason().contains("iteration"), inf.stoppingReason());
    }

    @Test
    void rejectsBadInput() {
        Tensor a = Tensor.randn(1, 10, 20);
        assertThrows(ShapeMismatchException.class, () -> new Amp(a, 1).solve(Tensor.zeros(11), StoppingCriteria.defaults(), null));
        assertThrows(ShapeMismatchException.class, () -> new Amp(Tensor.zeros(10), 1));
        FixpointException neg = assertThrows(FixpointException.class, () -> new Amp(a, -0.5));
        assertTrue(neg.getMessage().startsWith("[fixpoint/InvalidParameter]") && neg.getMessage().contains("-0.5"), neg.getMessage());
        Tensor bad = Tensor.zeros(10);
        bad.set(Double.NaN, 3);
        FixpointException nan = assertThrows(FixpointException.class, () -> new Amp(a, 1).solve(bad, StoppingCriteria.defaults(), null));
        assertTrue(nan.getMessage().startsWith("[fixpoint/NonFinite]"), nan.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new Amp(a, 1).trace(Tensor.zeros(10, 2), Tensor.zeros(20, 3), 2));
    }

    @Test
    void zeroMeasurementsGiveTheZeroEstimate() {
        Tensor a = Tensor.randn(2, 10, 20);
        SolverResult r = new Amp(a, 1).solve(Tensor.zeros(10), StoppingCriteria.defaults(), null);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(0, r.solution().norm(), 0);
    }
}
