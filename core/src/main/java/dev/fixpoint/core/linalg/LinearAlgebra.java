package dev.fixpoint.core.linalg;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Triangle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Dense factorisations and solves on row-major {@link Tensor}s through a
 * {@link LinearAlgebraBackend}'s LAPACK routines. Inputs are never modified: LAPACK overwrites its
 * arguments, so each call makes one column-major working copy (the transposition happens during that
 * copy). Non-finite inputs are rejected before calling LAPACK.
 *
 * <p>Right-hand sides may be vectors ({@code [n]}) or matrices ({@code [n, k]}); results have the
 * same rank. Stateless and thread-safe.
 */
public final class LinearAlgebra {
    private final LinearAlgebraBackend backend;

    private LinearAlgebra(LinearAlgebraBackend backend) {
        this.backend = Objects.requireNonNull(backend);
    }

    /** @return operations on the process-wide backend ({@link Backends#current()}) */
    public static LinearAlgebra current() {
        return new LinearAlgebra(Backends.current());
    }

    /** @return operations on the given backend */
    public static LinearAlgebra on(LinearAlgebraBackend backend) {
        return new LinearAlgebra(backend);
    }

    /**
     * Symmetric eigendecomposition {@code A = V·diag(values)·Vᵀ}.
     *
     * @param values  eigenvalues, ascending, shape {@code [n]}
     * @param vectors orthonormal eigenvectors in the columns, shape {@code [n, n]}
     */
    public record SymmetricEigen(Tensor values, Tensor vectors) {
    }

    /**
     * Thin SVD {@code A = U·diag(s)·Vᵀ} with {@code p = min(m, n)}.
     *
     * @param u  left singular vectors, {@code [m, p]}
     * @param s  singular values, descending, {@code [p]}
     * @param vt right singular vectors transposed, {@code [p, n]}
     */
    public record Svd(Tensor u, Tensor s, Tensor vt) {
    }

    /**
     * Thin QR {@code A = Q·R} of an {@code m×n} matrix with {@code p = min(m, n)}.
     *
     * @param q orthonormal columns, {@code [m, p]}
     * @param r upper triangular (trapezoidal if {@code m < n}), {@code [p, n]}
     */
    public record Qr(Tensor q, Tensor r) {
    }

    /**
     * Solves {@code A·X = B} by LU with partial pivoting.
     *
     * @param a square {@code [n, n]}
     * @param b {@code [n]} or {@code [n, k]}
     * @return X with the shape of {@code b}
     * @throws LinearAlgebraException {@code SingularMatrix} if a pivot is exactly zero
     */
    public Tensor solve(Tensor a, Tensor b) {
        int n = square(a, "solve");
        int k = rhs(a, b, "solve", n);
        double[] acm = columnMajor(a, "solve");
        double[] bcm = columnMajor(b, "solve");
        int info = backend.gesv(n, k, acm, Math.max(1, n), new int[n], bcm, Math.max(1, n));
        if (info > 0) {
            throw new LinearAlgebraException("SingularMatrix", "solve: matrix of shape " + Arrays.toString(a.shape())
                    + " is singular (LU pivot U(" + info + "," + info + ") is zero); use lstsq for a least-squares solution");
        }
        return fromColumnMajor(bcm, n, k, b.rank());
    }

    /**
     * Solves {@code A·X = B} for symmetric positive definite {@code A} by Cholesky; reads the lower
     * triangle of {@code A}.
     *
     * @throws LinearAlgebraException {@code NotPositiveDefinite} naming the failing leading minor
     */
    public Tensor solveSpd(Tensor a, Tensor b) {
        int n = square(a, "solveSpd");
        int k = rhs(a, b, "solveSpd", n);
        double[] acm = columnMajor(a, "solveSpd");
        double[] bcm = columnMajor(b, "solveSpd");
        int info = backend.posv(Triangle.LOWER, n, k, acm, Math.max(1, n), bcm, Math.max(1, n));
        if (info > 0) {
            throw new LinearAlgebraException("NotPositiveDefinite", "solveSpd: matrix of shape "
                    + Arrays.toString(a.shape()) + " is not positive definite (leading minor of order " + info
                    + " fails); use solve for general matrices");
        }
        return fromColumnMajor(bcm, n, k, b.rank());
    }

    /** @return the eigendecomposition of a symmetric matrix (reads its lower triangle) */
    public SymmetricEigen eigh(Tensor a) {
        int n = square(a, "eigh");
        double[] acm = columnMajor(a, "eigh");
        double[] w = new double[n];
        int info = backend.syev(true, Triangle.LOWER, n, acm, Math.max(1, n), w);
        if (info > 0) {
            throw new LinearAlgebraException("NoConvergence", "eigh: " + info
                    + " off-diagonal elements did not converge for matrix of shape " + Arrays.toString(a.shape()));
        }
        return new SymmetricEigen(Tensor.wrap(w, n), fromColumnMajor(acm, n, n, 2));
    }

    /** @return the thin SVD of an {@code [m, n]} matrix */
    public Svd svd(Tensor a) {
        int[] s = matrix(a, "svd");
        int m = s[0];
        int n = s[1];
        int p = Math.min(m, n);
        double[] acm = columnMajor(a, "svd");
        double[] sv = new double[p];
        double[] u = new double[m * p];
        double[] vt = new double[p * n];
        int info = backend.gesvd(m, n, acm, Math.max(1, m), sv, u, Math.max(1, m), vt, Math.max(1, p));
        if (info > 0) {
            throw new LinearAlgebraException("NoConvergence", "svd: " + info
                    + " superdiagonals did not converge for matrix of shape " + Arrays.toString(a.shape()));
        }
        return new Svd(fromColumnMajor(u, m, p, 2), Tensor.wrap(sv, p), fromColumnMajor(vt, p, n, 2));
    }

    /** @return the thin Householder QR of an {@code [m, n]} matrix */
    public Qr qr(Tensor a) {
        int[] s = matrix(a, "qr");
        int m = s[0];
        int n = s[1];
        int p = Math.min(m, n);
        double[] acm = columnMajor(a, "qr");
        double[] tau = new double[p];
        backend.geqrf(m, n, acm, Math.max(1, m), tau);
        double[] r = new double[p * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, p - 1); i++) {
                r[j * p + i] = acm[j * m + i];
            }
        }
        double[] q = Arrays.copyOf(acm, m * p);
        backend.orgqr(m, p, p, q, Math.max(1, m), tau);
        return new Qr(fromColumnMajor(q, m, p, 2), fromColumnMajor(r, p, n, 2));
    }

    /**
     * Minimum-norm least-squares solution of {@code A·X ≈ B} for {@code A} of any shape and rank.
     *
     * @param a {@code [m, n]}
     * @param b {@code [m]} or {@code [m, k]}
     * @return X, {@code [n]} or {@code [n, k]}
     */
    public Tensor lstsq(Tensor a, Tensor b) {
        int[] s = matrix(a, "lstsq");
        int m = s[0];
        int n = s[1];
        int k = rhs(a, b, "lstsq", m);
        int ldb = Math.max(1, Math.max(m, n));
        double[] acm = columnMajor(a, "lstsq");
        double[] bcm = new double[ldb * k];
        double[] bd = b.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                bcm[j * ldb + i] = bd[b.offset() + i * k + j];
            }
        }
        checkFinite(b, "lstsq");
        int info = backend.gelsd(m, n, k, acm, Math.max(1, m), bcm, ldb);
        if (info > 0) {
            throw new LinearAlgebraException("NoConvergence", "lstsq: the SVD did not converge for matrix of shape "
                    + Arrays.toString(a.shape()));
        }
        double[] x = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i * k + j] = bcm[j * ldb + i];
            }
        }
        return b.rank() == 1 ? Tensor.wrap(x, n) : Tensor.wrap(x, n, k);
    }

    // ------------------------------------------------------------------ helpers

    private static int[] matrix(Tensor a, String op) {
        if (a.rank() != 2) {
            throw new ShapeMismatchException(op + ": expects a matrix (rank 2), got shape " + Arrays.toString(a.shape()));
        }
        return a.shape();
    }

    private static int square(Tensor a, String op) {
        int[] s = matrix(a, op);
        if (s[0] != s[1]) {
            throw new ShapeMismatchException(op + ": expects a square matrix, got shape " + Arrays.toString(s));
        }
        return s[0];
    }

    private static int rhs(Tensor a, Tensor b, String op, int rows) {
        if ((b.rank() != 1 && b.rank() != 2) || b.dim(0) != rows) {
            throw new ShapeMismatchException(op, a.shape(), b.shape(),
                    "right-hand side must be [" + rows + "] or [" + rows + ", k]");
        }
        return b.rank() == 1 ? 1 : b.dim(1);
    }

    private static void checkFinite(Tensor t, String op) {
        t.requireFinite(op + " input of shape " + Arrays.toString(t.shape()));
    }

    /** Column-major copy of a row-major vector or matrix (a vector is one column). */
    private static double[] columnMajor(Tensor t, String op) {
        checkFinite(t, op);
        if (t.rank() == 1) {
            return t.toArray();
        }
        return t.transpose().data();
    }

    /** Row-major tensor from a column-major {@code rows×cols} array (rank 1 if {@code rank == 1}). */
    private static Tensor fromColumnMajor(double[] cm, int rows, int cols, int rank) {
        if (rank == 1) {
            return Tensor.wrap(Arrays.copyOf(cm, rows), rows);
        }
        return Tensor.wrap(Arrays.copyOf(cm, rows * cols), cols, rows).transpose();
    }
}
