package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** sum/mean along axes, mean, max and max along an axis. */
class ReductionGradientTest {

    /** Distinct values with gaps ≥ 0.25 between any two (a shuffled ramp), so max has no near-ties. */
    private static Tensor wellSeparated(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.25 * i - 1.0;
        }
        for (int i = d.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return t;
    }

    @Test
    void sumAndMeanAlongAxes() {
        Tensor x = randn(1, 2, 3, 4);
        assertArrayEquals(x.sum(1).toArray(), Ops.sum(Var.constant(x), 1).value().toArray(), 0);
        for (int axis : new int[]{0, 1, 2, -1}) {
            assertGradients("sum axis " + axis, v -> Ops.sum(v[0], axis), x);
            assertGradients("mean axis " + axis, v -> Ops.mean(v[0], axis), x);
        }
        assertGradients("sum axis of size 1", v -> Ops.sum(v[0], 0), randn(2, 1, 5));
        assertGradients("sum of an empty axis", v -> Ops.sum(v[0], 0), Tensor.zeros(0, 3));
        assertGradients("sum along a vector", v -> Ops.sum(v[0], 0), randn(3, 6));
        assertGradients("mean", v -> Ops.mean(v[0]), x);
        assertEquals(x.mean(), Ops.mean(Var.constant(x)).item(), 1e-15);
        assertGradients("mean rank 0", v -> Ops.mean(v[0]), Tensor.scalar(2.0));
    }

    @Test
    void maxAndMaxAlongAxesAwayFromTies() {
        Tensor x = wellSeparated(4, 3, 4, 2);
        assertEquals(x.max(), Ops.max(Var.constant(x)).item(), 0);
        assertArrayEquals(x.max(1).toArray(), Ops.max(Var.constant(x), 1).value().toArray(), 0);
        assertGradients("max", v -> Ops.max(v[0]), x);
        for (int axis : new int[]{0, 1, -1}) {
            assertGradients("max axis " + axis, v -> Ops.max(v[0], axis), x);
        }
        assertGradients("max rank 0", v -> Ops.max(v[0]), Tensor.scalar(0.5));
        assertGradients("max axis of size 1", v -> Ops.max(v[0], 1), wellSeparated(5, 4, 1));
    }

    @Test
    void onTiesTheGradientGoesToTheFirstMaximum() {
        Tensor g = Autodiff.grad(v -> Ops.max(v), Tensor.vector(1, 3, 3, 2));
        assertArrayEquals(new double[]{0, 1, 0, 0}, g.toArray(), 0);
        Tensor m = Tensor.of(new double[]{5, 5, 1, 2, 7, 7}, 3, 2);
        Tensor ga = Autodiff.grad(v -> Ops.sum(Ops.max(v, 1)), m);
        assertArrayEquals(new double[]{1, 0, 0, 1, 1, 0}, ga.toArray(), 0);
    }

    @Test
    void maxOfNothingIsAnError() {
        assertThrows(ShapeMismatchException.class, () -> Ops.max(Var.constant(Tensor.zeros(0))));
        assertThrows(ShapeMismatchException.class, () -> Ops.max(Var.constant(Tensor.zeros(2, 0)), 1));
        assertThrows(ShapeMismatchException.class, () -> Ops.sum(Var.constant(Tensor.zeros(2)), 1));
    }
}
