package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Nuclear norm against singular-value thresholding of a matrix with known SVD; affine-set projection. */
class MatrixFunctionsTest {

    /** An {@code [m, k]} matrix with orthonormal columns (Q of a random matrix). */
    private static Tensor orthonormal(SplittableRandom rng, int m, int k) {
        return LinearAlgebra.current().qr(Tensor.randn(rng, m, k)).q();
    }

    private static Tensor product(Tensor u, double[] s, Tensor v) {
        Tensor us = u.copy();
        int m = us.dim(0);
        int k = us.dim(1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                us.data()[i * k + j] *= s[j];
            }
        }
        return Tensor.matmul(us, false, v, true);
    }

    @Test
    void nuclearProxThresholdsKnownSingularValues() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int[] mn : new int[][]{{7, 4}, {4, 7}, {5, 5}}) {
            int p = Math.min(mn[0], mn[1]);
            Tensor u = orthonormal(rng, mn[0], p);
            Tensor v = orthonormal(rng, mn[1], p);
            double[] s = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = 0.3 + 0.6 * i;
            }
            Tensor x = product(u, s, v);
            double lambda = 0.5;
            double tau = 1.4; // threshold 0.7: kills the smallest two
            double[] shrunk = new double[p];
            double sum = 0;
            for (int i = 0; i < p; i++) {
                shrunk[i] = Math.max(s[i] - lambda * tau, 0);
                sum += s[i];
            }
            Tensor expected = product(u, shrunk, v);
            Tensor got = Proximals.nuclearNorm(lambda).prox(x, tau);
            assertTrue(got.sub(expected).norm() <= 1e-12 * x.norm(), "nuclear prox off by " + got.sub(expected).norm());
            assertEquals(lambda * sum, Proximals.nuclearNorm(lambda).value(x), 1e-12 * sum);
            double[] clamped = new double[p];
            for (int i = 0; i < p; i++) {
                clamped[i] = Math.min(s[i], 1.0);
            }
            Tensor proj = Proximals.spectralNormBall(1.0).prox(x, 1);
            assertTrue(proj.sub(product(u, clamped, v)).norm() <= 1e-12 * x.norm());
        }
    }

    @Test
    void nuclearNormRejectsNonMatrices() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Proximals.nuclearNorm(1).prox(Tensor.zeros(2, 3, 4), 1));
        assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
    }

    @Test
    void affineProjectionIsFeasibleAndOrthogonal() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int[] mn : new int[][]{{1, 5}, {3, 8}, {6, 6}, {10, 40}}) {
            Tensor a = Tensor.randn(rng, mn[0], mn[1]);
            Tensor b = Tensor.randn(rng, mn[0]);
            AffineSetIndicator set = Proximals.affineSet(a, b);
            for (int trial = 0; trial < 3; trial++) {
                Tensor v = Tensor.randn(rng, mn[1]).mul(3);
                Tensor x = set.prox(v, 1);
                double residual = a.matvec(x).sub(b).norm();
                assertTrue(residual <= 1e-12 * (a.norm() * x.norm() + b.norm()), "‖Ax − b‖ = " + residual);
                // v − x lies in the row space of A: Aᵀλ fits it exactly
                Tensor d = v.sub(x);
                Tensor lambda = LinearAlgebra.current().lstsq(a.transpose(), d);
                double fit = a.transpose().matvec(lambda).sub(d).norm();
                assertTrue(fit <= 1e-12 * (d.norm() + 1), "v − P(v) has a component " + fit + " outside range(Aᵀ)");
                // orthogonal to every direction within the set
                Tensor other = set.prox(Tensor.randn(rng, mn[1]), 1);
                double inner = d.dot(other.sub(x));
                assertTrue(Math.abs(inner) <= 1e-12 * d.norm() * (other.norm() + x.norm()),
                        "⟨v − P(v), y − P(v)⟩ = " + inner);
            }
            if (mn[0] == mn[1]) {
                Tensor solution = LinearAlgebra.current().solve(a, b);
                assertTrue(set.prox(Tensor.randn(rng, mn[1]), 1).sub(solution).norm() <= 1e-10 * (solution.norm() + 1));
            }
        }
    }

    @Test
    void affineSetRejectsRankDeficientMatrices() {
        Tensor a = Tensor.matrix(new double[][]{{1, 2, 3, 4}, {2, 4, 6, 8}, {0, 1, 0, 1}});
        FixpointException e = assertThrows(FixpointException.class, () -> Proximals.affineSet(a, Tensor.zeros(3)));
        assertEquals("RankDeficient", e.id());
        assertTrue(e.getMessage().contains("rank 2 < 3"), e.getMessage());
        FixpointException tall = assertThrows(FixpointException.class,
                () -> Proximals.affineSet(Tensor.randn(1, 5, 3), Tensor.zeros(5)));
        assertTrue(tall.getMessage().contains("[5, 3]"), tall.getMessage());
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> Proximals.affineSet(Tensor.randn(1, 2, 3), Tensor.zeros(3)));
        assertTrue(shape.getMessage().contains("[2, 3]") && shape.getMessage().contains("[3]"), shape.getMessage());
    }
}
