package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;

/**
 * A quick numerical check run on every backend before it is declared available: a small transposed
 * gemm with offsets, a gemv, a dot and an LU solve against hand-computed references. It catches
 * natives that load but compute garbage (wrong ABI, broken CPU dispatch).
 */
public final class BackendSelfTest {
    private BackendSelfTest() {
    }

    /**
     * @param b the backend to check
     * @throws IllegalStateException naming the routine and the discrepancy if a check fails
     */
    public static void check(LinearAlgebraBackend b) {
        // A (2×3, column-major, stored after one padding element) and B (3×2)
        double[] a = {99, 1, 4, 2, 5, 3, 6};          // A = [[1,2,3],[4,5,6]]
        double[] bt = {7, 8, 9, 10, 11, 12};          // Bᵀ stored 2×3 column-major: B = [[7,8],[9,10],[11,12]]
        double[] c = new double[4];
        b.gemm(Transpose.NO, Transpose.YES, 2, 2, 3, 1.0, a, 1, 2, bt, 0, 2, 0.0, c, 0, 2);
        expect("gemm", c, new double[]{58, 139, 64, 154});

        double[] x = {1, 1, 1};
        double[] y = {5, 5};
        b.gemv(Transpose.NO, 2, 3, 2.0, a, 1, 2, x, 0, 1, 1.0, y, 0, 1);
        expect("gemv", y, new double[]{17, 35});

        double d = b.dot(3, a, 1, 2, x, 0, 1); // row 0 of A: 1 + 2 + 3
        expect("dot", new double[]{d}, new double[]{6});

        double[] m = {4, 2, 1, 2, 5, 3, 1, 3, 6}; // symmetric, diagonally dominant
        double[] rhs = {7, 10, 10};                // = M · [1, 1, 1]
        int info = b.gesv(3, 1, m, 3, new int[3], rhs, 3);
        if (info != 0) {
            throw new IllegalStateException("self-test gesv returned INFO=" + info);
        }
        expect("gesv", rhs, new double[]{1, 1, 1});
    }

    private static void expect(String routine, double[] got, double[] want) {
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= 1e-10 * Math.max(1, Math.abs(want[i])))) {
                throw new IllegalStateException("self-test " + routine + " gave " + java.util.Arrays.toString(got)
                        + ", expected " + java.util.Arrays.toString(want));
            }
        }
    }
}
