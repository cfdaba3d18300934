package dev.fixpoint.openblas;

import dev.fixpoint.core.spi.BlasArguments;
import dev.fixpoint.core.spi.Triangle;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.Arrays;
import java.util.Objects;
import org.netlib.util.intW;

/**
 * The LAPACK half of {@link OpenBlasBackend}: the SPI's routines mapped onto OpenBLAS's bundled LAPACK
 * ({@code DGESV}, {@code DPOSV}, {@code DSYEV}, {@code DGESVD}, {@code DGEQRF}, {@code DORGQR},
 * {@code DGELSD}). Arguments are validated in Java (netlib's LAPACK bindings check nothing and native
 * code would index past short arrays); workspace is sized by a {@code LWORK = -1} query and allocated
 * per call; a negative {@code INFO} becomes an {@link IllegalArgumentException}. Stateless.
 */
final class OpenBlasLapack {
    /**
     * Relative threshold below which {@code DGELSD} treats singular values as zero: the machine epsilon
     * {@code 2⁻⁵²} ({@link Math#ulp(double) Math.ulp(1.0)}), as the SPI specifies.
     */
    static final double GELSD_RCOND = Math.ulp(1.0);

    private final NativeLAPACK lapack;

    OpenBlasLapack(NativeLAPACK lapack) {
        this.lapack = Objects.requireNonNull(lapack, "lapack");
    }

    int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        BlasArguments.checkGesv(n, nrhs, a, lda, ipiv, b, ldb);
        intW info = new intW(0);
        lapack.dgesv(n, nrhs, a, lda, ipiv, b, ldb, info);
        return info("DGESV", info.val);
    }

    int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkPosv(uplo, n, nrhs, a, lda, b, ldb);
        intW info = new intW(0);
        lapack.dposv(letter(uplo.blasChar()), n, nrhs, a, lda, b, ldb, info);
        return info("DPOSV", info.val);
    }

    int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        BlasArguments.checkSyev(uplo, n, a, lda, w);
        if (n == 0) {
            return 0;
        }
        String jobz = computeVectors ? "V" : "N";
        String ul = letter(uplo.blasChar());
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dsyev(jobz, ul, n, a, lda, w, query, -1, info);
        info("DSYEV", info.val);
        double[] work = new double[workspace(query[0], 3 * n - 1)];
        lapack.dsyev(jobz, ul, n, a, lda, w, work, work.length, info);
        return info("DSYEV", info.val);
    }

    int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        BlasArguments.checkGesvd(m, n, a, lda, s, u, ldu, vt, ldvt);
        int p = Math.min(m, n);
        if (p == 0) {
            return 0;
        }
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dgesvd("S", "S", m, n, a, lda, s, u, ldu, vt, ldvt, query, -1, info);
        info("DGESVD", info.val);
        double[] work = new double[workspace(query[0], Math.max(3 * p + Math.max(m, n), 5 * p))];
        lapack.dgesvd("S", "S", m, n, a, lda, s, u, ldu, vt, ldvt, work, work.length, info);
        return info("DGESVD", info.val);
    }

    int geqrf(int m, int n, double[] a, int lda, double[] tau) {
        BlasArguments.checkGeqrf(m, n, a, lda, tau);
        if (m == 0 || n == 0) {
            return 0;
        }
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dgeqrf(m, n, a, lda, tau, query, -1, info);
        info("DGEQRF", info.val);
        double[] work = new double[workspace(query[0], n)];
        lapack.dgeqrf(m, n, a, lda, tau, work, work.length, info);
        return info("DGEQRF", info.val);
    }

    int orgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        BlasArguments.checkOrgqr(m, n, k, a, lda, tau);
        if (n == 0) {
            return 0;
        }
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dorgqr(m, n, k, a, lda, tau, query, -1, info);
        info("DORGQR", info.val);
        double[] work = new double[workspace(query[0], n)];
        lapack.dorgqr(m, n, k, a, lda, tau, work, work.length, info);
        return info("DORGQR", info.val);
    }

    int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkGelsd(m, n, nrhs, a, lda, b, ldb);
        int p = Math.min(m, n);
        if (nrhs == 0) {
            return 0;
        }
        if (p == 0) {
            // A has no entries: the minimum-norm solution is zero
            for (int j = 0; j < nrhs; j++) {
                Arrays.fill(b, j * ldb, j * ldb + n, 0.0);
            }
            return 0;
        }
        double[] s = new double[p];
        intW rank = new intW(0);
        intW info = new intW(0);
        double[] query = new double[1];
        int[] iquery = new int[1];
        lapack.dgelsd(m, n, nrhs, a, lda, b, ldb, s, GELSD_RCOND, rank, query, -1, iquery, info);
        info("DGELSD", info.val);
        double[] work = new double[workspace(query[0], 1)];
        int levels = Math.max(0, (int) (Math.log(p / 26.0) / Math.log(2)) + 1); // NLVL with SMLSIZ = 25
        int[] iwork = new int[Math.max(1, Math.max(iquery[0], 3 * p * levels + 11 * p))];
        lapack.dgelsd(m, n, nrhs, a, lda, b, ldb, s, GELSD_RCOND, rank, work, work.length, iwork, info);
        return info("DGELSD", info.val);
    }

    /** @return {@code info} if non-negative; a negative INFO (an argument LAPACK rejected) throws */
    static int info(String routine, int info) {
        if (info < 0) {
            throw new IllegalArgumentException(routine + ": LAPACK rejected argument " + (-info) + " (INFO = " + info + ")");
        }
        return info;
    }

    /** @return the queried optimal workspace size, at least the documented minimum */
    private static int workspace(double queried, int minimum) {
        return Math.max(Math.max(1, minimum), (int) Math.ceil(queried));
    }

    private static String letter(char c) {
        return String.valueOf(c);
    }
}
