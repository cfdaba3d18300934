package dev.fixpoint.operators.prox;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;

/** The contract for the results of the proximal calculus of {@link ProximalFunction} on library functions. */
class CalculusTest {

    abstract static class OnVectors extends ProximalFunctionContract {
        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 8).mul(1.5);
        }
    }

    @Nested
    class ScaledL1 extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.l1(0.4).scaled(2.5);
        }
    }

    @Nested
    class ScaledHuber extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.huber(0.5).scaled(3);
        }
    }

    @Nested
    class ShiftedL2 extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.l2Norm(1.1).shifted(Tensor.randn(new SplittableRandom(3), 8));
        }
    }

    @Nested
    class ShiftedSimplex extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.simplex(1.0).shifted(Tensor.randn(new SplittableRandom(4), 8).mul(0.1));
        }
    }

    @Nested
    class ArgumentScaledElasticNet extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.elasticNet(0.3, 0.6).argumentScaled(-1.7);
        }
    }

    @Nested
    class ArgumentScaledL1Ball extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.l1Ball(2.0).argumentScaled(0.5);
        }
    }

    @Nested
    class L1PlusQuadratic extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.l1(0.7).plusQuadratic(1.3, Tensor.randn(new SplittableRandom(5), 8));
        }
    }

    @Nested
    class ConjugateOfHuber extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.huber(0.8).conjugate();
        }
    }

    @Nested
    class ConjugateOfElasticNet extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.elasticNet(0.5, 2.0).conjugate();
        }
    }

    @Nested
    class ConjugateOfBox extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.box(-1, 2).conjugate();
        }
    }

    @Nested
    class ConjugateOfSimplex extends OnVectors {
        @Override
        protected ProximalFunction function() {
            return Proximals.simplex(1.5).conjugate();
        }
    }

    @Nested
    class ConjugateOfLogBarrier extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return Proximals.logBarrier(0.5).conjugate();
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, 6).mul(2);
        }
    }
}
