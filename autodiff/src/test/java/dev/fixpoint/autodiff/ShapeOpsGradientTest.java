package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** transpose, slice, concat, stack, maskedSelect: values and derivative checks. */
class ShapeOpsGradientTest {

    @Test
    void transposeIsACopyWithSwappedAxes() {
        Tensor x = Tensor.of(new double[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor t = Ops.transpose(Var.constant(x)).value();
        assertArrayEquals(new int[]{3, 2}, t.shape());
        assertArrayEquals(new double[]{1, 4, 2, 5, 3, 6}, t.toArray(), 0);
        assertGradients("transpose", v -> Ops.transpose(v[0]), randn(1, 3, 5));
        assertGradients("transpose [1,4]", v -> Ops.transpose(v[0]), randn(2, 1, 4));
    }

    @Test
    void sliceAlongEachAxis() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new double[]{1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22},
                Ops.slice(Var.constant(x), -1, 1, 3).value().toArray(), 0);
        Tensor r = randn(3, 2, 3, 4);
        assertGradients("slice axis 0", v -> Ops.slice(v[0], 0, 1, 2), r);
        assertGradients("slice axis 1", v -> Ops.slice(v[0], 1, 1, 3), r);
        assertGradients("slice axis -1", v -> Ops.slice(v[0], -1, 0, 3), r);
        assertGradients("slice empty range", v -> Ops.slice(v[0], 1, 2, 2), r);
        assertThrows(IndexOutOfBoundsException.class, () -> Ops.slice(Var.constant(r), 1, 2, 4));
    }

    @Test
    void concatOfSeveralPartsIncludingAnEmptyOne() {
        Tensor a = randn(4, 2, 3);
        Tensor b = randn(5, 2, 1);
        Tensor e = Tensor.zeros(2, 0);
        Tensor c = Ops.concat(1, Var.constant(a), Var.constant(b)).value();
        assertEquals(b.get(1, 0), c.get(1, 3), 0);
        assertGradients("concat axis 1", v -> Ops.concat(1, v[0], v[1], v[2]), a, e, b);
        assertGradients("concat axis 0", v -> Ops.concat(0, v[0], v[1]), randn(6, 1, 3), randn(7, 2, 3));
        assertGradients("concat axis -1 rank 3", v -> Ops.concat(-1, v[0], v[1]), randn(8, 2, 2, 2), randn(9, 2, 2, 3));
        // a part that needs no gradient (a constant) gets none
        Tensor row = randn(20, 1, 3);
        Tensor g = Autodiff.grad(x -> Ops.sum(Ops.concat(0, Var.constant(a), Ops.mul(x, x))), row);
        assertArrayEquals(row.mul(2.0).toArray(), g.toArray(), 0);
    }

    @Test
    void stackAlongANewAxis() {
        Tensor a = randn(10, 2, 3);
        Tensor b = randn(11, 2, 3);
        Tensor s = Ops.stack(1, Var.constant(a), Var.constant(b)).value();
        assertArrayEquals(new int[]{2, 2, 3}, s.shape());
        assertEquals(b.get(1, 2), s.get(1, 1, 2), 0);
        assertGradients("stack axis 0", v -> Ops.stack(0, v[0], v[1]), a, b);
        assertGradients("stack axis 1", v -> Ops.stack(1, v[0], v[1]), a, b);
        assertGradients("stack axis -1", v -> Ops.stack(-1, v[0], v[1], v[0]), a, b);
        assertGradients("stack scalars", v -> Ops.stack(0, v[0], v[1]), Tensor.scalar(0.3), Tensor.scalar(-1.1));
    }

    @Test
    void maskedSelectGathersAndScattersBack() {
        Tensor x = randn(12, 3, 4);
        Tensor mask = Points.uniform(13, 0, 1, 3, 4).map(u -> u < 0.5 ? 1 : 0);
        Var sel = Ops.maskedSelect(Var.constant(x), mask);
        int count = (int) mask.sum();
        assertArrayEquals(new int[]{count}, sel.shape());
        assertGradients("maskedSelect", v -> Ops.maskedSelect(v[0], mask), x);
        boolean[] flat = new boolean[12];
        flat[0] = true;
        flat[11] = true;
        assertArrayEquals(new double[]{x.get(0, 0), x.get(2, 3)}, Ops.maskedSelect(Var.constant(x), flat).value().toArray(), 0);
        assertGradients("maskedSelect flat", v -> Ops.maskedSelect(v[0], flat), x);
        assertGradients("maskedSelect none", v -> Ops.maskedSelect(v[0], new boolean[12]), x);
        Tensor g = Autodiff.grad(v -> Ops.sum(Ops.maskedSelect(v, flat)), x);
        assertEquals(2.0, g.sum(), 0);
        assertEquals(1.0, g.get(2, 3), 0);
    }
}
