package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.BlasArguments;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.NativeStack;
import dev.fixpoint.core.spi.Transpose;
import dev.fixpoint.core.spi.Triangle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jblas.NativeBlas;

/**
 * The {@code "jblas"} {@link LinearAlgebraBackend}: {@link NativeBlas} of jblas 1.2.5, i.e. the
 * single-threaded OpenBLAS and reference LAPACK bundled in the jblas jar (needs {@code libgfortran5}
 * on Linux). Obtain it with {@link #load()}.
 *
 * <p>Every call is checked with {@link BlasArguments} before it reaches native code, so a bad
 * offset or leading dimension throws {@link IllegalArgumentException} instead of corrupting or
 * crashing the JVM. Calls with an empty dimension return in Java (with the reference semantics),
 * so natives never see degenerate sizes. Workspace for LAPACK is allocated per call after a
 * workspace query.
 *
 * <p>Deviations from a plain mapping onto natives:
 * <ul>
 *   <li>jblas has no {@code dsyrk}: {@link #syrk} runs {@code dgemm} on blocks of 64 columns of
 *       {@code C}, each covering only the rows of the requested triangle, into a temporary buffer
 *       (at most {@code n×64}), and adds the triangle's part into {@code C}; the other triangle is
 *       never read or written. Cost: about {@code n²·k + 64·n·k} flops instead of {@code n²·k}.</li>
 *   <li>{@link #gelsd} passes {@code RCOND = 2⁻⁵²} (Java's machine epsilon) so that singular values
 *       {@code ≤ ε·s_max} are treated as zero, as the SPI documents; {@code RCOND = −1} would use
 *       LAPACK's {@code DLAMCH('E') = 2⁻⁵³} instead.</li>
 *   <li>LAPACK calls run on {@link NativeStack} threads: if the system OpenBLAS was loaded into the
 *       same process (the {@code openblas} provider), the dynamic linker may resolve jblas' LAPACK and
 *       BLAS symbols to it, and its threaded drivers overflow a normal Java thread's stack.</li>
 * </ul>
 * Thread-safe (the bundled OpenBLAS is single-threaded and the natives keep no state).
 */
public final class JblasBackend implements LinearAlgebraBackend {
    /** Columns of C per {@code dgemm} call in the {@link #syrk} emulation. */
    private static final int SYRK_BLOCK = 64;
    private static final Pattern MISSING_SO = Pattern.compile("(lib[a-z0-9_+-]+?)\\.so\\.(\\d+)");

    private JblasBackend() {
    }

    /**
     * Loads jblas' natives (silencing jblas' own stderr logger) and checks one call.
     *
     * @return the backend
     * @throws IllegalStateException saying what is missing, with the loading error as cause
     */
    public static JblasBackend load() {
        Throwable failure = Natives.FAILURE;
        if (failure != null) {
            throw new IllegalStateException(explain(failure), failure);
        }
        return new JblasBackend();
    }

    /** Holder: loads the natives once, on first use, and remembers a failure and its cause. */
    private static final class Natives {
        static final Throwable FAILURE = tryLoad();

        private static Throwable tryLoad() {
            try {
                // jblas prints "-- org.jblas INFO Deleting …" and loader messages to stderr; the
                // host reports failures through the exception below, so silence it completely.
                org.jblas.util.Logger.getLogger().setLevel(org.jblas.util.Logger.ERROR + 1);
                double[] x = {3, 4};
                double norm = NativeBlas.dnrm2(2, x, 0, 1);
                if (Math.abs(norm - 5) > 1e-12) {
                    return new IllegalStateException("jblas dnrm2([3, 4]) returned " + norm + " instead of 5");
                }
                return null;
            } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError
                return t;
            }
        }
    }

    /** Turns a loading failure into a sentence saying what to install. */
    static String explain(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append(' ');
        }
        String text = all.toString();
        Matcher m = MISSING_SO.matcher(text);
        String arch = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        if (m.find()) {
            String lib = m.group(1);
            String pkg = lib + m.group(2);
            return "jblas native library could not be loaded on " + arch + ": " + lib + ".so." + m.group(2)
                    + " is missing (install " + pkg + ", e.g. apt-get install " + pkg + "); using another backend";
        }
        if (text.contains("UnsupportedArchitecture")) {
            return "jblas has no native library for " + arch;
        }
        return "jblas native library could not be loaded on " + arch + ": " + failure;
    }

    @Override
    public String name() {
        return "jblas";
    }

    // ------------------------------------------------------------------------- BLAS

    @Override
    public double dot(int n, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("dot", n, x, offX, incX, y, offY, incY);
        return n == 0 ? 0 : NativeBlas.ddot(n, x, offX, incX, y, offY, incY);
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        BlasArguments.checkTwoVectors("axpy", n, x, offX, incX, y, offY, incY);
        if (n > 0) {
            NativeBlas.daxpy(n, alpha, x, offX, incX, y, offY, incY);
        }
    }

    @Override
    public void scal(int n, double alpha, double[] x, int offX, int incX) {
        BlasArguments.checkVector("scal", "x", x, offX, incX, n);
        if (n > 0) {
            NativeBlas.dscal(n, alpha, x, offX, incX);
        }
    }

    @Override
    public double nrm2(int n, double[] x, int offX, int incX) {
        BlasArguments.checkVector("nrm2", "x", x, offX, incX, n);
        return n == 0 ? 0 : NativeBlas.dnrm2(n, x, offX, incX);
    }

    @Override
    public void gemv(Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda,
                     double[] x, int offX, int incX, double beta, double[] y, int offY, int incY) {
        BlasArguments.checkGemv(trans, m, n, a, offA, lda, x, offX, incX, y, offY, incY);
        if (m > 0 && n > 0) {
            NativeBlas.dgemv(trans.blasChar(), m, n, alpha, a, offA, lda, x, offX, incX, beta, y, offY, incY);
        } else if (beta != 1) { // empty inner dimension: y ← beta·y, not reading y when beta = 0
            int leny = trans.isTransposed() ? n : m;
            for (int i = 0, iy = offY; i < leny; i++, iy += incY) {
                y[iy] = beta == 0 ? 0 : beta * y[iy];
            }
        }
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                     double[] a, int offA, int lda, double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        NativeBlas.dgemm(transA.blasChar(), transB.blasChar(), m, n, k, alpha, a, offA, lda, b, offB, ldb,
                beta, c, offC, ldc);
    }

    /** Emulated with {@code dgemm} into a temporary buffer; see the class documentation. */
    @Override
    public void syrk(Triangle uplo, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
                     double beta, double[] c, int offC, int ldc) {
        BlasArguments.checkSyrk(uplo, trans, n, k, a, offA, lda, c, offC, ldc);
        if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        boolean upper = uplo == Triangle.UPPER;
        boolean product = alpha != 0 && k > 0;
        boolean t = trans.isTransposed();
        double[] tmp = product ? new double[n * Math.min(n, SYRK_BLOCK)] : null;
        for (int j0 = 0; j0 < n; j0 += SYRK_BLOCK) {
            int j1 = Math.min(n, j0 + SYRK_BLOCK);
            int r0 = upper ? 0 : j0;                // rows of C touched by this block of columns
            int r1 = upper ? j1 : n;
            int rows = r1 - r0;
            if (product) {                          // tmp = alpha·op(A)(r0:r1, :)·op(A)(j0:j1, :)ᵀ
                NativeBlas.dgemm(t ? 'T' : 'N', t ? 'N' : 'T', rows, j1 - j0, k, alpha,
                        a, t ? offA + r0 * lda : offA + r0, lda, a, t ? offA + j0 * lda : offA + j0, lda,
                        0.0, tmp, 0, rows);
            }
            for (int j = j0; j < j1; j++) {
                int cj = offC + j * ldc;
                int tj = (j - j0) * rows - r0;
                for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                    double old = beta == 0 ? 0 : beta == 1 ? c[cj + i] : beta * c[cj + i];
                    c[cj + i] = product ? old + tmp[tj + i] : old;
                }
            }
        }
    }

    // ----------------------------------------------------------------------- LAPACK

    @Override
    public int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        return NativeStack.call(() -> gesvOnLargeStack(n, nrhs, a, lda, ipiv, b, ldb));
    }

    private int gesvOnLargeStack(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        BlasArguments.checkGesv(n, nrhs, a, lda, ipiv, b, ldb);
        if (n == 0) {
            return 0;
        }
        return NativeBlas.dgesv(n, nrhs, a, 0, lda, ipiv, 0, b, 0, ldb);
    }

    @Override
    public int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        return NativeStack.call(() -> posvOnLargeStack(uplo, n, nrhs, a, lda, b, ldb));
    }

    private int posvOnLargeStack(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkPosv(uplo, n, nrhs, a, lda, b, ldb);
        if (n == 0) {
            return 0;
        }
        return NativeBlas.dposv(uplo.blasChar(), n, nrhs, a, 0, lda, b, 0, ldb);
    }

    @Override
    public int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        return NativeStack.call(() -> syevOnLargeStack(computeVectors, uplo, n, a, lda, w));
    }

    private int syevOnLargeStack(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        BlasArguments.checkSyev(uplo, n, a, lda, w);
        if (n == 0) {
            return 0;
        }
        char jobz = computeVectors ? 'V' : 'N';
        double[] query = new double[1];
        int info = NativeBlas.dsyev(jobz, uplo.blasChar(), n, a, 0, lda, w, 0, query, 0, -1);
        if (info != 0) {
            return info;
        }
        int lwork = Math.max(Math.max(1, 3 * n - 1), (int) query[0]);
        return NativeBlas.dsyev(jobz, uplo.blasChar(), n, a, 0, lda, w, 0, new double[lwork], 0, lwork);
    }

    @Override
    public int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        return NativeStack.call(() -> gesvdOnLargeStack(m, n, a, lda, s, u, ldu, vt, ldvt));
    }

    private int gesvdOnLargeStack(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        BlasArguments.checkGesvd(m, n, a, lda, s, u, ldu, vt, ldvt);
        if (m == 0 || n == 0) {
            return 0;
        }
        double[] query = new double[1];
        int info = NativeBlas.dgesvd('S', 'S', m, n, a, 0, lda, s, 0, u, 0, ldu, vt, 0, ldvt, query, 0, -1);
        if (info != 0) {
            return info;
        }
        int p = Math.min(m, n);
        int lwork = Math.max(Math.max(1, Math.max(3 * p + Math.max(m, n), 5 * p)), (int) query[0]);
        return NativeBlas.dgesvd('S', 'S', m, n, a, 0, lda, s, 0, u, 0, ldu, vt, 0, ldvt,
                new double[lwork], 0, lwork);
    }

    @Override
    public int geqrf(int m, int n, double[] a, int lda, double[] tau) {
        return NativeStack.call(() -> geqrfOnLargeStack(m, n, a, lda, tau));
    }

    private int geqrfOnLargeStack(int m, int n, double[] a, int lda, double[] tau) {
        BlasArguments.checkGeqrf(m, n, a, lda, tau);
        if (m == 0 || n == 0) {
            return 0;
        }
        double[] query = new double[1];
        int info = NativeBlas.dgeqrf(m, n, a, 0, lda, tau, 0, query, 0, -1);
        if (info != 0) {
            return info;
        }
        int lwork = Math.max(Math.max(1, n), (int) query[0]);
        return NativeBlas.dgeqrf(m, n, a, 0, lda, tau, 0, new double[lwork], 0, lwork);
    }

    @Override
    public int orgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        return NativeStack.call(() -> orgqrOnLargeStack(m, n, k, a, lda, tau));
    }

    private int orgqrOnLargeStack(int m, int n, int k, double[] a, int lda, double[] tau) {
        BlasArguments.checkOrgqr(m, n, k, a, lda, tau);
        if (n == 0) {
            return 0;
        }
        double[] tauOrDummy = tau.length == 0 ? new double[1] : tau;
        double[] query = new double[1];
        int info = NativeBlas.dorgqr(m, n, k, a, 0, lda, tauOrDummy, 0, query, 0, -1);
        if (info != 0) {
            return info;
        }
        int lwork = Math.max(Math.max(1, n), (int) query[0]);
        return NativeBlas.dorgqr(m, n, k, a, 0, lda, tauOrDummy, 0, new double[lwork], 0, lwork);
    }

    @Override
    public int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        return NativeStack.call(() -> gelsdOnLargeStack(m, n, nrhs, a, lda, b, ldb));
    }

    private int gelsdOnLargeStack(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        BlasArguments.checkGelsd(m, n, nrhs, a, lda, b, ldb);
        if (m == 0 || n == 0 || nrhs == 0) {
            for (int r = 0; r < nrhs; r++) {    // minimum-norm solution of an empty system: zero
                java.util.Arrays.fill(b, r * ldb, r * ldb + n, 0.0);
            }
            return 0;
        }
        int p = Math.min(m, n);
        double[] s = new double[p];
        int[] rank = new int[1];
        int smlsiz = 25;
        int nlvl = Math.max(0, (int) (Math.log((double) p / (smlsiz + 1)) / Math.log(2)) + 1);
        int liwork = Math.max(1, 3 * p * nlvl + 11 * p);
        int[] iwork = new int[liwork];
        double[] query = new double[1];
        int info = NativeBlas.dgelsd(m, n, nrhs, a, 0, lda, b, 0, ldb, s, 0, JavaSpectral.RCOND, rank, 0,
                query, 0, -1, iwork, 0);
        if (info != 0) {
            return info;
        }
        if (iwork[0] > liwork) {
            iwork = new int[iwork[0]];
        }
        int lwork = Math.max(1, (int) query[0]);
        return NativeBlas.dgelsd(m, n, nrhs, a, 0, lda, b, 0, ldb, s, 0, JavaSpectral.RCOND, rank, 0,
                new double[lwork], 0, lwork, iwork, 0);
    }

    @Override
    public String toString() {
        return "JblasBackend[jblas]";
    }
}
