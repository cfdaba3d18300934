package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.prox.ProximalFunctionContract;
import dev.fixpoint.operators.prox.Proximals;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The diagonal prox agrees with the library's scalar prox element by element. */
class SeparableFunctionTest {
    private static final int N = 12;

    private static final ProximalFunction[] SCALAR_PARAMETER_FUNCTIONS = {
            Proximals.zero(), Proximals.l1(0.7), Proximals.nonNegative(), Proximals.box(-0.5, 0.25),
            Proximals.squaredL2(1.3), Proximals.elasticNet(0.4, 2.0)};

    @Test
    void diagonalProxIsTheScalarProxOfEachElement() {
        SplittableRandom rng = new SplittableRandom(1);
        for (ProximalFunction f : SCALAR_PARAMETER_FUNCTIONS) {
            SeparableFunction s = SeparableFunction.of(f);
            Tensor v = Tensor.randn(rng, N).mul(2);
            Tensor steps = Tensor.uniform(rng, 0.05, 3, N);
            Tensor out = s.proxDiagonalInto(v, steps, null);
            for (int i = 0; i < N; i++) {
                double expected = f.prox(Tensor.vector(v.get(i)), steps.get(i)).get(0);
                assertEquals(expected, out.get(i), 1e-14, f.name() + " element " + i);
            }
            assertTrue(s.prox(v, 0.9).allClose(f.prox(v, 0.9), 0, 0), "the scalar prox is the library's");
            assertEquals(f.isIndicator(), s.isIndicator());
        }
    }

    @Test
    void weightedL1AndSquaredDistanceUsePerElementParameters() {
        SplittableRandom rng = new SplittableRandom(2);
        Tensor weights = Tensor.uniform(rng, 0, 2, N);
        Tensor b = Tensor.randn(rng, N);
        Tensor v = Tensor.randn(rng, N);
        Tensor steps = Tensor.uniform(rng, 0.1, 2, N);
        Tensor l1 = SeparableFunction.of(Proximals.weightedL1(0.5, weights)).proxDiagonalInto(v, steps, null);
        Tensor dist = SeparableFunction.squaredDistance(b).proxDiagonalInto(v, steps, null);
        for (int i = 0; i < N; i++) {
            double t = steps.get(i) * 0.5 * weights.get(i);
            assertEquals(Math.signum(v.get(i)) * Math.max(Math.abs(v.get(i)) - t, 0), l1.get(i), 1e-15);
            assertEquals((v.get(i) + steps.get(i) * b.get(i)) / (1 + steps.get(i)), dist.get(i), 1e-15);
        }
    }

    @Test
    void nonSeparableFunctionsAndBadStepsAreRejected() {
        FixpointException e = assertThrows(FixpointException.class, () -> SeparableFunction.of(Proximals.l2Norm(1)));
        assertTrue(e.getMessage().startsWith("[fixpoint/NotSeparable]") && e.getMessage().contains("l1"), e.getMessage());
        Tensor steps = Tensor.ones(N);
        steps.set(-2, 4);
        FixpointException bad = assertThrows(FixpointException.class,
                () -> SeparableFunction.of(Proximals.l1(1)).proxDiagonalInto(Tensor.zeros(N), steps, null));
        assertTrue(bad.getMessage().contains("τ[4] = -2"), bad.getMessage());
    }

    @Nested
    class SquaredDistanceContract extends ProximalFunctionContract {
        @Override
        protected ProximalFunction function() {
            return SeparableFunction.squaredDistance(Tensor.randn(5, N));
        }

        @Override
        protected Tensor randomPoint(SplittableRandom rng) {
            return Tensor.randn(rng, N).mul(3);
        }
    }
}
