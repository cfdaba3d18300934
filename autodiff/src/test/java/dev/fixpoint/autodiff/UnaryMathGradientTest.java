package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.Points.uniform;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** log, sqrt, pow, abs, sigmoid, softplus. */
class UnaryMathGradientTest {

    @Test
    void logAndSqrtOnPositiveNumbers() {
        Tensor x = uniform(1, 0.3, 3.0, 3, 4);
        assertGradients("log", v -> Ops.log(v[0]), x);
        assertGradients("sqrt", v -> Ops.sqrt(v[0]), x);
        assertGradients("log rank 0", v -> Ops.log(v[0]), Tensor.scalar(2.5));
        assertGradients("sqrt empty", v -> Ops.sqrt(v[0]), Tensor.zeros(0));
    }

    @Test
    void powWithVariousExponents() {
        Tensor pos = uniform(2, 0.5, 2.0, 2, 3);
        Tensor any = randn(3, 2, 3);
        assertGradients("pow 2", v -> Ops.pow(v[0], 2), any);
        assertGradients("pow 3", v -> Ops.pow(v[0], 3), any);
        assertGradients("pow 1", v -> Ops.pow(v[0], 1), any);
        assertGradients("pow 0", v -> Ops.pow(v[0], 0), any);
        assertGradients("pow 0.5", v -> Ops.pow(v[0], 0.5), pos);
        assertGradients("pow -1.5", v -> Ops.pow(v[0], -1.5), pos);
        assertArrayEquals(any.square().toArray(), Ops.pow(Var.constant(any), 2).value().toArray(), 0);
    }

    @Test
    void absAwayFromItsKink() {
        Tensor x = Points.awayFromZero(4, 0.1, 3, 4); // |x| ≥ 0.1
        assertGradients("abs", v -> Ops.abs(v[0]), x);
        assertArrayEquals(new double[]{0}, Autodiff.grad(v -> Ops.sum(Ops.abs(v)), Tensor.vector(0.0)).toArray(), 0);
    }

    @Test
    void sigmoidAndSoftplus() {
        Tensor x = randn(5, 3, 4).mul(3.0);
        assertGradients("sigmoid", v -> Ops.sigmoid(v[0]), x);
        assertGradients("softplus", v -> Ops.softplus(v[0]), x);
        assertGradients("sigmoid rank 3", v -> Ops.sigmoid(v[0]), randn(6, 2, 1, 3));
    }

    @Test
    void sigmoidAndSoftplusAreStableForLargeArguments() {
        Tensor x = Tensor.vector(-800, -40, 0, 40, 800);
        Tensor s = Ops.sigmoid(Var.constant(x)).value();
        Tensor p = Ops.softplus(Var.constant(x)).value();
        assertTrue(s.isFinite() && p.isFinite());
        assertEquals(0.0, s.get(0), 0);
        assertEquals(Math.exp(-40), s.get(1), 1e-30);
        assertEquals(0.5, s.get(2), 0);
        assertEquals(1.0, s.get(4), 0);
        assertEquals(Math.exp(-40), p.get(1), 1e-30); // log1p(e^-40) ≈ e^-40, not 0
        assertEquals(Math.log(2), p.get(2), 1e-16);
        assertEquals(800.0, p.get(4), 0);
        Tensor g = Autodiff.grad(v -> Ops.sum(Ops.softplus(v)), x);
        assertTrue(g.isFinite());
        assertEquals(1.0, g.get(4), 0);
    }
}
