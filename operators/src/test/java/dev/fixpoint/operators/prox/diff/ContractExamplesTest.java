package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.prox.Proximals;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;

/**
 * {@link DifferentiableProxContract} applied to entries of {@link DifferentiableProx} (the other
 * entries, including 1-D TV, are checked with the same {@code GradientCheck} in their own tests).
 */
class ContractExamplesTest {

    /** Soft thresholding with a learnable scalar threshold. */
    @Nested
    class SoftThreshold extends DifferentiableProxContract {
        @Override
        protected String name() {
            return "l1(v, θ)";
        }

        @Override
        protected Function<Var[], Var> map() {
            return in -> DifferentiableProx.l1(in[0], in[1]);
        }

        @Override
        protected Tensor[] samplePoint(SplittableRandom rng) {
            double theta = 0.5 + rng.nextDouble();
            return new Tensor[]{Tensor.vector(ProxChecks.awayFromThreshold(rng, 9, theta)), Tensor.scalar(theta)};
        }

        @Override
        protected ProximalFunction reference(Tensor[] in) {
            return Proximals.l1(in[1].item());
        }
    }

    /** Projection onto a box with learnable bounds. */
    @Nested
    class Box extends DifferentiableProxContract {
        @Override
        protected String name() {
            return "box(v, lo, hi)";
        }

        @Override
        protected Function<Var[], Var> map() {
            return in -> DifferentiableProx.box(in[0], in[1], in[2]);
        }

        @Override
        protected Tensor[] samplePoint(SplittableRandom rng) {
            // bounds -1 and 1; every element at least ProxChecks.MARGIN from both bounds
            double[] v = new double[10];
            for (int i = 0; i < v.length; i++) {
                double u = rng.nextDouble();
                v[i] = u < 1.0 / 3 ? -1.2 - u : u < 2.0 / 3 ? -0.8 + 1.6 * (u - 1.0 / 3) * 3 : 1.2 + u;
            }
            return new Tensor[]{Tensor.vector(v), Tensor.scalar(-1.0), Tensor.scalar(1.0)};
        }

        @Override
        protected ProximalFunction reference(Tensor[] in) {
            return Proximals.box(in[1].item(), in[2].item());
        }
    }
}
