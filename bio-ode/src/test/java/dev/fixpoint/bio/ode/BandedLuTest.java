package dev.fixpoint.bio.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Banded LU with pivoting: solves and transposed solves match a dense product check. */
class BandedLuTest {

    @Test
    void solvesBandAndDenseSystemsIncludingTransposed() {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] shapes = {{9, 2, 1}, {12, 0, 3}, {7, 6, 6}, {1, 0, 0}, {30, 1, 0}};
        for (int[] sh : shapes) {
            int n = sh[0];
            int kl = sh[1];
            int ku = sh[2];
            double[][] a = new double[n][n];
            BandedLu lu = new BandedLu(n, kl, ku);
            for (int i = 0; i < n; i++) {
                for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                    a[i][j] = rng.nextDouble(-1, 1);
                    lu.add(i, j, a[i][j]);
                }
            }
            lu.factor();
            double[] x = new double[n];
            double[] b = new double[n];
            double[] bt = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble(-1, 1);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i] += a[i][j] * x[j];
                    bt[i] += a[j][i] * x[j];
                }
            }
            lu.solve(b);
            lu.solveTransposed(bt);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], b[i], 1e-9, "solve n=" + n + " kl=" + kl + " ku=" + ku);
                assertEquals(x[i], bt[i], 1e-9, "transposed n=" + n + " kl=" + kl + " ku=" + ku);
            }
        }
    }

    @Test
    void singularMatrixNamesTheColumn() {
        BandedLu lu = BandedLu.dense(2);
        lu.add(0, 0, 1);
        lu.add(1, 0, 1);
        FixpointException e = assertThrows(FixpointException.class, lu::factor);
        assertTrue(e.getMessage().contains("[fixpoint/SingularMatrix]") && e.getMessage().contains("column 1"), e.getMessage());
    }
}
