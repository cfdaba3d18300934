package dev.fixpoint.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseRecoveryProblemTest {

    @Test
    void matrixHasUnitNormColumnsAndIsReproducible() {
        SparseRecoveryProblem p = SparseRecoveryProblem.standard(Double.POSITIVE_INFINITY, 7);
        Tensor a = p.matrix();
        assertEquals(250, a.dim(0));
        assertEquals(500, a.dim(1));
        Tensor norms = a.square().sum(0).sqrt();
        for (int j = 0; j < 500; j++) {
            assertEquals(1.0, norms.get(j), 1e-12);
        }
        assertTrue(a.allClose(SparseRecoveryProblem.standard(30, 7).matrix(), 0, 0), "matrix depends only on the seed");
    }

    @Test
    void signalsAreBernoulliGaussianAndNoiselessMeasurementsExact() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(100, 400, 0.1, Double.POSITIVE_INFINITY, 3);
        SparseRecoveryBatch b = p.testSet(500);
        double nonzero = 0;
        double[] x = b.x().data();
        for (double v : x) {
            nonzero += v != 0 ? 1 : 0;
        }
        // 200,000 Bernoulli(0.1) draws: standard deviation of the fraction is 6.7e-4
        assertEquals(0.1, nonzero / x.length, 4e-3);
        assertEquals(0.1, b.x().square().sum() / x.length, 4e-3, "E x^2 = p");
        assertTrue(p.matrix().matmul(b.x()).allClose(b.y(), 0, 1e-12));
        assertTrue(b.x().allClose(p.testSet(500).x(), 0, 0), "test set is fixed");
        assertTrue(!b.x().allClose(p.validationSet(500).x(), 0, 0), "validation differs from test");
    }

    @Test
    void noiseHasTheRequestedSnr() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(200, 400, 0.1, 20, 5);
        SparseRecoveryBatch b = p.sample(400, new SplittableRandom(1));
        Tensor clean = p.matrix().matmul(b.x());
        double signal = clean.square().sum();
        double noise = b.y().sub(clean).square().sum();
        // 80,000 noise samples: the empirical SNR is within a few hundredths of a dB
        assertEquals(20.0, 10 * Math.log10(signal / noise), 0.1);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(FixpointException.class, () -> new SparseRecoveryProblem(0, 10, 0.1, 10, 1));
        assertThrows(FixpointException.class, () -> new SparseRecoveryProblem(10, 10, 0, 10, 1));
        assertThrows(FixpointException.class, () -> new SparseRecoveryProblem(10, 10, 0.1, Double.NaN, 1));
    }

    @Test
    void nmseIsARatioOfTotalsInDecibels() {
        Tensor truth = Tensor.matrix(new double[][]{{1, 0}, {0, 3}});
        Tensor est = Tensor.matrix(new double[][]{{1.1, 0}, {0, 3}});
        assertEquals(10 * Math.log10(0.01 / 10), Nmse.decibels(est, truth), 1e-12);
        assertThrows(FixpointException.class, () -> Nmse.ratio(truth, Tensor.zeros(2, 2)));
    }
}
