package dev.fixpoint.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** With A = I the lasso minimiser is the soft threshold of b; the KKT residual measures departures from it. */
class LassoOptimalityTest {
    private static final Tensor IDENTITY = Tensor.eye(2);
    private static final Tensor B = Tensor.vector(3, 0.5);

    @Test
    void theSoftThresholdIsOptimal() {
        assertEquals(0.0, LassoOptimality.kktResidual(IDENTITY, B, 1.0, Tensor.vector(2, 0)), 0);
    }

    @Test
    void violationsOnAndOffTheSupportAreRelativeToLambda() {
        // x₁ = 0.1 ≠ 0: |(x − b)₁ + λ| = |−0.4 + 1| = 0.6
        assertEquals(0.6, LassoOptimality.kktResidual(IDENTITY, B, 1.0, Tensor.vector(2, 0.1)), 1e-15);
        // x = 0: |c₀| − λ = 3 − 1 = 2, relative to λ = 1
        assertEquals(2.0, LassoOptimality.kktResidual(IDENTITY, B, 1.0, Tensor.vector(0, 0)), 1e-15);
        // λ = 2: x₀ = 1 is optimal; at x₀ = 1.5 the violation is 0.5, relative 0.25
        assertEquals(0.25, LassoOptimality.kktResidual(IDENTITY, B, 2.0, Tensor.vector(1.5, 0)), 1e-15);
        assertEquals(0.5, LassoOptimality.violations(dev.fixpoint.operators.Operators.dense(IDENTITY), B, 2.0,
                Tensor.vector(1.5, 0)).get(0), 1e-15);
    }

    @Test
    void badLambdaIsRejected() {
        assertThrows(FixpointException.class, () -> LassoOptimality.kktResidual(IDENTITY, B, 0, Tensor.vector(0, 0)));
    }
}
