package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.BlasArguments;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;
import dev.fixpoint.core.spi.Triangle;

/**
 * The pure-Java {@link LinearAlgebraBackend} ({@code "java"}): no native code, always available.
 *
 * <p>This class checks arguments with {@link BlasArguments} and delegates by theme:
 * {@link JavaBlas} (levels 1–2, {@code syrk}), {@link JavaGemm} (blocked, packed, multithreaded
 * {@code gemm}), {@link JavaFactorizations} (LU, Cholesky, Householder QR in LAPACK's
 * representation) and {@link JavaSpectral} (eigen, SVD and least squares through commons-math3).
 * Conventions, shapes and which arguments are modified are those documented on
 * {@link LinearAlgebraBackend}. Stateless and thread-safe.
 */
public final class PureJavaBackend implements LinearAlgebraBackend {

    /** Creates the backend; cheap, nothing is loaded. */
    public PureJavaBackend() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public double dot(int n, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("dot", n, x, offX, incX, y, offY, incY);
        return JavaBlas.dot(n, x, offX, incX, y, offY, incY);
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("axpy", n, x, offX, incX, y, offY, incY);
        JavaBlas.axpy(n, alpha, x, offX, incX, y, offY, incY);
    }

    @Override
    public void scal(int n, double alpha, double[] x, int offX, int incX) {
        BlasArguments.checkVector("scal", "x", x, offX, incX, n);
        JavaBlas.scal(n, alpha, x, offX, incX);
    }

    @Override
    public double nrm2(int n, double[] x, int offX, int incX) {
        BlasArguments.checkVector("nrm2", "x", x, offX, incX, n);
        return JavaBlas.nrm2(n, x, offX, incX);
    }

    @Override
    public void gemv(Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda,
                     double[] x, int offX, int incX, double beta, double[] y, int offY, int incY) {
        BlasArguments.checkGemv(trans, m, n, a, offA, lda, x, offX, incX, y, offY, incY);
        JavaBlas.gemv(trans, m, n, alpha, a, offA, lda, x, offX, incX, beta, y, offY, incY);
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                     double[] a, int offA, int lda, double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        JavaGemm.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
    }

    @Override
    public void syrk(Triangle uplo, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkSyrk(uplo, trans, n, k, a, offA, lda, c, offC, ldc);
        JavaBlas.syrk(uplo, trans, n, k, alpha, a, offA, lda, beta, c, offC, ldc);
    }

    @Override
    public int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        BlasArguments.checkGesv(n, nrhs, a, lda, ipiv, b, ldb);
        return JavaFactorizations.gesv(n, nrhs, a, lda, ipiv, b, ldb);
    }

    @Override
    public int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkPosv(uplo, n, nrhs, a, lda, b, ldb);
        return JavaFactorizations.posv(uplo, n, nrhs, a, lda, b, ldb);
    }

    @Override
    public int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        BlasArguments.checkSyev(uplo, n, a, lda, w);
        return JavaSpectral.syev(computeVectors, uplo, n, a, lda, w);
    }

    @Override
    public int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        BlasArguments.checkGesvd(m, n, a, lda, s, u, ldu, vt, ldvt);
        return JavaSpectral.gesvd(m, n, a, lda, s, u, ldu, vt, ldvt);
    }

    @Override
    public int geqrf(int m, int n, double[] a, int lda, double[] tau) {
        BlasArguments.checkGeqrf(m, n, a, lda, tau);
        return JavaFactorizations.geqrf(m, n, a, lda, tau);
    }

    @Override
    public int orgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        BlasArguments.checkOrgqr(m, n, k, a, lda, tau);
        return JavaFactorizations.orgqr(m, n, k, a, lda, tau);
    }

    @Override
    public int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkGelsd(m, n, nrhs, a, lda, b, ldb);
        return JavaSpectral.gelsd(m, n, nrhs, a, lda, b, ldb);
    }

    @Override
    public String toString() {
        return "PureJavaBackend[java]";
    }
}
