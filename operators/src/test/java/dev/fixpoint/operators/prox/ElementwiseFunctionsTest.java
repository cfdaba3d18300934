package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;

/** The contract for the separable (elementwise) functions and the norm balls, on several shapes. */
class ElementwiseFunctionsTest {

    abstract static class OnShape extends ProximalFunctionContract {
        private final int[] shape;
        private final double scale;

        OnShape(double scale, int... shape) {
            this.scale = scale;
            this.shape = shape;
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, shape).mul(scale);
        }
    }

    @Nested
    class Zero extends OnShape {
        Zero() {
            super(1, 7);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.zero();
        }
    }

    @Nested
    class L1 extends OnShape {
        L1() {
            super(1.5, 4, 5);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.l1(0.8);
        }
    }

    @Nested
    class WeightedL1 extends OnShape {
        WeightedL1() {
            super(1.5, 3, 4);
        }

        @Override
        protected ProximalFunction function() {
            Tensor w = Tensor.uniform(new SplittableRandom(1), 0, 2, 3, 4);
            w.set(0.0, 1, 1);
            return Proximals.weightedL1(0.6, w);
        }
    }

    @Nested
    class L2 extends OnShape {
        L2() {
            super(0.7, 9);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.l2Norm(1.3);
        }
    }

    @Nested
    class LInf extends OnShape {
        LInf() {
            super(1, 11);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.linfNorm(0.9);
        }
    }

    @Nested
    class SquaredL2 extends OnShape {
        SquaredL2() {
            super(2, 2, 3, 2);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.squaredL2(2.5);
        }
    }

    @Nested
    class ElasticNetContract extends OnShape {
        ElasticNetContract() {
            super(1.5, 10);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.elasticNet(0.5, 0.8);
        }
    }

    @Nested
    class Huber extends OnShape {
        Huber() {
            super(2, 12);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.huber(0.7);
        }
    }

    @Nested
    class BoxScalar extends OnShape {
        BoxScalar() {
            super(2, 4, 3);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.box(-0.5, 1.2);
        }
    }

    @Nested
    class BoxTensor extends OnShape {
        BoxTensor() {
            super(2, 6);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.box(Tensor.vector(-1, 0, Double.NEGATIVE_INFINITY, 0.5, -2, 0.3),
                    Tensor.vector(1, 0, 0.2, 0.5, Double.POSITIVE_INFINITY, 3));
        }
    }

    @Nested
    class NonNegative extends OnShape {
        NonNegative() {
            super(1, 3, 3);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.nonNegative();
        }
    }

    @Nested
    class Simplex extends OnShape {
        Simplex() {
            super(1, 15);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.simplex(2.0);
        }
    }

    @Nested
    class L1Ball extends OnShape {
        L1Ball() {
            super(1, 3, 5);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.l1Ball(1.7);
        }
    }

    @Nested
    class L2Ball extends OnShape {
        L2Ball() {
            super(1, 8);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.l2Ball(1.4);
        }
    }

    @Nested
    class LInfBall extends OnShape {
        LInfBall() {
            super(1, 8);
        }

        @Override
        protected ProximalFunction function() {
            return Proximals.linfBall(0.6);
        }
    }
}
