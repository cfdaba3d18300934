package dev.fixpoint.openblas;

import dev.fixpoint.core.spi.BlasArguments;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.NativeStack;
import dev.fixpoint.core.spi.Transpose;
import dev.fixpoint.core.spi.Triangle;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link LinearAlgebraBackend} over the system OpenBLAS, reached through {@code dev.ludovic.netlib}'s
 * JNI classes. BLAS calls go straight to OpenBLAS (which multithreads level-3 routines itself); the
 * LAPACK routines are in {@link OpenBlasLapack} and run on {@link NativeStack} threads, because
 * OpenBLAS's threaded LAPACK drivers need more stack than a Java thread has. Every argument is validated in Java first, so a bad
 * call throws {@link IllegalArgumentException} rather than reaching native code. Stateless, hence
 * thread-safe.
 */
final class OpenBlasBackend implements LinearAlgebraBackend {
    private final NativeBLAS blas;
    private final OpenBlasLapack lapack;

    OpenBlasBackend(NativeBLAS blas, OpenBlasLapack lapack) {
        this.blas = Objects.requireNonNull(blas, "blas");
        this.lapack = Objects.requireNonNull(lapack, "lapack");
    }

    @Override
    public String name() {
        return OpenBlasProvider.NAME;
    }

    // ---------------------------------------------------------------- BLAS level 1

    @Override
    public double dot(int n, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("dot", n, x, offX, incX, y, offY, incY);
        try {
            return n == 0 ? 0.0 : blas.ddot(n, x, offX, incX, y, offY, incY);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DDOT", e);
        }
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("axpy", n, x, offX, incX, y, offY, incY);
        if (n == 0 || alpha == 0.0) {
            return;
        }
        try {
            blas.daxpy(n, alpha, x, offX, incX, y, offY, incY);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DAXPY", e);
        }
    }

    @Override
    public void scal(int n, double alpha, double[] x, int offX, int incX) {
        BlasArguments.checkVector("scal", "x", x, offX, incX, n);
        if (n == 0) {
            return;
        }
        try {
            blas.dscal(n, alpha, x, offX, incX);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DSCAL", e);
        }
    }

    @Override
    public double nrm2(int n, double[] x, int offX, int incX) {
        BlasArguments.checkVector("nrm2", "x", x, offX, incX, n);
        try {
            return n == 0 ? 0.0 : blas.dnrm2(n, x, offX, incX);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DNRM2", e);
        }
    }

    // ---------------------------------------------------------------- BLAS level 2

    @Override
    public void gemv(Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda,
                     double[] x, int offX, int incX, double beta, double[] y, int offY, int incY) {
        BlasArguments.checkGemv(trans, m, n, a, offA, lda, x, offX, incX, y, offY, incY);
        int lenY = trans.isTransposed() ? n : m;
        if (m == 0 || n == 0 || alpha == 0.0) {
            scale(y, offY, lenY, incY, beta);
            return;
        }
        if (beta == 0.0) {
            // the SPI promises y is not read when beta == 0; do not rely on the library for NaN handling
            scale(y, offY, lenY, incY, 0.0);
        }
        try {
            blas.dgemv(String.valueOf(trans.blasChar()), m, n, alpha, a, offA, lda, x, offX, incX,
                    beta, y, offY, incY);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DGEMV", e);
        }
    }

    // ---------------------------------------------------------------- BLAS level 3

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                     double[] a, int offA, int lda, double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            scale(c, offC, m, n, ldc, beta, null);
            return;
        }
        if (beta == 0.0) {
            scale(c, offC, m, n, ldc, 0.0, null);
        }
        try {
            blas.dgemm(String.valueOf(transA.blasChar()), String.valueOf(transB.blasChar()), m, n, k,
                    alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DGEMM", e);
        }
    }

    @Override
    public void syrk(Triangle uplo, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkSyrk(uplo, trans, n, k, a, offA, lda, c, offC, ldc);
        if (n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            scale(c, offC, n, n, ldc, beta, uplo);
            return;
        }
        if (beta == 0.0) {
            scale(c, offC, n, n, ldc, 0.0, uplo);
        }
        try {
            blas.dsyrk(String.valueOf(uplo.blasChar()), String.valueOf(trans.blasChar()), n, k, alpha,
                    a, offA, lda, beta, c, offC, ldc);
        } catch (IndexOutOfBoundsException e) {
            throw rethrow("DSYRK", e);
        }
    }

    /**
     * {@code C ← beta·C} on the whole {@code m×n} matrix or one triangle of it. Used where BLAS would
     * not read {@code A}/{@code B} ({@code k == 0} or {@code alpha == 0}, which netlib's Java-side checks
     * also mishandle) and to zero {@code C} before a {@code beta == 0} call, so that NaN/Inf in an
     * output the SPI says is not read cannot leak through whatever the library's handling. O(mn)
     * against the routine's O(mnk).
     */
    private static void scale(double[] c, int offC, int m, int n, int ldc, double beta, Triangle triangle) {
        if (beta == 1.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int from = offC + j * ldc + (triangle == Triangle.LOWER ? j : 0);
            int to = offC + j * ldc + (triangle == Triangle.UPPER ? Math.min(j + 1, m) : m);
            if (beta == 0.0) {
                Arrays.fill(c, from, to, 0.0);
            } else {
                for (int i = from; i < to; i++) {
                    c[i] *= beta;
                }
            }
        }
    }

    /** {@code y ← beta·y} on {@code n} strided elements; {@code beta == 0} writes zeros (NaN is not read). */
    private static void scale(double[] y, int offY, int n, int incY, double beta) {
        if (beta == 1.0) {
            return;
        }
        for (int i = 0, j = offY; i < n; i++, j += incY) {
            y[j] = beta == 0.0 ? 0.0 : beta * y[j];
        }
    }

    private static IllegalArgumentException rethrow(String routine, IndexOutOfBoundsException e) {
        return new IllegalArgumentException(routine + ": " + e.getMessage(), e);
    }

    // ---------------------------------------------------------------- LAPACK

    @Override
    public int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        return NativeStack.call(() -> lapack.gesv(n, nrhs, a, lda, ipiv, b, ldb));
    }

    @Override
    public int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        return NativeStack.call(() -> lapack.posv(uplo, n, nrhs, a, lda, b, ldb));
    }

    @Override
    public int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        return NativeStack.call(() -> lapack.syev(computeVectors, uplo, n, a, lda, w));
    }

    @Override
    public int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        return NativeStack.call(() -> lapack.gesvd(m, n, a, lda, s, u, ldu, vt, ldvt));
    }

    @Override
    public int geqrf(int m, int n, double[] a, int lda, double[] tau) {
        return NativeStack.call(() -> lapack.geqrf(m, n, a, lda, tau));
    }

    @Override
    public int orgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        return NativeStack.call(() -> lapack.orgqr(m, n, k, a, lda, tau));
    }

    @Override
    public int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        return NativeStack.call(() -> lapack.gelsd(m, n, nrhs, a, lda, b, ldb));
    }

    @Override
    public String toString() {
        return "OpenBlasBackend[" + OpenBlasLibrary.LIBRARY + " via dev.ludovic.netlib JNI]";
    }
}
