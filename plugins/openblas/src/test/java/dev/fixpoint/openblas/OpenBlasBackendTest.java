package dev.fixpoint.openblas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.LinearAlgebraBackendContract;
import dev.fixpoint.core.spi.Transpose;
import dev.fixpoint.core.spi.Triangle;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the contract cannot know about this backend: that bad arguments are stopped in Java before they
 * reach native code, that {@code beta == 0} outputs are not read, and that the LAPACK mappings
 * (workspace queries, {@code DGELSD}'s threshold) give correct results against simple references.
 */
class OpenBlasBackendTest {
    private static LinearAlgebraBackend blas;

    @BeforeAll
    static void load() {
        blas = LinearAlgebraBackendContract.loadOrSkip("openblas", () -> new OpenBlasProvider().load());
    }

    @Test
    void gemmMatchesNaiveProductForAllTranspositionsWithOffsets() {
        Random rnd = new Random(42);
        int m = 7;
        int n = 5;
        int k = 6;
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                int lda = (ta.isTransposed() ? k : m) + 2;
                int ldb = (tb.isTransposed() ? n : k) + 1;
                double[] a = random(rnd, 3 + lda * (ta.isTransposed() ? m : k));
                double[] b = random(rnd, 1 + ldb * (tb.isTransposed() ? k : n));
                double[] c = random(rnd, 2 + (m + 3) * n);
                double[] want = c.clone();
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < m; i++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            double av = ta.isTransposed() ? a[3 + i * lda + p] : a[3 + p * lda + i];
                            double bv = tb.isTransposed() ? b[1 + p * ldb + j] : b[1 + j * ldb + p];
                            s += av * bv;
                        }
                        want[2 + j * (m + 3) + i] = 1.5 * s - 0.5 * want[2 + j * (m + 3) + i];
                    }
                }
                blas.gemm(ta, tb, m, n, k, 1.5, a, 3, lda, b, 1, ldb, -0.5, c, 2, m + 3);
                assertArrayEquals(want, c, 1e-12, ta + "/" + tb);
            }
        }
    }

    @Test
    void betaZeroOutputsAreNotRead() {
        double[] a = {1, 2, 3, 4};
        double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        blas.gemm(Transpose.NO, Transpose.NO, 2, 2, 0, 1.0, a, 0, 2, a, 0, 2, 0.0, c, 0, 2);
        assertArrayEquals(new double[4], c, "k = 0");

        double[] y = {Double.NaN, Double.NaN};
        blas.gemv(Transpose.NO, 2, 2, 1.0, a, 0, 2, new double[]{1, 1}, 0, 1, 0.0, y, 0, 1);
        assertArrayEquals(new double[]{4, 6}, y);

        double[] s = {Double.NaN, -7, Double.NaN, Double.NaN};
        blas.syrk(Triangle.UPPER, Transpose.NO, 2, 2, 1.0, a, 0, 2, 0.0, s, 0, 2);
        assertArrayEquals(new double[]{10, -7, 14, 20}, s, "lower triangle untouched");
    }

    @Test
    void shortArraysAndBadDimensionsThrowIllegalArgument() {
        double[] a = new double[6];
        double[] c = new double[4];
        assertThrows(IllegalArgumentException.class,
                () -> blas.gemm(Transpose.NO, Transpose.NO, 2, 2, 3, 1, a, 1, 2, a, 0, 3, 0, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> blas.gemm(Transpose.NO, Transpose.NO, 3, 2, 2, 1, a, 0, 2, a, 0, 2, 0, c, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> blas.dot(4, a, 0, 2, a, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> blas.axpy(2, 1, a, 0, 0, a, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> blas.nrm2(-1, a, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> blas.gesv(3, 1, new double[8], 3, new int[3], new double[3], 3));
        assertThrows(IllegalArgumentException.class, () -> blas.gesv(3, 1, new double[9], 3, new int[2], new double[3], 3));
        assertThrows(IllegalArgumentException.class, () -> blas.posv(Triangle.LOWER, 2, 1, new double[4], 1, new double[2], 2));
        assertThrows(IllegalArgumentException.class, () -> blas.gelsd(3, 2, 1, new double[6], 3, new double[3], 2));
        assertThrows(IllegalArgumentException.class, () -> blas.orgqr(2, 3, 1, new double[6], 2, new double[1]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.syev(true, Triangle.UPPER, 3, new double[9], 3, new double[2]));
        assertTrue(e.getMessage().startsWith("syev"), e.getMessage());
    }

    @Test
    void negativeInfoBecomesIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenBlasLapack.info("DGESV", -4));
        assertTrue(e.getMessage().contains("argument 4"), e.getMessage());
        assertEquals(2, OpenBlasLapack.info("DGESV", 2));
    }

    @Test
    void singularSystemReportsInfo() {
        double[] a = {1, 2, 2, 4};
        assertEquals(2, blas.gesv(2, 1, a, 2, new int[2], new double[]{1, 2}, 2));
        double[] indefinite = {1, 2, 2, 1};
        assertEquals(2, blas.posv(Triangle.LOWER, 2, 1, indefinite, 2, new double[]{1, 1}, 2));
    }

    @Test
    void symmetricEigenAndSvd() {
        double[] a = {2, 1, 0, 1, 2, 1, 0, 1, 2};
        double[] w = new double[3];
        assertEquals(0, blas.syev(true, Triangle.LOWER, 3, a.clone(), 3, w));
        double r = Math.sqrt(2);
        assertArrayEquals(new double[]{2 - r, 2, 2 + r}, w, 1e-12);

        double[] m = {3, 0, 0, 0, 0, -2}; // 3×2 column-major: diag(3, -2) with a zero row
        double[] s = new double[2];
        double[] u = new double[6];
        double[] vt = new double[4];
        assertEquals(0, blas.gesvd(3, 2, m, 3, s, u, 3, vt, 2));
        assertArrayEquals(new double[]{3, 2}, s, 1e-12);
    }

    @Test
    void qrReproducesTheMatrix() {
        Random rnd = new Random(7);
        int m = 6;
        int n = 4;
        double[] a = random(rnd, m * n);
        double[] qr = a.clone();
        double[] tau = new double[n];
        assertEquals(0, blas.geqrf(m, n, qr, m, tau));
        double[] r = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                r[j * n + i] = qr[j * m + i];
            }
        }
        assertEquals(0, blas.orgqr(m, n, n, qr, m, tau));
        double[] back = new double[m * n];
        blas.gemm(Transpose.NO, Transpose.NO, m, n, n, 1, qr, 0, m, r, 0, n, 0, back, 0, m);
        assertArrayEquals(a, back, 1e-12);
    }

    @Test
    void gelsdGivesMinimumNormSolutionOfRankDeficientSystem() {
        // A = [[1, 1], [1, 1], [1, 1]] has rank 1; A x = [1, 2, 3] has minimum-norm solution [1, 1]
        double[] a = {1, 1, 1, 1, 1, 1};
        double[] b = {1, 2, 3};
        assertEquals(0, blas.gelsd(3, 2, 1, a, 3, b, 3));
        assertEquals(1, b[0], 1e-12);
        assertEquals(1, b[1], 1e-12);

        // underdetermined 1×3: x = [1, 2, 2] / 9 · 9 = minimum-norm solution of x1 + 2 x2 + 2 x3 = 9
        double[] w = {1, 2, 2};
        double[] rhs = {9, 0, 0};
        assertEquals(0, blas.gelsd(1, 3, 1, w, 1, rhs, 3));
        assertArrayEquals(new double[]{1, 2, 2}, rhs, 1e-12);
    }

    @Test
    void descriptionNamesLibraryAndThreads() {
        String d = new OpenBlasProvider().description();
        assertTrue(d.contains("libopenblas"), d);
        assertTrue(d.contains("thread"), d);
    }

    private static double[] random(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }
}
