package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.Triangle;

/**
 * LU, Cholesky and Householder QR in pure Java, for {@link PureJavaBackend}: the unblocked
 * algorithms of LAPACK's {@code DGETF2}, {@code DPOTF2}, {@code DGEQR2} and {@code DORG2R}, written
 * column-oriented so that inner loops run over contiguous memory. Results use LAPACK's storage
 * (1-based pivots, reflectors below the diagonal with {@code tau}), so factors are interchangeable
 * with those of native backends. Arguments are assumed to be checked already. Stateless.
 */
final class JavaFactorizations {
    /** Smallest x with 1/x finite (LAPACK's {@code SFMIN}). */
    private static final double SFMIN = Double.MIN_NORMAL;

    private JavaFactorizations() {
    }

    /** {@code DGESV}: LU with partial pivoting, then two triangular solves if nonsingular. */
    static int gesv(int n, int nrhs, double[] a, int lda, int[] ipiv, double[] b, int ldb) {
        int info = 0;
        for (int j = 0; j < n; j++) {
            int cj = j * lda;
            int p = j;
            double max = Math.abs(a[cj + j]);
            for (int i = j + 1; i < n; i++) {
                double v = Math.abs(a[cj + i]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            ipiv[j] = p + 1;
            if (a[cj + p] != 0) {
                if (p != j) {
                    swapRows(a, lda, n, j, p);
                }
                double pivot = a[cj + j];
                if (Math.abs(pivot) >= SFMIN) {
                    double r = 1 / pivot;
                    for (int i = j + 1; i < n; i++) {
                        a[cj + i] *= r;
                    }
                } else {
                    for (int i = j + 1; i < n; i++) {
                        a[cj + i] /= pivot;
                    }
                }
            } else if (info == 0) {
                info = j + 1;
            }
            for (int c = j + 1; c < n; c++) {
                int cc = c * lda;
                double t = a[cc + j];
                if (t != 0) {
                    for (int i = j + 1; i < n; i++) {
                        a[cc + i] -= a[cj + i] * t;
                    }
                }
            }
        }
        if (info != 0) {
            return info;
        }
        for (int r = 0; r < nrhs; r++) {
            int br = r * ldb;
            for (int j = 0; j < n; j++) {
                int p = ipiv[j] - 1;
                if (p != j) {
                    double t = b[br + j];
                    b[br + j] = b[br + p];
                    b[br + p] = t;
                }
            }
            for (int j = 0; j < n; j++) {           // L y = P b, unit diagonal
                double bj = b[br + j];
                if (bj != 0) {
                    int cj = j * lda;
                    for (int i = j + 1; i < n; i++) {
                        b[br + i] -= bj * a[cj + i];
                    }
                }
            }
            for (int j = n - 1; j >= 0; j--) {      // U x = y
                int cj = j * lda;
                double bj = b[br + j] / a[cj + j];
                b[br + j] = bj;
                if (bj != 0) {
                    for (int i = 0; i < j; i++) {
                        b[br + i] -= bj * a[cj + i];
                    }
                }
            }
        }
        return 0;
    }

    private static void swapRows(double[] a, int lda, int n, int r1, int r2) {
        for (int c = 0, idx = 0; c < n; c++, idx += lda) {
            double t = a[idx + r1];
            a[idx + r1] = a[idx + r2];
            a[idx + r2] = t;
        }
    }

    /** {@code DPOSV}: Cholesky of the {@code uplo} triangle, then two triangular solves. */
    static int posv(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        boolean upper = uplo == Triangle.UPPER;
        int info = upper ? choleskyUpper(n, a, lda) : choleskyLower(n, a, lda);
        if (info != 0) {
            return info;
        }
        for (int r = 0; r < nrhs; r++) {
            int br = r * ldb;
            if (upper) {
                for (int j = 0; j < n; j++) {       // Uᵀ y = b
                    int cj = j * lda;
                    b[br + j] = (b[br + j] - JavaBlas.dot(j, a, cj, 1, b, br, 1)) / a[cj + j];
                }
                for (int j = n - 1; j >= 0; j--) {  // U x = y
                    int cj = j * lda;
                    double bj = b[br + j] / a[cj + j];
                    b[br + j] = bj;
                    for (int i = 0; i < j; i++) {
                        b[br + i] -= bj * a[cj + i];
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {       // L y = b
                    int cj = j * lda;
                    double bj = b[br + j] / a[cj + j];
                    b[br + j] = bj;
                    for (int i = j + 1; i < n; i++) {
                        b[br + i] -= bj * a[cj + i];
                    }
                }
                for (int j = n - 1; j >= 0; j--) {  // Lᵀ x = y
                    int cj = j * lda;
                    b[br + j] = (b[br + j] - JavaBlas.dot(n - j - 1, a, cj + j + 1, 1, b, br + j + 1, 1))
                            / a[cj + j];
                }
            }
        }
        return 0;
    }

    /** {@code A = UᵀU}, reading and overwriting the upper triangle; returns INFO. */
    private static int choleskyUpper(int n, double[] a, int lda) {
        for (int j = 0; j < n; j++) {
            int cj = j * lda;
            double ajj = a[cj + j] - JavaBlas.dot(j, a, cj, 1, a, cj, 1);
            if (!(ajj > 0)) {                       // also catches NaN
                a[cj + j] = ajj;
                return j + 1;
            }
            ajj = Math.sqrt(ajj);
            a[cj + j] = ajj;
            for (int c = j + 1; c < n; c++) {
                int cc = c * lda;
                a[cc + j] = (a[cc + j] - JavaBlas.dot(j, a, cj, 1, a, cc, 1)) / ajj;
            }
        }
        return 0;
    }

    /** {@code A = L·Lᵀ}, reading and overwriting the lower triangle (left-looking); returns INFO. */
    private static int choleskyLower(int n, double[] a, int lda) {
        for (int j = 0; j < n; j++) {
            int cj = j * lda;
            for (int p = 0; p < j; p++) {
                int cp = p * lda;
                double t = a[cp + j];
                if (t != 0) {
                    for (int i = j; i < n; i++) {
                        a[cj + i] -= a[cp + i] * t;
                    }
                }
            }
            double ajj = a[cj + j];
            if (!(ajj > 0)) {
                return j + 1;
            }
            ajj = Math.sqrt(ajj);
            a[cj + j] = ajj;
            double r = 1 / ajj;
            for (int i = j + 1; i < n; i++) {
                a[cj + i] *= r;
            }
        }
        return 0;
    }

    /**
     * {@code DGEQR2}: {@code H(j) = I − tau_j·v·vᵀ} with {@code v(j) = 1} and {@code v(j+1:m)} stored
     * below the diagonal; {@code beta = −sign(alpha)·‖(alpha, x)‖} as in {@code DLARFG}.
     */
    static int geqrf(int m, int n, double[] a, int lda, double[] tau) {
        int kmax = Math.min(m, n);
        for (int j = 0; j < kmax; j++) {
            int cj = j * lda;
            double alpha = a[cj + j];
            double xnorm = JavaBlas.nrm2(m - j - 1, a, cj + j + 1, 1);
            if (xnorm == 0) {
                tau[j] = 0;
                continue;                           // H(j) = I; nothing to apply
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double d = alpha - beta;
            if (Math.abs(d) >= SFMIN) {
                JavaBlas.scal(m - j - 1, 1 / d, a, cj + j + 1, 1);
            } else {                                // 1/d would overflow: divide instead
                for (int i = j + 1; i < m; i++) {
                    a[cj + i] /= d;
                }
            }
            a[cj + j] = beta;
            applyReflector(m, j, a, cj, tau[j], a, lda, j + 1, n);
        }
        return 0;
    }

    /**
     * Applies {@code H = I − tau·v·vᵀ} from the left to columns {@code c0..c1-1}, rows
     * {@code j..m-1} of {@code A}; {@code v(j) = 1} implicitly and {@code v(j+1:m) = v[vOff+j+1 …]}.
     */
    private static void applyReflector(int m, int j, double[] v, int vOff, double tau,
                                       double[] a, int lda, int c0, int c1) {
        if (tau == 0) {
            return;
        }
        for (int c = c0; c < c1; c++) {
            int cc = c * lda;
            double w = a[cc + j] + JavaBlas.dot(m - j - 1, v, vOff + j + 1, 1, a, cc + j + 1, 1);
            w *= tau;
            if (w != 0) {
                a[cc + j] -= w;
                for (int i = j + 1; i < m; i++) {
                    a[cc + i] -= w * v[vOff + i];
                }
            }
        }
    }

    /** {@code DORG2R}: {@code Q = H(0)·H(1)⋯H(k-1)}, first {@code n} columns, overwriting {@code A}. */
    static int orgqr(int m, int n, int k, double[] a, int lda, double[] tau) {
        for (int j = k; j < n; j++) {
            int cj = j * lda;
            java.util.Arrays.fill(a, cj, cj + m, 0.0);
            a[cj + j] = 1;
        }
        for (int i = k - 1; i >= 0; i--) {
            int ci = i * lda;
            if (i < n - 1) {
                applyReflector(m, i, a, ci, tau[i], a, lda, i + 1, n);
            }
            for (int r = i + 1; r < m; r++) {
                a[ci + r] *= -tau[i];
            }
            a[ci + i] = 1 - tau[i];
            for (int r = 0; r < i; r++) {
                a[ci + r] = 0;
            }
        }
        return 0;
    }
}
