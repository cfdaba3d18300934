package dev.fixpoint.core.spi;

/**
 * Dense linear algebra in double precision: BLAS levels 1–3 and the LAPACK routines fixpoint needs.
 *
 * <p><b>Conventions.</b> Every routine follows the Fortran reference interface it is named after:
 * matrices are <em>column-major</em>; a matrix argument is an array, an offset of its (0,0) element
 * and a leading dimension ({@code lda ≥ max(1, rows)}); vectors are an array, an offset and a
 * positive increment. Row-major callers (such as {@link dev.fixpoint.core.Tensor}) map onto this by
 * swapping operands and transposition flags, never by copying. Arguments named {@code y}, {@code c}
 * and the LAPACK {@code a}/{@code b} arrays are <em>modified</em>; everything else is read only.
 *
 * <p>LAPACK routines return the LAPACK {@code INFO} code: 0 for success, {@code > 0} for a
 * numerical failure (singular pivot, not positive definite, no convergence). Argument errors throw
 * {@link IllegalArgumentException} instead of returning {@code INFO < 0}. Workspace is allocated
 * by the implementation.
 *
 * <p>Implementations must be thread-safe. Every implementation passes the published contract test
 * {@code dev.fixpoint.core.spi.LinearAlgebraBackendContract} (fixpoint-core test-jar).
 */
public interface LinearAlgebraBackend {

    /** @return the provider name this backend was created by, e.g. {@code "openblas"} */
    String name();

    // ---------------------------------------------------------------- BLAS level 1

    /** @return {@code Σ x[offX + i·incX] · y[offY + i·incY]} over {@code i < n}. */
    double dot(int n, double[] x, int offX, int incX, double[] y, int offY, int incY);

    /** {@code y ← alpha·x + y}; modifies {@code y}. */
    void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY);

    /** {@code x ← alpha·x}; modifies {@code x}. */
    void scal(int n, double alpha, double[] x, int offX, int incX);

    /** @return the Euclidean norm of the {@code n} strided elements of {@code x}, without overflow. */
    double nrm2(int n, double[] x, int offX, int incX);

    // ---------------------------------------------------------------- BLAS level 2

    /**
     * {@code y ← alpha·op(A)·x + beta·y} with {@code A} an {@code m×n} column-major matrix;
     * {@code x} has {@code n} elements ({@code m} if transposed) and {@code y} the other count.
     * Modifies {@code y}. When {@code beta == 0}, {@code y} is not read (NaN in it is ignored).
     */
    void gemv(Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda,
              double[] x, int offX, int incX, double beta, double[] y, int offY, int incY);

    // ---------------------------------------------------------------- BLAS level 3

    /**
     * {@code C ← alpha·op(A)·op(B) + beta·C}, {@code C} is {@code m×n}, {@code op(A)} is
     * {@code m×k}, {@code op(B)} is {@code k×n}; all column-major. Modifies {@code C}. When
     * {@code beta == 0}, {@code C} is not read.
     */
    void gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
              double[] a, int offA, int lda, double[] b, int offB, int ldb,
              double beta, double[] c, int offC, int ldc);

    /**
     * Symmetric rank-k update {@code C ← alpha·A·Aᵀ + beta·C} ({@code trans == NO}, {@code A} is
     * {@code n×k}) or {@code C ← alpha·Aᵀ·A + beta·C} ({@code trans == YES}, {@code A} is
     * {@code k×n}). Only the {@code uplo} triangle of the {@code n×n} matrix {@code C} is read and
     * written; the other triangle is left untouched.
     */
    void syrk(Triangle uplo, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
              double beta, double[] c, int offC, int ldc);

    // ---------------------------------------------------------------- LAPACK

    /**
     * Solves {@code A·X = B} by LU with partial pivoting ({@code DGESV}). {@code A} ({@code n×n}) is
     * overwritten by its LU factors, {@code ipiv} (length ≥ n) by the 1-based pivots, {@code B}
     * ({@code n×nrhs}) by the solution.
     *
     * @return INFO; {@code i > 0} means {@code U(i,i)} is exactly zero (singular)
     */
    int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb);

    /**
     * Solves {@code A·X = B} for symmetric positive definite {@code A} by Cholesky ({@code DPOSV}),
     * reading the {@code uplo} triangle of {@code A}. {@code A} is overwritten by the factor,
     * {@code B} by the solution.
     *
     * @return INFO; {@code i > 0} means the leading minor of order {@code i} is not positive definite
     */
    int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb);

    /**
     * Eigendecomposition of a symmetric {@code n×n} matrix ({@code DSYEV}), reading the {@code uplo}
     * triangle. {@code w} (length ≥ n) receives the eigenvalues in ascending order; if
     * {@code computeVectors}, the columns of {@code A} are overwritten by orthonormal eigenvectors,
     * otherwise {@code A} is destroyed.
     *
     * @return INFO; {@code > 0} means the algorithm failed to converge
     */
    int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w);

    /**
     * Thin singular value decomposition {@code A = U·diag(s)·Vᵀ} of an {@code m×n} matrix
     * ({@code DGESVD} with {@code JOBU = JOBVT = 'S'}). With {@code p = min(m, n)}: {@code s}
     * (length ≥ p) receives the singular values in descending order, {@code u} the {@code m×p}
     * left vectors, {@code vt} the {@code p×n} right vectors (transposed). {@code A} is destroyed.
     *
     * @return INFO; {@code > 0} means the QR iteration did not converge
     */
    int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt);

    /**
     * Householder QR factorisation of an {@code m×n} matrix ({@code DGEQRF}): on return the upper
     * triangle of {@code A} holds {@code R} and the part below the diagonal, with {@code tau}
     * (length ≥ min(m, n)), the elementary reflectors in LAPACK's representation.
     *
     * @return INFO (always 0 for valid arguments)
     */
    int geqrf(int m, int n, double[] a, int lda, double[] tau);

    /**
     * Forms the {@code m×n} matrix {@code Q} with orthonormal columns ({@code m ≥ n ≥ k}) from the
     * first {@code k} reflectors returned by {@link #geqrf} ({@code DORGQR}); overwrites {@code A}.
     *
     * @return INFO (always 0 for valid arguments)
     */
    int orgqr(int m, int n, int k, double[] a, int lda, double[] tau);

    /**
     * Minimum-norm least-squares solution of {@code A·X ≈ B} for an {@code m×n} matrix {@code A} of
     * any shape and rank ({@code DGELSD} semantics, singular values below
     * {@code machine epsilon · s_max} treated as zero). {@code B} is {@code max(m,n)×nrhs} with
     * {@code ldb ≥ max(1, m, n)}: on entry its first {@code m} rows hold the right-hand sides, on
     * return its first {@code n} rows hold the solution. {@code A} is destroyed.
     *
     * @return INFO; {@code > 0} means the SVD did not converge
     */
    int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb);
}
