package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** dot, matvec, norm2, norm1. */
class ProductsAndNormsGradientTest {

    @Test
    void dotOfVectorsMatricesAndScalars() {
        Tensor a = randn(1, 5);
        Tensor b = randn(2, 5);
        assertEquals(a.dot(b), Ops.dot(Var.constant(a), Var.constant(b)).item(), 1e-15);
        assertGradients("dot [5]", v -> Ops.dot(v[0], v[1]), a, b);
        assertGradients("dot [2,3]", v -> Ops.dot(v[0], v[1]), randn(3, 2, 3), randn(4, 2, 3));
        assertGradients("dot rank 0", v -> Ops.dot(v[0], v[1]), Tensor.scalar(1.5), Tensor.scalar(-0.5));
        assertGradients("dot with itself", v -> Ops.dot(v[0], v[0]), a);
    }

    @Test
    void matvecPlainAndTransposed() {
        Tensor a = randn(5, 3, 4);
        Tensor x4 = randn(6, 4);
        Tensor x3 = randn(7, 3);
        assertArrayEquals(a.matvec(x4).toArray(), Ops.matvec(Var.constant(a), false, Var.constant(x4)).value().toArray(), 1e-15);
        assertArrayEquals(a.transpose().matvec(x3).toArray(),
                Ops.matvec(Var.constant(a), true, Var.constant(x3)).value().toArray(), 1e-14);
        assertGradients("matvec", v -> Ops.matvec(v[0], false, v[1]), a, x4);
        assertGradients("matvec transposed", v -> Ops.matvec(v[0], true, v[1]), a, x3);
        assertGradients("matvec [1,n]", v -> Ops.matvec(v[0], false, v[1]), randn(8, 1, 4), x4);
    }

    @Test
    void norms() {
        Tensor x = randn(9, 2, 3);
        assertEquals(x.norm(), Ops.norm2(Var.constant(x)).item(), 1e-15);
        assertGradients("norm2", v -> Ops.norm2(v[0]), x);
        assertGradients("norm2 [1]", v -> Ops.norm2(v[0]), Tensor.vector(-0.8));
        // norm1: every element at least 0.1 from the kink at 0
        Tensor y = Points.awayFromZero(10, 0.1, 3, 4);
        assertEquals(y.abs().sum(), Ops.norm1(Var.constant(y)).item(), 1e-15);
        assertGradients("norm1", v -> Ops.norm1(v[0]), y);
    }

    @Test
    void derivativesAtZeroAreZero() {
        assertArrayEquals(new double[3], Autodiff.grad(Ops::norm2, Tensor.zeros(3)).toArray(), 0);
        assertArrayEquals(new double[]{0, 1, -1}, Autodiff.grad(Ops::norm1, Tensor.vector(0, 2, -3)).toArray(), 0);
        assertEquals(0.0, ForwardMode.jvp(Ops::norm2, Tensor.zeros(2), Tensor.ones(2)).tangent().item(), 0);
    }
}
