package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import org.junit.jupiter.api.Test;

/** Values and proximal maps on hand-computed examples, and the closed-form conjugate pairs. */
class ClosedFormsTest {

    @Test
    void valuesOnHandComputedPoints() {
        Tensor x = Tensor.vector(3, -4, 0);
        assertEquals(14, Proximals.l1(2).value(x), 0);
        assertEquals(10, Proximals.l2Norm(2).value(x), 1e-15);
        assertEquals(8, Proximals.linfNorm(2).value(x), 0);
        assertEquals(25, Proximals.squaredL2(2).value(x), 1e-15);
        assertEquals(7 + 12.5, Proximals.elasticNet(1, 1).value(x), 1e-15);
        assertEquals((3 - 0.5) + (4 - 0.5), Proximals.huber(1).value(x), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Proximals.logBarrier(1).value(x));
        assertEquals(-Math.log(6), Proximals.logBarrier(1).value(Tensor.vector(2, 3)), 1e-15);
        assertEquals(2 - 3 * Math.log(2) + 5, Proximals.kullbackLeibler(Tensor.vector(3, 0)).value(Tensor.vector(2, 5)), 1e-14);
        assertEquals(0.0, Proximals.simplex(1).value(Tensor.vector(0.25, 0.75)));
        assertEquals(Double.POSITIVE_INFINITY, Proximals.simplex(1).value(Tensor.vector(0.25, 0.8)));
        assertEquals(2 * (5 + Math.sqrt(2)), Proximals.groupL1(2, new int[]{4}, new int[][]{{0, 2}, {1, 3}})
                .value(Tensor.vector(3, 1, 4, 1)), 1e-14);
        Tensor q = Tensor.matrix(new double[][]{{2, 1}, {1, 2}});
        assertEquals(0.5 * (2 + 2 + 2) + 1, Proximals.quadratic(q, Tensor.vector(1, 0)).value(Tensor.vector(1, 1)), 1e-15);
    }

    @Test
    void proxOnHandComputedPoints() {
        Tensor v = Tensor.vector(3, -0.5, -2);
        assertArrayEquals(new double[]{2, 0, -1}, Proximals.l1(1).prox(v, 1).toArray(), 0);
        assertArrayEquals(new double[]{1, -0.5, -1}, Proximals.box(-1, 1).prox(v, 7).toArray(), 0);
        assertArrayEquals(new double[]{3, 0, 0}, Proximals.nonNegative().prox(v, 1).toArray(), 0);
        assertArrayEquals(new double[]{1, 0, 0}, Proximals.simplex(1).prox(v, 1).toArray(), 1e-15);
        assertArrayEquals(new double[]{0.75, 0, -0.25}, Proximals.elasticNet(1.5, 1).prox(v, 1).toArray(), 1e-15);
        // Huber δ=1, τ=1: |3| > 2 → 3 − 1; |−0.5| ≤ 2 → −0.25; |−2| ≤ 2 → −1
        assertArrayEquals(new double[]{2, -0.25, -1}, Proximals.huber(1).prox(v, 1).toArray(), 1e-15);
        // log barrier: x² − vx − τμ = 0
        Tensor lb = Proximals.logBarrier(0.5).prox(v, 2);
        for (int i = 0; i < 3; i++) {
            double x = lb.data()[i];
            assertTrue(x > 0);
            assertEquals(0, x * x - v.data()[i] * x - 1, 1e-14);
        }
        // far negative input keeps full relative accuracy (no cancellation)
        double tiny = Proximals.logBarrier(1).prox(Tensor.vector(-1e8), 1).item();
        assertEquals(1e-8, tiny, 1e-22);
        // KL, y = 4, τ = 1, v = 1: x² + 0·x − 4 = 0 → 2
        assertEquals(2, Proximals.kullbackLeibler(Tensor.vector(4)).prox(Tensor.vector(1), 1).item(), 1e-15);
        assertEquals(0, Proximals.kullbackLeibler(Tensor.vector(0)).prox(Tensor.vector(0.5), 1).item(), 0);
        // quadratic: (I + τQ)x = v − τq
        Tensor qm = Tensor.matrix(new double[][]{{2, 1}, {1, 2}});
        Tensor x = Proximals.quadratic(qm, Tensor.vector(1, -1)).prox(Tensor.vector(1, 2), 0.5);
        Tensor lhs = x.add(qm.matvec(x).mul(0.5));
        assertArrayEquals(new double[]{0.5, 2.5}, lhs.toArray(), 1e-14);
    }

    @Test
    void closedFormConjugatesArePairedWithTheirOwnProx() {
        assertInstanceOf(LInfBallIndicator.class, Proximals.l1(2).conjugate());
        assertInstanceOf(BoxIndicator.class, Proximals.weightedL1(2, Tensor.ones(3)).conjugate());
        assertInstanceOf(L2BallIndicator.class, Proximals.l2Norm(2).conjugate());
        assertInstanceOf(L2Norm.class, Proximals.l2Ball(2).conjugate());
        assertInstanceOf(L1Norm.class, Proximals.linfBall(2).conjugate());
        assertInstanceOf(LInfNorm.class, Proximals.l1Ball(2).conjugate());
        assertInstanceOf(L1BallIndicator.class, Proximals.linfNorm(2).conjugate());
        assertInstanceOf(SpectralNormBall.class, Proximals.nuclearNorm(2).conjugate());
        assertInstanceOf(NuclearNorm.class, Proximals.spectralNormBall(2).conjugate());
        SquaredL2Norm sq = (SquaredL2Norm) Proximals.squaredL2(4).conjugate();
        assertEquals(0.25, sq.lambda());
        ProximalFunction h = Proximals.huber(1);
        assertSame(h, h.conjugate().conjugate());
    }

    @Test
    void separableSumActsBlockwise() {
        SeparableSum f = Proximals.separable(new int[]{2, 3}, Proximals.l1(1), Proximals.nonNegative());
        Tensor v = Tensor.vector(3, -0.5, -1, 2, 0.5);
        assertArrayEquals(new double[]{2, 0, 0, 2, 0.5}, f.prox(v, 1).toArray(), 0);
        assertEquals(Double.POSITIVE_INFINITY, f.value(v));
        assertEquals(2, f.value(f.prox(v, 1)), 0);
        assertEquals(2, f.blockCount());
    }
}
