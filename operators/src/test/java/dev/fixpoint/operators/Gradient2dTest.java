package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class Gradient2dTest {

    @Test
    void forwardDifferencesWithNeumannBoundary() {
        int h = 5;
        int w = 7;
        Tensor x = Tensor.randn(61, h, w);
        Tensor g = Operators.gradient2d(h, w).apply(x);
        assertArrayEquals(new int[]{2, h, w}, g.shape());
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double vertical = i < h - 1 ? x.get(i + 1, j) - x.get(i, j) : 0;
                double horizontal = j < w - 1 ? x.get(i, j + 1) - x.get(i, j) : 0;
                assertEquals(vertical, g.get(0, i, j), 0, "vertical difference at " + i + "," + j);
                assertEquals(horizontal, g.get(1, i, j), 0, "horizontal difference at " + i + "," + j);
            }
        }
    }

    @Test
    void adjointIsMinusChambolleDivergence() {
        int h = 6;
        int w = 4;
        Tensor p = Tensor.randn(62, 2, h, w);
        Tensor adj = Operators.gradient2d(h, w).adjoint(p);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double d0 = i == 0 ? p.get(0, i, j) : i == h - 1 ? -p.get(0, i - 1, j) : p.get(0, i, j) - p.get(0, i - 1, j);
                double d1 = j == 0 ? p.get(1, i, j) : j == w - 1 ? -p.get(1, i, j - 1) : p.get(1, i, j) - p.get(1, i, j - 1);
                assertEquals(-(d0 + d1), adj.get(i, j), 1e-15, "−div at " + i + "," + j);
            }
        }
    }

    @Test
    void adjointIsTheTransposeOfTheExplicitMatrix() {
        LinearOperator grad = Operators.gradient2d(4, 3);
        Tensor matrix = Fixtures.denseOf(grad);
        Tensor y = Tensor.randn(63, 2, 4, 3);
        assertTrue(grad.adjoint(y).flatten().allClose(Fixtures.naiveMatvec(matrix, true, y.flatten()), 1e-15, 1e-15));
    }

    @Test
    void constantImagesHaveZeroGradientAndSingleRowsOrColumnsWork() {
        assertEquals(0, Operators.gradient2d(5, 5).apply(Tensor.full(3.0, 5, 5)).normInf());
        Tensor row = Tensor.matrix(new double[][]{{1, 4, 9}});
        Tensor g = Operators.gradient2d(1, 3).apply(row);
        assertEquals(Tensor.of(new double[]{0, 0, 0, 3, 5, 0}, 2, 1, 3), g);
    }

    @Test
    void squaredNormMatchesTheClosedFormAndStaysBelowEight() {
        int[][] sizes = {{12, 12}, {9, 16}, {1, 10}};
        for (int[] s : sizes) {
            double exact = lambdaMax(s[0]) + lambdaMax(s[1]);
            double estimate = Operators.gradient2d(s[0], s[1]).normEstimate(1e-12, 200_000);
            assertEquals(exact, estimate * estimate, 1e-6 * exact, "‖∇‖² on " + s[0] + "×" + s[1]);
            assertTrue(estimate * estimate <= 8, "‖∇‖² ≤ 8");
        }
        double large = Operators.gradient2d(64, 64).normEstimate(1e-12, 200_000);
        assertTrue(large * large <= 8 && large * large > 7.99, "‖∇‖² on 64×64 tends to 8, got " + large * large);
    }

    /** @return the largest eigenvalue of DᵀD for the n-point Neumann difference D: 4 sin²(π(n−1)/2n) */
    private static double lambdaMax(int n) {
        double s = Math.sin(Math.PI * (n - 1) / (2.0 * n));
        return 4 * s * s;
    }

    @Test
    void badSizesAreNamed() {
        FixpointException e = assertThrows(FixpointException.class, () -> Operators.gradient2d(0, 4));
        assertTrue(e.getMessage().contains("h = 0"), e.getMessage());
    }
}
