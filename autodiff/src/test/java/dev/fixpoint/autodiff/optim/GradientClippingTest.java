package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static ParameterSet withGradients(double[] a, double[] b) {
        ParameterSet params = new ParameterSet();
        params.add("a", Tensor.zeros(a.length)).accumulateGrad(Tensor.vector(a));
        params.add("b", Tensor.zeros(b.length)).accumulateGrad(Tensor.vector(b));
        return params;
    }

    @Test
    void clipByGlobalNormScalesAllGradientsTogetherAndReturnsTheNormBefore() {
        ParameterSet params = withGradients(new double[]{3, 4}, new double[]{12});   // ‖g‖ = 13
        assertEquals(13.0, GradientClipping.clipByGlobalNorm(params, 6.5), 1e-15);
        assertArrayEquals(new double[]{1.5, 2}, params.get("a").grad().toArray(), 1e-15);
        assertArrayEquals(new double[]{6}, params.get("b").grad().toArray(), 1e-15);
        assertEquals(6.5, GradientClipping.clipByGlobalNorm(params, 100), 1e-15);
        assertArrayEquals(new double[]{6}, params.get("b").grad().toArray(), 1e-15, "below the limit: unchanged");
    }

    @Test
    void theGlobalNormDoesNotOverflowForHugeGradients() {
        ParameterSet params = withGradients(new double[]{3e200, 4e200}, new double[]{0});
        assertEquals(5e200, GradientClipping.clipByGlobalNorm(params, 1.0), 1e186);
        assertEquals(0.6, params.get("a").grad().toArray()[0], 1e-15);
    }

    @Test
    void nonFiniteGradientsAreReportedNotSpread() {
        ParameterSet params = withGradients(new double[]{1, Double.POSITIVE_INFINITY}, new double[]{2});
        FixpointException e = assertThrows(FixpointException.class, () -> GradientClipping.clipByGlobalNorm(params, 1));
        assertEquals("NonFinite", e.id());
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertArrayEquals(new double[]{2}, params.get("b").grad().toArray(), 0);
    }

    @Test
    void clipByValueClampsEachElement() {
        ParameterSet params = withGradients(new double[]{-5, 0.5}, new double[]{2, -0.1});
        assertEquals(2, GradientClipping.clipByValue(params, 1.0));
        Parameter a = params.get("a");
        assertArrayEquals(new double[]{-1, 0.5}, a.grad().toArray(), 0);
        assertArrayEquals(new double[]{1, -0.1}, params.get("b").grad().toArray(), 0);
        assertThrows(FixpointException.class, () -> GradientClipping.clipByValue(params, 0));
    }
}
