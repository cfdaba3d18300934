package dev.fixpoint.core.spi;

import java.util.Locale;

/**
 * Argument checks shared by {@link LinearAlgebraBackend} implementations, so that every backend
 * rejects the same bad calls with the same {@link IllegalArgumentException} messages, and native
 * backends never pass an index outside an array to native code.
 *
 * <p>Every method takes the routine name (e.g. {@code "gemm"}) and the argument name as the
 * Fortran interface spells it (e.g. {@code "A"}, {@code "x"}); messages name the argument and its
 * value, e.g. {@code "gemm: lda=2 must be ≥ max(1, rows of A = 3)"}. Nothing is modified.
 * Stateless; all methods are thread-safe.
 */
public final class BlasArguments {
    private BlasArguments() {
    }

    /**
     * Checks a dimension ({@code m}, {@code n}, {@code k}, {@code nrhs}).
     *
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static void checkDimension(String routine, String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(routine + ": " + name + "=" + value + " must be ≥ 0");
        }
    }

    /**
     * Checks that a flag argument ({@link Transpose}, {@link Triangle}) is not null.
     *
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static void checkNotNull(String routine, String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(routine + ": " + name + " must not be null");
        }
    }

    /**
     * Checks a strided vector of {@code n} elements {@code x[off + i·inc]}, {@code i < n}.
     *
     * @param routine routine name for the message
     * @param name    vector name, e.g. {@code "x"}; the offset and increment are called
     *                {@code off<name>} and {@code inc<name>} in messages
     * @param x       the array (must not be null, even when {@code n == 0})
     * @param off     offset of the first element, {@code ≥ 0}
     * @param inc     increment, {@code > 0}
     * @param n       number of elements, {@code ≥ 0}
     * @throws IllegalArgumentException if any of these does not hold or the array is too short
     */
    public static void checkVector(String routine, String name, double[] x, int off, int inc, int n) {
        if (x == null) {
            throw new IllegalArgumentException(routine + ": array " + name + " must not be null");
        }
        checkDimension(routine, "n", n);
        if (inc <= 0) {
            throw new IllegalArgumentException(routine + ": inc" + name + "=" + inc + " must be > 0");
        }
        if (off < 0) {
            throw new IllegalArgumentException(routine + ": off" + name + "=" + off + " must be ≥ 0");
        }
        if (n > 0) {
            long needed = off + (long) (n - 1) * inc + 1;
            if (needed > x.length) {
                throw new IllegalArgumentException(routine + ": array " + name + " (length " + x.length
                        + ") is too short for n=" + n + " elements at off" + name + "=" + off + " with inc"
                        + name + "=" + inc + ": needs length ≥ " + needed);
            }
        }
    }

    /**
     * Checks a column-major {@code rows×cols} matrix stored from {@code a[off]} with leading
     * dimension {@code ld}. The leading dimension is called {@code ld<name in lower case>} in
     * messages ({@code lda}, {@code ldb}, {@code ldvt}, …).
     *
     * @param a    the array (must not be null, even for an empty matrix)
     * @param off  offset of element (0,0), {@code ≥ 0}
     * @param ld   leading dimension, {@code ≥ max(1, rows)}
     * @param rows number of rows as stored, {@code ≥ 0}
     * @param cols number of columns as stored, {@code ≥ 0}
     * @throws IllegalArgumentException if any of these does not hold or the array is too short
     */
    public static void checkMatrix(String routine, String name, double[] a, int off, int ld, int rows, int cols) {
        String ldName = "ld" + name.toLowerCase(Locale.ROOT);
        if (a == null) {
            throw new IllegalArgumentException(routine + ": array " + name + " must not be null");
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(routine + ": " + name + " would be " + rows + "×" + cols
                    + "; dimensions must be ≥ 0");
        }
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException(routine + ": " + ldName + "=" + ld + " must be ≥ max(1, rows of "
                    + name + " = " + rows + ")");
        }
        if (off < 0) {
            throw new IllegalArgumentException(routine + ": offset of " + name + " = " + off + " must be ≥ 0");
        }
        if (rows > 0 && cols > 0) {
            long needed = off + (long) (cols - 1) * ld + rows;
            if (needed > a.length) {
                throw new IllegalArgumentException(routine + ": array " + name + " (length " + a.length
                        + ") is too short for a " + rows + "×" + cols + " matrix at offset " + off + " with "
                        + ldName + "=" + ld + ": needs length ≥ " + needed);
            }
        }
    }

    /**
     * Checks an unstrided output or workspace array such as {@code w}, {@code s} or {@code tau}.
     *
     * @throws IllegalArgumentException if {@code x} is null or shorter than {@code minLength}
     */
    public static void checkLength(String routine, String name, double[] x, int minLength) {
        if (x == null) {
            throw new IllegalArgumentException(routine + ": array " + name + " must not be null");
        }
        checkLength(routine, name, x.length, minLength);
    }

    /**
     * Checks an integer array such as {@code ipiv}.
     *
     * @throws IllegalArgumentException if {@code x} is null or shorter than {@code minLength}
     */
    public static void checkLength(String routine, String name, int[] x, int minLength) {
        if (x == null) {
            throw new IllegalArgumentException(routine + ": array " + name + " must not be null");
        }
        checkLength(routine, name, x.length, minLength);
    }

    private static void checkLength(String routine, String name, int length, int minLength) {
        if (length < minLength) {
            throw new IllegalArgumentException(routine + ": array " + name + " has length " + length
                    + ", needs ≥ " + minLength);
        }
    }

    /**
     * Checks a leading dimension against a required minimum that is not simply the row count
     * (e.g. {@code gelsd}'s {@code ldb ≥ max(1, m, n)}).
     *
     * @param what describes the minimum, e.g. {@code "max(1, m, n)"}
     * @throws IllegalArgumentException if {@code ld < min}
     */
    public static void checkLeadingDimension(String routine, String name, int ld, int min, String what) {
        if (ld < min) {
            throw new IllegalArgumentException(routine + ": " + name + "=" + ld + " must be ≥ " + what
                    + " = " + min);
        }
    }

    // ------------------------------------------------------------ whole-routine checks

    /** Checks the arguments of {@link LinearAlgebraBackend#dot} / {@code axpy} (two vectors of n). */
    public static void checkTwoVectors(String routine, int n, double[] x, int offX, int incX,
                                       double[] y, int offY, int incY) {
        checkDimension(routine, "n", n);
        checkVector(routine, "x", x, offX, incX, n);
        checkVector(routine, "y", y, offY, incY, n);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#gemv}. */
    public static void checkGemv(Transpose trans, int m, int n, double[] a, int offA, int lda,
                                 double[] x, int offX, int incX, double[] y, int offY, int incY) {
        checkNotNull("gemv", "trans", trans);
        checkDimension("gemv", "m", m);
        checkDimension("gemv", "n", n);
        checkMatrix("gemv", "A", a, offA, lda, m, n);
        boolean t = trans.isTransposed();
        checkVector("gemv", "x", x, offX, incX, t ? m : n);
        checkVector("gemv", "y", y, offY, incY, t ? n : m);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#gemm}. */
    public static void checkGemm(Transpose transA, Transpose transB, int m, int n, int k,
                                 double[] a, int offA, int lda, double[] b, int offB, int ldb,
                                 double[] c, int offC, int ldc) {
        checkNotNull("gemm", "transA", transA);
        checkNotNull("gemm", "transB", transB);
        checkDimension("gemm", "m", m);
        checkDimension("gemm", "n", n);
        checkDimension("gemm", "k", k);
        if (transA.isTransposed()) {
            checkMatrix("gemm", "A", a, offA, lda, k, m);
        } else {
            checkMatrix("gemm", "A", a, offA, lda, m, k);
        }
        if (transB.isTransposed()) {
            checkMatrix("gemm", "B", b, offB, ldb, n, k);
        } else {
            checkMatrix("gemm", "B", b, offB, ldb, k, n);
        }
        checkMatrix("gemm", "C", c, offC, ldc, m, n);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#syrk}. */
    public static void checkSyrk(Triangle uplo, Transpose trans, int n, int k, double[] a, int offA, int lda,
                                 double[] c, int offC, int ldc) {
        checkNotNull("syrk", "uplo", uplo);
        checkNotNull("syrk", "trans", trans);
        checkDimension("syrk", "n", n);
        checkDimension("syrk", "k", k);
        if (trans.isTransposed()) {
            checkMatrix("syrk", "A", a, offA, lda, k, n);
        } else {
            checkMatrix("syrk", "A", a, offA, lda, n, k);
        }
        checkMatrix("syrk", "C", c, offC, ldc, n, n);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#gesv}. */
    public static void checkGesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        checkDimension("gesv", "n", n);
        checkDimension("gesv", "nrhs", nrhs);
        checkMatrix("gesv", "A", a, 0, lda, n, n);
        checkLength("gesv", "ipiv", ipiv, n);
        checkMatrix("gesv", "B", b, 0, ldb, n, nrhs);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#posv}. */
    public static void checkPosv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        checkNotNull("posv", "uplo", uplo);
        checkDimension("posv", "n", n);
        checkDimension("posv", "nrhs", nrhs);
        checkMatrix("posv", "A", a, 0, lda, n, n);
        checkMatrix("posv", "B", b, 0, ldb, n, nrhs);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#syev}. */
    public static void checkSyev(Triangle uplo, int n, double[] a, int lda, double[] w) {
        checkNotNull("syev", "uplo", uplo);
        checkDimension("syev", "n", n);
        checkMatrix("syev", "A", a, 0, lda, n, n);
        checkLength("syev", "w", w, n);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#gesvd}. */
    public static void checkGesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu,
                                  double[] vt, int ldvt) {
        checkDimension("gesvd", "m", m);
        checkDimension("gesvd", "n", n);
        int p = Math.min(m, n);
        checkMatrix("gesvd", "A", a, 0, lda, m, n);
        checkLength("gesvd", "s", s, p);
        checkMatrix("gesvd", "U", u, 0, ldu, m, p);
        checkMatrix("gesvd", "VT", vt, 0, ldvt, p, n);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#geqrf}. */
    public static void checkGeqrf(int m, int n, double[] a, int lda, double[] tau) {
        checkDimension("geqrf", "m", m);
        checkDimension("geqrf", "n", n);
        checkMatrix("geqrf", "A", a, 0, lda, m, n);
        checkLength("geqrf", "tau", tau, Math.min(m, n));
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#orgqr} ({@code m ≥ n ≥ k ≥ 0}). */
    public static void checkOrgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        checkDimension("orgqr", "m", m);
        checkDimension("orgqr", "n", n);
        checkDimension("orgqr", "k", k);
        if (n > m) {
            throw new IllegalArgumentException("orgqr: n=" + n + " must be ≤ m=" + m);
        }
        if (k > n) {
            throw new IllegalArgumentException("orgqr: k=" + k + " must be ≤ n=" + n);
        }
        checkMatrix("orgqr", "A", a, 0, lda, m, n);
        checkLength("orgqr", "tau", tau, k);
    }

    /** Checks the arguments of {@link LinearAlgebraBackend#gelsd} ({@code ldb ≥ max(1, m, n)}). */
    public static void checkGelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        checkDimension("gelsd", "m", m);
        checkDimension("gelsd", "n", n);
        checkDimension("gelsd", "nrhs", nrhs);
        checkMatrix("gelsd", "A", a, 0, lda, m, n);
        checkLeadingDimension("gelsd", "ldb", ldb, Math.max(1, Math.max(m, n)), "max(1, m, n)");
        checkMatrix("gelsd", "B", b, 0, ldb, Math.max(m, n), nrhs);
    }
}
