package dev.fixpoint.openblas;

import java.util.Objects;

/**
 * Validates BLAS/LAPACK arguments in Java before they reach native code. Native routines index raw
 * array memory, so an array that is too short would corrupt the heap instead of throwing, and an
 * illegal value would make OpenBLAS's {@code XERBLA} print to stderr. Every failure is an
 * {@link IllegalArgumentException} naming the routine, the argument and the accepted range.
 */
final class ArgumentCheck {
    private ArgumentCheck() {
    }

    /** Requires {@code value ≥ 0}. */
    static void dimension(String routine, String name, int value) {
        if (value < 0) {
            throw error(routine, name + " = " + value + " must be ≥ 0");
        }
    }

    /**
     * Requires {@code n ≥ 0}, {@code inc > 0}, {@code off ≥ 0} and that the {@code n} strided elements
     * fit in {@code x}.
     */
    static void vector(String routine, String name, double[] x, int off, int n, int inc) {
        Objects.requireNonNull(x, () -> routine + ": " + name + " is null");
        dimension(routine, "n", n);
        if (inc <= 0) {
            throw error(routine, "increment of " + name + " = " + inc + " must be positive");
        }
        if (off < 0) {
            throw error(routine, "offset of " + name + " = " + off + " must be ≥ 0");
        }
        if (n > 0) {
            long last = off + (long) (n - 1) * inc;
            if (last >= x.length) {
                throw error(routine, name + " has length " + x.length + " but " + n + " elements from offset "
                        + off + " with increment " + inc + " reach index " + last);
            }
        }
    }

    /**
     * Requires a column-major {@code rows×cols} matrix at offset {@code off} with leading dimension
     * {@code ld ≥ max(1, rows)} to fit in {@code a}.
     */
    static void matrix(String routine, String name, double[] a, int off, int rows, int cols, int ld) {
        Objects.requireNonNull(a, () -> routine + ": " + name + " is null");
        dimension(routine, "rows of " + name, rows);
        dimension(routine, "columns of " + name, cols);
        leadingDimension(routine, name, ld, rows);
        if (off < 0) {
            throw error(routine, "offset of " + name + " = " + off + " must be ≥ 0");
        }
        if (rows > 0 && cols > 0) {
            long end = off + (long) (cols - 1) * ld + rows;
            if (end > a.length) {
                throw error(routine, name + " has length " + a.length + " but a " + rows + "×" + cols
                        + " matrix with leading dimension " + ld + " from offset " + off + " needs " + end);
            }
        }
    }

    /** Requires {@code ld ≥ max(1, minimum)}. */
    static void leadingDimension(String routine, String name, int ld, int minimum) {
        int required = Math.max(1, minimum);
        if (ld < required) {
            throw error(routine, "leading dimension of " + name + " = " + ld + " must be ≥ max(1, "
                    + minimum + ") = " + required);
        }
    }

    /** Requires {@code array.length ≥ n}. */
    static void length(String routine, String name, double[] array, int n) {
        Objects.requireNonNull(array, () -> routine + ": " + name + " is null");
        if (array.length < n) {
            throw error(routine, name + " has length " + array.length + " but needs at least " + n);
        }
    }

    /** Requires {@code array.length ≥ n}. */
    static void length(String routine, String name, int[] array, int n) {
        Objects.requireNonNull(array, () -> routine + ": " + name + " is null");
        if (array.length < n) {
            throw error(routine, name + " has length " + array.length + " but needs at least " + n);
        }
    }

    /** Requires {@code condition}, else throws with {@code message}. */
    static void require(String routine, boolean condition, String message) {
        if (!condition) {
            throw error(routine, message);
        }
    }

    /** Requires a non-null enum-valued option. */
    static <T> T option(String routine, String name, T value) {
        if (value == null) {
            throw error(routine, name + " is null");
        }
        return value;
    }

    /**
     * Maps a LAPACK {@code INFO} to the SPI's convention: returned if {@code ≥ 0}, thrown as an
     * {@link IllegalArgumentException} if negative (argument {@code -info} was illegal).
     */
    static int info(String routine, int info) {
        if (info < 0) {
            throw error(routine, "argument " + (-info) + " had an illegal value (INFO = " + info + ")");
        }
        return info;
    }

    static IllegalArgumentException error(String routine, String message) {
        return new IllegalArgumentException(routine + ": " + message);
    }
}
