package dev.fixpoint.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LinearAlgebraBackend} passes; published in the fixpoint-core test-jar.
 * Extend it, implement {@link #createBackend()} and {@link #backendName()}, and run it with JUnit 5.
 *
 * <p>Results are compared against naive loops (BLAS) or checked through residuals (LAPACK) on
 * random inputs with fixed seeds, with tolerances derived from the problem (inner dimension, norms).
 * Every BLAS routine is run with offsets, increments {@code > 1}, leading dimensions larger than the
 * row count, all transposition flags, sizes 0 and 1, non-square and block-crossing shapes, and
 * {@code beta == 0} over NaN-filled outputs; elements outside the addressed ones must stay untouched.
 *
 * <p>If {@code createBackend()} throws, the tests are <em>skipped</em> ("backend unavailable: …"),
 * unless the backend's name is listed in the system property {@value #REQUIRE_PROPERTY} or the
 * environment variable {@value #REQUIRE_ENVIRONMENT} (comma-separated), in which case they fail: CI
 * lists the backends it installs, so a missing native library never passes silently.
 */
public abstract class LinearAlgebraBackendContract {
    /** System property listing backends that must be available, e.g. {@code jblas,java}. */
    public static final String REQUIRE_PROPERTY = "fixpoint.requireBackends";
    /** Environment variable consulted when the property is not set. */
    public static final String REQUIRE_ENVIRONMENT = "FIXPOINT_REQUIRE_BACKENDS";

    private static final double EPS = Math.ulp(1.0);
    private static final Transpose[] TRANS = Transpose.values();

    /** The backend under test, created before each test. */
    protected LinearAlgebraBackend backend;

    /**
     * @return a fresh or shared backend under test
     * @throws Exception (or an {@link Error} such as {@link UnsatisfiedLinkError}) if it is unavailable
     */
    protected abstract LinearAlgebraBackend createBackend() throws Exception;

    /** @return the provider name of the backend, used for {@value #REQUIRE_PROPERTY} */
    protected abstract String backendName();

    @BeforeEach
    final void createBackendOrSkip() {
        backend = loadOrSkip(backendName(), this::createBackend);
    }

    /** Creates a backend; may throw, or raise an {@link Error} when natives do not load. */
    @FunctionalInterface
    public interface BackendFactory {
        /** @return the backend */
        LinearAlgebraBackend create() throws Exception;
    }

    /**
     * For a provider's own tests: creates the backend, or skips the calling test if it is unavailable
     * on this machine — unless {@code name} is required ({@value #REQUIRE_PROPERTY} /
     * {@value #REQUIRE_ENVIRONMENT}), in which case the test fails with the reason.
     *
     * @param name    provider name
     * @param factory creates the backend
     * @return the backend
     */
    public static LinearAlgebraBackend loadOrSkip(String name, BackendFactory factory) {
        try {
            return factory.create();
        } catch (Throwable t) { // natives that fail to load throw Errors
            String reason = t.toString();
            if (isRequired(name)) {
                fail("backend '" + name + "' is required (" + REQUIRE_PROPERTY + " / "
                        + REQUIRE_ENVIRONMENT + ") but unavailable: " + reason, t);
            }
            Assumptions.abort("backend '" + name + "' unavailable on this machine: " + reason);
            throw new AssertionError("unreachable");
        }
    }

    /** @return whether {@code name} is listed in {@value #REQUIRE_PROPERTY} or {@value #REQUIRE_ENVIRONMENT} */
    public static boolean isRequired(String name) {
        String list = System.getProperty(REQUIRE_PROPERTY);
        if (list == null || list.isBlank()) {
            list = System.getenv(REQUIRE_ENVIRONMENT);
        }
        if (list == null) {
            return false;
        }
        return Arrays.stream(list.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(name.toLowerCase(Locale.ROOT)));
    }

    @Test
    void nameIsTheProviderName() {
        assertEquals(backendName(), backend.name());
    }

    // ------------------------------------------------------------------------- BLAS 1

    /** {n, offX, incX, offY, incY} */
    private static final int[][] VECTOR_CASES = {
        {0, 0, 1, 0, 1}, {1, 0, 1, 0, 1}, {7, 0, 1, 0, 1}, {37, 3, 2, 1, 3}, {100, 0, 1, 5, 1}, {9, 2, 4, 0, 1},
    };

    @Test
    void dotMatchesNaiveLoop() {
        Random r = new Random(11);
        for (int[] cs : VECTOR_CASES) {
            int n = cs[0];
            double[] x = random(r, len(cs[1], cs[2], n));
            double[] y = random(r, len(cs[3], cs[4], n));
            double want = 0;
            double mag = 0;
            for (int i = 0; i < n; i++) {
                want += x[cs[1] + i * cs[2]] * y[cs[3] + i * cs[4]];
                mag += Math.abs(x[cs[1] + i * cs[2]] * y[cs[3] + i * cs[4]]);
            }
            double got = backend.dot(n, x, cs[1], cs[2], y, cs[3], cs[4]);
            assertEquals(want, got, 2 * (n + 1) * EPS * mag, () -> "dot " + Arrays.toString(cs));
        }
    }

    @Test
    void axpyAndScalTouchOnlyTheStridedElements() {
        Random r = new Random(12);
        for (int[] cs : VECTOR_CASES) {
            int n = cs[0];
            double[] x = random(r, len(cs[1], cs[2], n));
            double[] y = random(r, len(cs[3], cs[4], n) + 2);
            double[] want = y.clone();
            for (int i = 0; i < n; i++) {
                want[cs[3] + i * cs[4]] += -0.75 * x[cs[1] + i * cs[2]];
            }
            backend.axpy(n, -0.75, x, cs[1], cs[2], y, cs[3], cs[4]);
            assertClose(want, y, 4 * EPS, "axpy " + Arrays.toString(cs));

            double[] wantX = x.clone();
            for (int i = 0; i < n; i++) {
                wantX[cs[1] + i * cs[2]] *= 1.5;
            }
            backend.scal(n, 1.5, x, cs[1], cs[2]);
            assertClose(wantX, x, 0, "scal " + Arrays.toString(cs));
        }
    }

    @Test
    void nrm2MatchesNaiveLoopAndNeitherOverflowsNorUnderflows() {
        Random r = new Random(13);
        for (int[] cs : VECTOR_CASES) {
            int n = cs[0];
            double[] x = random(r, len(cs[1], cs[2], n));
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[cs[1] + i * cs[2]] * x[cs[1] + i * cs[2]];
            }
            assertEquals(Math.sqrt(sum), backend.nrm2(n, x, cs[1], cs[2]), 4 * (n + 1) * EPS * Math.sqrt(sum),
                    () -> "nrm2 " + Arrays.toString(cs));
        }
        for (double scale : new double[]{1e300, 1e-300, 1e160, 1e-160}) {
            double[] x = {0, 3 * scale, 99, 4 * scale, 98};
            assertEquals(5 * scale, backend.nrm2(2, x, 1, 2), 1e-14 * 5 * scale, "nrm2 at scale " + scale);
            double[] big = new double[50];
            Arrays.fill(big, scale);
            assertEquals(Math.sqrt(50) * scale, backend.nrm2(50, big, 0, 1), 1e-13 * Math.sqrt(50) * scale,
                    "nrm2 of 50 × " + scale);
        }
    }

    // ------------------------------------------------------------------------- BLAS 2

    @Test
    void gemvMatchesNaiveLoopForBothTranspositionsAndBetas() {
        Random r = new Random(21);
        int[][] shapes = {{7, 5}, {5, 7}, {1, 1}, {33, 20}, {0, 4}, {4, 0}};
        for (Transpose t : TRANS) {
            for (int[] s : shapes) {
                for (double beta : new double[]{0, 1, -0.3}) {
                    int m = s[0];
                    int n = s[1];
                    int lda = m + 2;
                    int offA = 3;
                    int lx = t.isTransposed() ? m : n;
                    int ly = t.isTransposed() ? n : m;
                    double[] a = random(r, offA + lda * n + 1);
                    double[] x = random(r, len(1, 2, lx));
                    double[] y = random(r, len(2, 3, ly) + 1);
                    if (beta == 0) {
                        for (int i = 0; i < ly; i++) {
                            y[2 + 3 * i] = Double.NaN;
                        }
                    }
                    double[] want = y.clone();
                    double[] tol = new double[y.length];
                    { // an empty inner dimension gives alpha·0 + beta·y, and beta = 0 never reads y
                        for (int i = 0; i < ly; i++) {
                            double acc = 0;
                            double mag = 0;
                            for (int p = 0; p < lx; p++) {
                                double av = t.isTransposed() ? a[offA + p + i * lda] : a[offA + i + p * lda];
                                acc += av * x[1 + 2 * p];
                                mag += Math.abs(av * x[1 + 2 * p]);
                            }
                            double old = beta == 0 ? 0 : beta * y[2 + 3 * i];
                            want[2 + 3 * i] = 0.7 * acc + old;
                            tol[2 + 3 * i] = 4 * (lx + 2) * EPS * (0.7 * mag + Math.abs(old));
                        }
                    }
                    backend.gemv(t, m, n, 0.7, a, offA, lda, x, 1, 2, beta, y, 2, 3);
                    assertWithin(want, y, tol, "gemv " + t + " " + m + "×" + n + " beta=" + beta);
                }
            }
        }
    }

    // ------------------------------------------------------------------------- BLAS 3

    @Test
    void gemmMatchesNaiveLoopForAllTranspositionsShapesAndBetas() {
        Random r = new Random(31);
        int[][] shapes = {{7, 5, 3}, {1, 1, 1}, {67, 45, 33}, {2, 3, 1}, {3, 1, 40}, {0, 3, 2}, {3, 0, 2}, {3, 2, 0}};
        for (Transpose ta : TRANS) {
            for (Transpose tb : TRANS) {
                for (int[] s : shapes) {
                    for (double beta : new double[]{0, 1, -0.5}) {
                        checkGemm(r, ta, tb, s[0], s[1], s[2], 0.7, beta);
                    }
                }
            }
        }
    }

    @Test
    void gemmLargeEnoughForTheParallelPath() {
        Random r = new Random(32);
        for (Transpose ta : TRANS) {
            for (Transpose tb : TRANS) {
                checkGemm(r, ta, tb, 301, 293, 277, -1.25, 0.5);
            }
        }
        checkGemm(r, Transpose.NO, Transpose.NO, 300, 300, 300, 1, 0);
    }

    @Test
    void gemmWithZeroAlphaOnlyScalesC() {
        Random r = new Random(33);
        for (double beta : new double[]{0, 1, 2}) {
            checkGemm(r, Transpose.NO, Transpose.YES, 6, 4, 5, 0, beta);
        }
    }

    private void checkGemm(Random r, Transpose ta, Transpose tb, int m, int n, int k, double alpha, double beta) {
        int ra = ta.isTransposed() ? k : m;
        int ca = ta.isTransposed() ? m : k;
        int rb = tb.isTransposed() ? n : k;
        int cb = tb.isTransposed() ? k : n;
        int lda = ra + 3;
        int ldb = rb + 1;
        int ldc = m + 2;
        int offA = 5;
        int offB = 2;
        int offC = 4;
        double[] a = random(r, offA + lda * ca + 1);
        double[] b = random(r, offB + ldb * cb + 1);
        double[] c = random(r, offC + ldc * n + 3);
        if (beta == 0) {
            for (int j = 0; j < n; j++) {
                Arrays.fill(c, offC + j * ldc, offC + j * ldc + m, Double.NaN);
            }
        }
        double[] want = c.clone();
        double[] tol = new double[c.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double acc = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta.isTransposed() ? a[offA + p + i * lda] : a[offA + i + p * lda];
                    double bv = tb.isTransposed() ? b[offB + j + p * ldb] : b[offB + p + j * ldb];
                    acc += av * bv;
                    mag += Math.abs(av * bv);
                }
                int ci = offC + i + j * ldc;
                double old = beta == 0 ? 0 : beta * c[ci];
                want[ci] = alpha * acc + old;
                tol[ci] = 4 * (k + 2) * EPS * (Math.abs(alpha) * mag + Math.abs(old));
            }
        }
        backend.gemm(ta, tb, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        assertWithin(want, c, tol,
                "gemm " + ta + "," + tb + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta);
    }

    /** {@code |want − got| ≤ tol} elementwise; where {@code tol} is 0 the values must be identical. */
    private static void assertWithin(double[] want, double[] got, double[] tol, String what) {
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(want[i] - got[i]) <= tol[i]) && !Double.valueOf(want[i]).equals(got[i])) {
                fail(what + ": element " + i + " is " + got[i] + ", expected " + want[i] + " ± " + tol[i]);
            }
        }
    }

    @Test
    void syrkUpdatesOnlyTheRequestedTriangle() {
        Random r = new Random(41);
        int[][] shapes = {{5, 3}, {1, 1}, {40, 70}, {150, 20}, {3, 0}, {0, 2}, {9, 1}};
        for (Triangle uplo : Triangle.values()) {
            for (Transpose t : TRANS) {
                for (int[] s : shapes) {
                    for (double beta : new double[]{0, 1, 0.5}) {
                        checkSyrk(r, uplo, t, s[0], s[1], 0.9, beta);
                    }
                }
            }
        }
        checkSyrk(r, Triangle.LOWER, Transpose.NO, 6, 4, 0, 0.5);
    }

    private void checkSyrk(Random r, Triangle uplo, Transpose t, int n, int k, double alpha, double beta) {
        int ra = t.isTransposed() ? k : n;
        int ca = t.isTransposed() ? n : k;
        int lda = ra + 2;
        int ldc = n + 1;
        int offA = 1;
        int offC = 3;
        double[] a = random(r, offA + lda * ca + 1);
        double[] c = random(r, offC + ldc * n + 2);
        boolean upper = uplo == Triangle.UPPER;
        if (beta == 0) {
            for (int j = 0; j < n; j++) {
                for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                    c[offC + i + j * ldc] = Double.NaN;
                }
            }
        }
        double[] want = c.clone();
        double[] tol = new double[c.length];
        for (int j = 0; j < n; j++) {
            for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                double acc = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    double ai = t.isTransposed() ? a[offA + p + i * lda] : a[offA + i + p * lda];
                    double aj = t.isTransposed() ? a[offA + p + j * lda] : a[offA + j + p * lda];
                    acc += ai * aj;
                    mag += Math.abs(ai * aj);
                }
                int ci = offC + i + j * ldc;
                double old = beta == 0 ? 0 : beta * c[ci];
                want[ci] = alpha * acc + old;
                tol[ci] = 4 * (k + 2) * EPS * (Math.abs(alpha) * mag + Math.abs(old));
            }
        }
        backend.syrk(uplo, t, n, k, alpha, a, offA, lda, beta, c, offC, ldc);
        assertWithin(want, c, tol, "syrk " + uplo + " " + t + " n=" + n + " k=" + k + " beta=" + beta);
    }

    // ------------------------------------------------------------------------- LAPACK

    @Test
    void gesvSolvesAndReturnsConsistentLuFactors() {
        Random r = new Random(51);
        for (int n : new int[]{1, 5, 50}) {
            for (int nrhs : new int[]{1, 3}) {
                int lda = n + 2;
                int ldb = n + 1;
                double[] a = random(r, lda * n);
                double[] b = random(r, ldb * nrhs);
                double[] a0 = a.clone();
                double[] b0 = b.clone();
                int[] ipiv = new int[n];
                assertEquals(0, backend.gesv(n, nrhs, a, lda, ipiv, b, ldb));
                double scale = normMax(n, n, a0, lda) * normMax(n, nrhs, b, ldb) * n;
                assertSmall(residual(n, n, nrhs, a0, lda, b, ldb, b0, ldb), 1e-13 * n * scale + 1e-300,
                        "gesv ‖AX−B‖ n=" + n);
                // P·L·U reproduces A
                double[] lu = new double[n * n];
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int p = 0; p <= Math.min(i, j); p++) {
                            double l = p == i ? 1 : a[i + p * lda];
                            s += l * a[p + j * lda];
                        }
                        lu[i + j * n] = s;
                    }
                }
                for (int j = n - 1; j >= 0; j--) {
                    assertTrue(ipiv[j] >= j + 1 && ipiv[j] <= n, "ipiv[" + j + "]=" + ipiv[j]);
                    swapRows(lu, n, n, j, ipiv[j] - 1);
                }
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(a0[i + j * lda], lu[i + j * n], 1e-13 * n * normMax(n, n, a0, lda), "P·L·U");
                    }
                }
            }
        }
        assertEquals(0, backend.gesv(0, 1, new double[0], 1, new int[0], new double[0], 1));
    }

    /**
     * LAPACK from a thread with a small stack (ForkJoin workers and most Java threads have 1 MiB or
     * less): multithreaded native LAPACK drivers keep MiB-sized tables on the caller's stack and used
     * to kill the JVM here (SIGSEGV), so a provider must run them where the stack suffices.
     */
    @Test
    void lapackFromASmallStackThreadDoesNotCrash() throws Exception {
        Random r = new Random(77);
        int n = 200;
        double[] a = random(r, n * n);
        for (int i = 0; i < n; i++) {
            a[i + i * n] += n; // well conditioned
        }
        double[] a0 = a.clone();
        double[] b = random(r, n * 2);
        double[] b0 = b.clone();
        int[] info = {-99};
        Throwable[] error = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                info[0] = backend.gesv(n, 2, a, n, new int[n], b, n);
                double[] spd = new double[n * n];
                backend.gemm(Transpose.YES, Transpose.NO, n, n, n, 1, a0, 0, n, a0, 0, n, 0, spd, 0, n);
                double[] w = new double[n];
                info[0] += backend.syev(true, Triangle.LOWER, n, spd, n, w);
            } catch (Throwable e) {
                error[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (error[0] != null) {
            fail("LAPACK on a 256 KiB stack threw", error[0]);
        }
        assertEquals(0, info[0]);
        assertSmall(residual(n, n, 2, a0, n, b, n, b0, n), 1e-10 * n, "gesv on a small stack ‖AX−B‖");
    }

    @Test
    void gesvReportsAnExactlySingularMatrix() {
        double[] a = {1, 2, 2, 4};
        double[] b = {1, 1};
        assertEquals(2, backend.gesv(2, 1, a, 2, new int[2], b, 2));
        double[] z = {0, 0, 0, 1, 2, 3, 4, 5, 7};
        assertEquals(1, backend.gesv(3, 1, z, 3, new int[3], new double[3], 3));
    }

    @Test
    void posvSolvesSpdSystemsReadingOnlyOneTriangle() {
        Random r = new Random(52);
        for (Triangle uplo : Triangle.values()) {
            for (int n : new int[]{1, 6, 40}) {
                int lda = n + 1;
                double[] spd = spd(r, n, lda);
                double[] a = spd.clone();
                fillOtherTriangle(uplo, n, a, lda, Double.NaN);
                int nrhs = 2;
                double[] b = random(r, n * nrhs);
                double[] b0 = b.clone();
                assertEquals(0, backend.posv(uplo, n, nrhs, a, lda, b, n), "posv " + uplo + " n=" + n);
                double scale = normMax(n, n, spd, lda) * normMax(n, nrhs, b, n) * n;
                assertSmall(residual(n, n, nrhs, spd, lda, b, n, b0, n), 1e-13 * n * scale, "posv ‖AX−B‖");
                for (int j = 0; j < n; j++) {               // the factor: UᵀU or L·Lᵀ equals A
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int p = 0; p <= Math.min(i, j); p++) {
                            s += uplo == Triangle.UPPER ? a[p + i * lda] * a[p + j * lda] : a[i + p * lda] * a[j + p * lda];
                        }
                        assertEquals(spd[i + j * lda], s, 1e-13 * n * normMax(n, n, spd, lda), "Cholesky factor");
                    }
                }
            }
        }
    }

    @Test
    void posvReportsTheOrderOfTheFailingMinor() {
        for (Triangle uplo : Triangle.values()) {
            double[] a = {1, 0, 0, 0, -1, 0, 0, 0, 1};
            assertEquals(2, backend.posv(uplo, 3, 1, a, 3, new double[]{1, 1, 1}, 3), "indefinite, " + uplo);
            double[] semi = {4, 2, 2, 1};
            assertEquals(2, backend.posv(uplo, 2, 1, semi, 2, new double[2], 2), "semidefinite, " + uplo);
        }
    }

    @Test
    void syevGivesAscendingEigenvaluesAndOrthonormalEigenvectors() {
        Random r = new Random(53);
        for (Triangle uplo : Triangle.values()) {
            for (int n : new int[]{1, 2, 6, 40}) {
                int lda = n + 2;
                double[] sym = symmetric(r, n, lda);
                double[] a = sym.clone();
                fillOtherTriangle(uplo, n, a, lda, Double.NaN);
                double[] w = new double[n + 1];
                assertEquals(0, backend.syev(true, uplo, n, a, lda, w));
                double norm = normMax(n, n, sym, lda) * n;
                for (int i = 1; i < n; i++) {
                    assertTrue(w[i - 1] <= w[i], "ascending: " + Arrays.toString(w));
                }
                for (int j = 0; j < n; j++) {               // A v_j = w_j v_j
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int p = 0; p < n; p++) {
                            s += sym[i + p * lda] * a[p + j * lda];
                        }
                        assertEquals(w[j] * a[i + j * lda], s, 1e-13 * n * norm, "A·V = V·diag(w), n=" + n);
                    }
                }
                assertOrthonormalColumns(n, n, a, lda, 1e-13 * n, "syev VᵀV = I");
                double[] values = new double[n];
                double[] a2 = sym.clone();
                fillOtherTriangle(uplo, n, a2, lda, Double.NaN);
                assertEquals(0, backend.syev(false, uplo, n, a2, lda, values));
                for (int i = 0; i < n; i++) {
                    assertEquals(w[i], values[i], 1e-13 * n * norm, "eigenvalues without vectors");
                }
            }
        }
        double[] known = {2, 1, 1, 2};
        double[] w = new double[2];
        backend.syev(true, Triangle.UPPER, 2, known, 2, w);
        assertClose(new double[]{1, 3}, w, 1e-14, "eigenvalues of [[2,1],[1,2]]");
    }

    @Test
    void gesvdReconstructsTallWideAndSquareMatrices() {
        Random r = new Random(54);
        int[][] shapes = {{8, 5}, {5, 8}, {1, 1}, {6, 6}, {1, 4}, {4, 1}, {30, 17}, {17, 30}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int p = Math.min(m, n);
            int lda = m + 1;
            int ldu = m + 2;
            int ldvt = p + 1;
            double[] a0 = random(r, lda * n);
            double[] a = a0.clone();
            double[] s = new double[p];
            double[] u = new double[ldu * p];
            double[] vt = new double[ldvt * n];
            assertEquals(0, backend.gesvd(m, n, a, lda, s, u, ldu, vt, ldvt));
            String what = "gesvd " + m + "×" + n;
            for (int i = 0; i < p; i++) {
                assertTrue(s[i] >= 0 && (i == 0 || s[i - 1] >= s[i]), what + " descending: " + Arrays.toString(s));
            }
            double tol = 1e-13 * Math.max(m, n) * normMax(m, n, a0, lda) * Math.max(m, n);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    double x = 0;
                    for (int q = 0; q < p; q++) {
                        x += u[i + q * ldu] * s[q] * vt[q + j * ldvt];
                    }
                    assertEquals(a0[i + j * lda], x, tol, what + " U·diag(s)·Vᵀ = A");
                }
            }
            assertOrthonormalColumns(m, p, u, ldu, 1e-13 * m, what + " UᵀU = I");
            double[] v = new double[n * p];                 // V = (Vᵀ)ᵀ, n×p
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < p; q++) {
                    v[j + q * n] = vt[q + j * ldvt];
                }
            }
            assertOrthonormalColumns(n, p, v, n, 1e-13 * n, what + " VᵀV = I");
        }
        double[] known = {3, 0, 0, 0, -4, 0};              // 3×2: diag(3, -4)
        double[] s = new double[2];
        backend.gesvd(3, 2, known, 3, s, new double[6], 3, new double[4], 2);
        assertClose(new double[]{4, 3}, s, 1e-14, "singular values of diag(3, -4)");
    }

    @Test
    void geqrfAndOrgqrUseLapacksHouseholderRepresentation() {
        Random r = new Random(55);
        int[][] shapes = {{9, 6}, {6, 6}, {5, 8}, {1, 1}, {12, 3}, {3, 1}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int p = Math.min(m, n);
            int lda = m + 1;
            double[] a0 = random(r, lda * n);
            double[] a = a0.clone();
            double[] tau = new double[p];
            assertEquals(0, backend.geqrf(m, n, a, lda, tau));
            String what = "geqrf/orgqr " + m + "×" + n;
            double[] q = Arrays.copyOf(a, lda * p);         // first p columns hold the reflectors
            assertEquals(0, backend.orgqr(m, p, p, q, lda, tau));
            assertOrthonormalColumns(m, p, q, lda, 1e-13 * m, what + " QᵀQ = I");
            double tol = 1e-13 * m * normMax(m, n, a0, lda) * m;
            for (int j = 0; j < n; j++) {                   // Q·R = A, R = upper triangle (p×n)
                for (int i = 0; i < m; i++) {
                    double x = 0;
                    for (int t = 0; t <= Math.min(j, p - 1); t++) {
                        x += q[i + t * lda] * a[t + j * lda];
                    }
                    assertEquals(a0[i + j * lda], x, tol, what + " Q·R = A");
                }
            }
            for (int k = 0; k <= p; k++) {                  // orgqr equals the product of the reflectors
                double[] qk = Arrays.copyOf(a, lda * p);
                assertEquals(0, backend.orgqr(m, p, k, qk, lda, tau));
                double[] want = reflectorProduct(m, p, k, a, lda, tau);
                for (int j = 0; j < p; j++) {
                    for (int i = 0; i < m; i++) {
                        assertEquals(want[i + j * m], qk[i + j * lda], 1e-13 * m, what + " orgqr k=" + k);
                    }
                }
            }
        }
    }

    /** {@code H(0)⋯H(k-1)·I(:, 0:n)} with {@code H(i) = I − tau_i·v_i·v_iᵀ}, {@code v_i(i) = 1}. */
    private static double[] reflectorProduct(int m, int n, int k, double[] a, int lda, double[] tau) {
        double[] q = new double[m * n];
        for (int j = 0; j < n; j++) {
            q[j + j * m] = 1;
        }
        for (int i = k - 1; i >= 0; i--) {
            for (int j = 0; j < n; j++) {
                double w = q[i + j * m];
                for (int t = i + 1; t < m; t++) {
                    w += a[t + i * lda] * q[t + j * m];
                }
                w *= tau[i];
                q[i + j * m] -= w;
                for (int t = i + 1; t < m; t++) {
                    q[t + j * m] -= w * a[t + i * lda];
                }
            }
        }
        return q;
    }

    @Test
    void gelsdSolvesOverdeterminedProblemsInTheLeastSquaresSense() {
        Random r = new Random(56);
        for (int[] sh : new int[][]{{10, 4}, {5, 5}, {3, 1}}) {
            int m = sh[0];
            int n = sh[1];
            int nrhs = 2;
            int lda = m + 1;
            int ldb = m + 1;
            double[] a = random(r, lda * n);
            double[] b = random(r, ldb * nrhs);
            double[] ata = new double[n * n];
            double[] atb = new double[n * nrhs];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ata[i + j * n] = dotColumns(m, a, i * lda, a, j * lda);
                }
                for (int j = 0; j < nrhs; j++) {
                    atb[i + j * n] = dotColumns(m, a, i * lda, b, j * ldb);
                }
            }
            double[] want = solve(n, nrhs, ata, atb);
            assertEquals(0, backend.gelsd(m, n, nrhs, a.clone(), lda, b, ldb));
            for (int j = 0; j < nrhs; j++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i + j * n], b[i + j * ldb], 1e-10 * (1 + Math.abs(want[i + j * n])),
                            "gelsd " + m + "×" + n + " vs normal equations");
                }
            }
        }
    }

    @Test
    void gelsdGivesTheMinimumNormSolutionOfUnderdeterminedProblems() {
        Random r = new Random(57);
        int m = 4;
        int n = 9;
        int nrhs = 2;
        double[] a = random(r, m * n);
        double[] b = new double[n * nrhs];                  // ldb = n ≥ max(m, n)
        double[] rhs = random(r, m * nrhs);
        for (int j = 0; j < nrhs; j++) {
            System.arraycopy(rhs, j * m, b, j * n, m);
        }
        double[] aat = new double[m * m];                   // x = Aᵀ (A·Aᵀ)⁻¹ b
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i + p * m] * a[j + p * m];
                }
                aat[i + j * m] = s;
            }
        }
        double[] y = solve(m, nrhs, aat, rhs);
        assertEquals(0, backend.gelsd(m, n, nrhs, a.clone(), m, b, n));
        for (int j = 0; j < nrhs; j++) {
            for (int i = 0; i < n; i++) {
                double want = 0;
                for (int p = 0; p < m; p++) {
                    want += a[p + i * m] * y[p + j * m];
                }
                assertEquals(want, b[i + j * n], 1e-10 * (1 + Math.abs(want)), "gelsd minimum-norm solution");
            }
        }
    }

    @Test
    void gelsdHandlesRankDeficientAndEmptyProblems() {
        Random r = new Random(58);
        int m = 8;
        int n = 6;
        int rank = 3;
        // A = X·Yᵀ with small-integer X, Y is stored exactly and has rank exactly 3. Its computed
        // spurious singular values are rounding noise of about 0.3–0.5·ε·s_max (both reference
        // backends, this seed), below the documented cut-off ε·s_max: an implementation that keeps
        // them (cut-off 0) returns a solution with a huge null-space component and fails here.
        double[] x = smallIntegers(r, m * rank);
        double[] yv = smallIntegers(r, n * rank);
        double[] a = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int p = 0; p < rank; p++) {
                    s += x[i + p * m] * yv[j + p * n];
                }
                a[i + j * m] = s;
            }
        }
        double[] b = random(r, m);
        // A⁺ = Y (YᵀY)⁻¹ (XᵀX)⁻¹ Xᵀ for full-column-rank X and Y
        double[] xtx = new double[rank * rank];
        double[] yty = new double[rank * rank];
        double[] xtb = new double[rank];
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < rank; j++) {
                xtx[i + j * rank] = dotColumns(m, x, i * m, x, j * m);
                yty[i + j * rank] = dotColumns(n, yv, i * n, yv, j * n);
            }
            xtb[i] = dotColumns(m, x, i * m, b, 0);
        }
        double[] z = solve(rank, 1, yty, solve(rank, 1, xtx, xtb));
        double[] out = b.clone();                           // ldb = m ≥ n
        assertEquals(0, backend.gelsd(m, n, 1, a.clone(), m, out, m));
        for (int i = 0; i < n; i++) {
            double want = 0;
            for (int p = 0; p < rank; p++) {
                want += yv[i + p * n] * z[p];
            }
            assertEquals(want, out[i], 1e-9 * (1 + Math.abs(want)), "rank-deficient gelsd = A⁺b");
        }

        double[] zeros = {5, 5, 5};
        assertEquals(0, backend.gelsd(2, 3, 1, new double[6], 2, zeros, 3));
        assertClose(new double[]{0, 0, 0}, zeros, 0, "gelsd with A = 0");
        double[] empty = {7, 7};
        assertEquals(0, backend.gelsd(0, 2, 1, new double[0], 1, empty, 2));
        assertClose(new double[]{0, 0}, empty, 0, "gelsd with m = 0");
    }

    @Test
    void emptyLapackCallsAreNoOps() {
        assertEquals(0, backend.posv(Triangle.UPPER, 0, 1, new double[0], 1, new double[0], 1));
        assertEquals(0, backend.syev(true, Triangle.LOWER, 0, new double[0], 1, new double[0]));
        assertEquals(0, backend.gesvd(0, 3, new double[0], 1, new double[0], new double[0], 1, new double[0], 1));
        assertEquals(0, backend.geqrf(3, 0, new double[0], 3, new double[0]));
        assertEquals(0, backend.orgqr(2, 0, 0, new double[0], 2, new double[0]));
    }

    // ------------------------------------------------------------------------- argument errors

    @Test
    void badArgumentsThrowIllegalArgumentExceptionNamingTheArgument() {
        double[] a = new double[20];
        expectIae("lda", () -> backend.gemm(Transpose.NO, Transpose.NO, 3, 2, 2, 1, a, 0, 2, a, 0, 2, 0, a, 0, 3));
        expectIae("ldb", () -> backend.gemm(Transpose.NO, Transpose.YES, 3, 2, 2, 1, a, 0, 3, a, 0, 1, 0, a, 0, 3));
        expectIae("C", () -> backend.gemm(Transpose.NO, Transpose.NO, 3, 2, 2, 1, a, 0, 3, a, 0, 2, 0, a, 16, 3));
        expectIae("m=-1", () -> backend.gemm(Transpose.NO, Transpose.NO, -1, 2, 2, 1, a, 0, 3, a, 0, 2, 0, a, 0, 3));
        expectIae("transA", () -> backend.gemm(null, Transpose.NO, 1, 1, 1, 1, a, 0, 1, a, 0, 1, 0, a, 0, 1));
        expectIae("incx", () -> backend.dot(3, a, 0, 0, a, 0, 1));
        expectIae("incy", () -> backend.axpy(3, 1, a, 0, 1, a, 0, -1));
        expectIae("x", () -> backend.dot(11, a, 0, 2, a, 0, 1));
        expectIae("offx", () -> backend.scal(2, 1, a, -1, 1));
        expectIae("n=-2", () -> backend.nrm2(-2, a, 0, 1));
        expectIae("x", () -> backend.nrm2(1, null, 0, 1));
        expectIae("y", () -> backend.gemv(Transpose.YES, 3, 4, 1, a, 0, 3, a, 0, 1, 0, a, 18, 1));
        expectIae("lda", () -> backend.syrk(Triangle.UPPER, Transpose.YES, 2, 3, 1, a, 0, 2, 0, a, 0, 2));
        expectIae("ipiv", () -> backend.gesv(3, 1, new double[9], 3, new int[2], new double[3], 3));
        expectIae("ldb", () -> backend.posv(Triangle.LOWER, 3, 1, new double[9], 3, new double[3], 2));
        expectIae("w", () -> backend.syev(true, Triangle.UPPER, 3, new double[9], 3, new double[2]));
        expectIae("ldvt", () -> backend.gesvd(3, 2, new double[6], 3, new double[2], new double[6], 3,
                new double[4], 1));
        expectIae("tau", () -> backend.geqrf(3, 2, new double[6], 3, new double[1]));
        expectIae("k=3", () -> backend.orgqr(3, 2, 3, new double[6], 3, new double[3]));
        expectIae("n=4", () -> backend.orgqr(3, 4, 1, new double[12], 3, new double[3]));
        expectIae("ldb", () -> backend.gelsd(2, 4, 1, new double[8], 2, new double[4], 2));
    }

    private static void expectIae(String mentioned, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mentioned),
                () -> "message should mention '" + mentioned + "': " + e.getMessage());
    }

    // ------------------------------------------------------------------------- helpers

    private static int len(int off, int inc, int n) {
        return n == 0 ? off : off + (n - 1) * inc + 1;
    }

    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    private static double[] smallIntegers(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(7) - 3;
        }
        return x;
    }

    private static double[] symmetric(Random r, int n, int lda) {
        double[] a = random(r, lda * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                a[j + i * lda] = a[i + j * lda];
            }
        }
        return a;
    }

    /** {@code MᵀM + n·I}: symmetric positive definite and well conditioned. */
    private static double[] spd(Random r, int n, int lda) {
        double[] mm = random(r, n * n);
        double[] a = new double[lda * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[i + j * lda] = dotColumns(n, mm, i * n, mm, j * n) + (i == j ? n : 0);
            }
        }
        return a;
    }

    private static void fillOtherTriangle(Triangle uplo, int n, double[] a, int lda, double value) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (uplo == Triangle.UPPER ? i > j : i < j) {
                    a[i + j * lda] = value;
                }
            }
        }
    }

    private static double dotColumns(int m, double[] x, int offX, double[] y, int offY) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += x[offX + i] * y[offY + i];
        }
        return s;
    }

    private static double normMax(int m, int n, double[] a, int lda) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                max = Math.max(max, Math.abs(a[i + j * lda]));
            }
        }
        return max;
    }

    /** max |A·X − B| for an m×n A and n×nrhs X. */
    private static double residual(int m, int n, int nrhs, double[] a, int lda, double[] x, int ldx,
                                   double[] b, int ldb) {
        double max = 0;
        for (int j = 0; j < nrhs; j++) {
            for (int i = 0; i < m; i++) {
                double s = -b[i + j * ldb];
                for (int p = 0; p < n; p++) {
                    s += a[i + p * lda] * x[p + j * ldx];
                }
                max = Math.max(max, Math.abs(s));
            }
        }
        return max;
    }

    private static void swapRows(double[] a, int lda, int n, int r1, int r2) {
        for (int c = 0; c < n; c++) {
            double t = a[r1 + c * lda];
            a[r1 + c * lda] = a[r2 + c * lda];
            a[r2 + c * lda] = t;
        }
    }

    /** Naive Gaussian elimination with partial pivoting on copies; returns X (n×nrhs). */
    private static double[] solve(int n, int nrhs, double[] a0, double[] b0) {
        double[] a = a0.clone();
        double[] b = b0.clone();
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) {
                if (Math.abs(a[i + j * n]) > Math.abs(a[p + j * n])) {
                    p = i;
                }
            }
            swapRows(a, n, n, j, p);
            swapRows(b, n, nrhs, j, p);
            for (int i = j + 1; i < n; i++) {
                double l = a[i + j * n] / a[j + j * n];
                for (int c = j; c < n; c++) {
                    a[i + c * n] -= l * a[j + c * n];
                }
                for (int c = 0; c < nrhs; c++) {
                    b[i + c * n] -= l * b[j + c * n];
                }
            }
        }
        for (int c = 0; c < nrhs; c++) {
            for (int j = n - 1; j >= 0; j--) {
                double s = b[j + c * n];
                for (int t = j + 1; t < n; t++) {
                    s -= a[j + t * n] * b[t + c * n];
                }
                b[j + c * n] = s / a[j + j * n];
            }
        }
        return b;
    }

    private static void assertOrthonormalColumns(int m, int n, double[] q, int ldq, double tol, String what) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = dotColumns(m, q, i * ldq, q, j * ldq);
                assertEquals(i == j ? 1 : 0, d, tol, what + " (" + i + "," + j + ")");
            }
        }
    }

    private static void assertSmall(double value, double tol, String what) {
        assertTrue(value <= tol, () -> what + ": " + value + " > " + tol);
    }

    /** Elementwise {@code |want − got| ≤ relTol·max(1, |want|)}, NaN only where NaN is expected. */
    private static void assertClose(double[] want, double[] got, double relTol, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            boolean ok = Double.valueOf(want[i]).equals(got[i])
                    || Math.abs(want[i] - got[i]) <= relTol * Math.max(1, Math.abs(want[i]));
            if (!ok) {
                fail(what + ": element " + i + " is " + got[i] + ", expected " + want[i]
                        + "\n  got  " + Arrays.toString(got) + "\n  want " + Arrays.toString(want));
            }
        }
    }
}
