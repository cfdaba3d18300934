package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupportSelectionTest {

    @Test
    void theScheduleOfThePapers() {
        assertEquals(1.2, SupportSelection.percent(0, 1.2, 13), 1e-12);
        assertEquals(6.0, SupportSelection.percent(4, 1.2, 13), 1e-12);
        assertEquals(13.0, SupportSelection.percent(10, 1.2, 13), 1e-12);
        assertEquals(13.0, SupportSelection.percent(15, 1.2, 13), 1e-12);
        assertEquals(6, SupportSelection.count(500, 1.2));
        assertEquals(65, SupportSelection.count(500, 13));
        assertEquals(0, SupportSelection.count(10, 9.99));
        assertEquals(3, SupportSelection.count(10, 30));
    }

    @Test
    void theLargestMagnitudesAboveTheThresholdPassUnshrunk() {
        // one column per case; θ = 0.5, 40 % of 5 entries → the 2 largest magnitudes above θ pass
        Tensor v = Tensor.of(new double[]{
                3.0, 0.6,
                -2.0, -0.55,
                1.0, 0.1,
                -0.7, 0.2,
                0.2, -0.3}, 5, 2);
        Tensor out = SupportSelection.shrink(Var.constant(v), Var.constant(0.5), 40).value();
        assertArrayEquals(new double[]{
                3.0, 0.6,          // selected; selected (0.6 > θ and among the 2 largest)
                -2.0, -0.55,       // selected; selected
                0.5, 0.0,          // shrunk; zero
                -0.2, 0.0,         // shrunk; zero
                0.0, 0.0}, out.toArray(), 1e-15);
        Tensor none = SupportSelection.shrink(Var.constant(v), Var.constant(0.5), 0).value();
        assertArrayEquals(new double[]{2.5, 0.1, -1.5, -0.05, 0.5, 0, -0.2, 0, 0, 0}, none.toArray(), 1e-15);
    }

    @Test
    void selectionMatchesSorting() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(40);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextInt(4) == 0 ? 1.0 : rng.nextGaussian(); // with ties
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = rng.nextInt(n);
            assertEquals(sorted[k], SupportSelection.select(a.clone(), n, k), 0.0);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(FixpointException.class, () -> SupportSelection.shrink(Var.constant(Tensor.zeros(3, 2)), Var.constant(0.1), 120));
        assertThrows(dev.fixpoint.core.ShapeMismatchException.class,
                () -> SupportSelection.shrink(Var.constant(Tensor.zeros(3, 2)), Var.constant(Tensor.zeros(2)), 10));
        FixpointException e = assertThrows(FixpointException.class,
                () -> new ListaCpss(Tensor.randn(1, 4, 8), 2, 0.1, Tying.UNTIED, Double.NaN, 1.2, 130));
        assertEquals("InvalidParameter", e.id());
    }
}
