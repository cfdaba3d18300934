package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;

/** The contract for the functions with structure: groups, matrices, barriers, data fits, quadratics, sums. */
class StructuredFunctionsTest {

    @Nested
    class GroupL1 extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            int[][] groups = {{0, 5, 7}, {1}, {2, 3}, {4, 6, 8, 9}, {10, 11}};
            return Proximals.groupL1(0.9, new int[]{3, 4}, groups, new double[]{1, 0.5, 2, 1.5, 0});
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 3, 4).mul(1.5);
        }
    }

    @Nested
    class Nuclear extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.nuclearNorm(0.8);
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 6, 4).mul(1.2);
        }
    }

    @Nested
    class SpectralBall extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.spectralNormBall(1.5);
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 3, 5);
        }
    }

    @Nested
    class LogBarrierContract extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.logBarrier(0.3);
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 10).mul(2);
        }
    }

    @Nested
    class Affine extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            SplittableRandom rng = new SplittableRandom(17);
            return Proximals.affineSet(Tensor.randn(rng, 4, 9), Tensor.randn(rng, 4));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 9).mul(2);
        }
    }

    @Nested
    class KullbackLeiblerContract extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.kullbackLeibler(Tensor.vector(0, 1, 3, 0.5, 7, 0, 2, 10));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 8).mul(3);
        }
    }

    @Nested
    class QuadraticDefinite extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            Tensor b = Tensor.randn(new SplittableRandom(23), 7, 7);
            Tensor q = Tensor.matmul(b, true, b, false).add(Tensor.eye(7).mul(0.1));
            return Proximals.quadratic(q, Tensor.randn(new SplittableRandom(24), 7));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 7);
        }
    }

    @Nested
    class QuadraticSemidefinite extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            Tensor b = Tensor.randn(new SplittableRandom(25), 3, 6); // rank 3 of 6
            Tensor q = Tensor.matmul(b, true, b, false);
            q = q.add(q.transpose()).mul(0.5);
            return Proximals.quadratic(q, Tensor.randn(new SplittableRandom(26), 6));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 6);
        }
    }

    @Nested
    class Separable extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.separable(new int[][]{{4}, {2, 3}, {5}},
                    Proximals.l1(0.5), Proximals.nuclearNorm(0.7), Proximals.huber(1.0));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 15).mul(1.5);
        }
    }

    @Nested
    class SeparableIndicators extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.separable(new int[]{5, 4, 3},
                    Proximals.simplex(1.0), Proximals.l2Ball(0.5), Proximals.nonNegative());
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 12);
        }
    }
}
