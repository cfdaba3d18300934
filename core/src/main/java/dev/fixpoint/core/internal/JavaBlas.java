package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.Transpose;
import dev.fixpoint.core.spi.Triangle;

/**
 * BLAS levels 1 and 2 and {@code syrk} as plain loops over primitive arrays, for
 * {@link PureJavaBackend}. Column-major, Fortran conventions; arguments are assumed to be checked
 * already (by {@link dev.fixpoint.core.spi.BlasArguments}). Quick returns follow the reference BLAS.
 * Stateless.
 */
final class JavaBlas {
    /** Below this sum of squares, squares of small elements may have underflowed. */
    private static final double SUMSQ_LOW = 0x1p-900;

    private JavaBlas() {
    }

    static double dot(int n, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        double s0 = 0;
        if (incX == 1 && incY == 1) {
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += x[offX + i] * y[offY + i];
                s1 += x[offX + i + 1] * y[offY + i + 1];
                s2 += x[offX + i + 2] * y[offY + i + 2];
                s3 += x[offX + i + 3] * y[offY + i + 3];
            }
            for (; i < n; i++) {
                s0 += x[offX + i] * y[offY + i];
            }
            return (s0 + s1) + (s2 + s3);
        }
        for (int i = 0, ix = offX, iy = offY; i < n; i++, ix += incX, iy += incY) {
            s0 += x[ix] * y[iy];
        }
        return s0;
    }

    static void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        if (alpha == 0) {
            return;
        }
        if (incX == 1 && incY == 1) {
            for (int i = 0; i < n; i++) {
                y[offY + i] += alpha * x[offX + i];
            }
            return;
        }
        for (int i = 0, ix = offX, iy = offY; i < n; i++, ix += incX, iy += incY) {
            y[iy] += alpha * x[ix];
        }
    }

    static void scal(int n, double alpha, double[] x, int offX, int incX) {
        for (int i = 0, ix = offX; i < n; i++, ix += incX) {
            x[ix] *= alpha;
        }
    }

    /**
     * Euclidean norm: a plain sum of squares when it is safely inside the floating-point range,
     * else the scaled one-pass algorithm of the reference {@code DNRM2} (no overflow/underflow).
     */
    static double nrm2(int n, double[] x, int offX, int incX) {
        if (n == 0) {
            return 0;
        }
        double sumsq = 0;
        for (int i = 0, ix = offX; i < n; i++, ix += incX) {
            sumsq += x[ix] * x[ix];
        }
        if (sumsq > SUMSQ_LOW && sumsq < Double.POSITIVE_INFINITY) {
            return Math.sqrt(sumsq);
        }
        double scale = 0;
        double ssq = 1;
        for (int i = 0, ix = offX; i < n; i++, ix += incX) {
            double v = x[ix];
            if (v != 0) {
                double absxi = Math.abs(v);
                if (scale < absxi) {
                    double r = scale / absxi;
                    ssq = 1 + ssq * r * r;
                    scale = absxi;
                } else {
                    double r = absxi / scale;
                    ssq += r * r;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    static void gemv(Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda,
                     double[] x, int offX, int incX, double beta, double[] y, int offY, int incY) {
        boolean t = trans.isTransposed();
        int leny = t ? n : m;
        if (leny == 0 || (alpha == 0 && beta == 1)) {
            return;
        }
        scaleVector(leny, beta, y, offY, incY);
        if (alpha == 0 || m == 0 || n == 0) { // an empty inner dimension contributes nothing
            return;
        }
        if (!t) {
            for (int j = 0, jx = offX; j < n; j++, jx += incX) {
                double temp = alpha * x[jx];
                if (temp != 0) {
                    axpy(m, temp, a, offA + j * lda, 1, y, offY, incY);
                }
            }
        } else {
            for (int j = 0, jy = offY; j < n; j++, jy += incY) {
                y[jy] += alpha * dot(m, a, offA + j * lda, 1, x, offX, incX);
            }
        }
    }

    /** {@code y ← beta·y}; with {@code beta == 0} the old values are not read. */
    private static void scaleVector(int n, double beta, double[] y, int offY, int incY) {
        if (beta == 1) {
            return;
        }
        for (int i = 0, iy = offY; i < n; i++, iy += incY) {
            y[iy] = beta == 0 ? 0 : beta * y[iy];
        }
    }

    /** Column-oriented symmetric rank-k update of one triangle (reference {@code DSYRK} loop order). */
    static void syrk(Triangle uplo, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
                     double beta, double[] c, int offC, int ldc) {
        if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        boolean upper = uplo == Triangle.UPPER;
        for (int j = 0; j < n; j++) {
            int lo = upper ? 0 : j;
            int hi = upper ? j + 1 : n;
            int cj = offC + j * ldc;
            if (beta != 1) {
                for (int i = lo; i < hi; i++) {
                    c[cj + i] = beta == 0 ? 0 : beta * c[cj + i];
                }
            }
            if (alpha == 0) {
                continue;
            }
            if (!trans.isTransposed()) {
                // C(:,j) += alpha · A(:,p) · A(j,p), A is n×k
                for (int p = 0; p < k; p++) {
                    double temp = alpha * a[offA + j + p * lda];
                    if (temp != 0) {
                        int ap = offA + p * lda;
                        for (int i = lo; i < hi; i++) {
                            c[cj + i] += temp * a[ap + i];
                        }
                    }
                }
            } else {
                // C(i,j) += alpha · A(:,i)ᵀ A(:,j), A is k×n
                int aj = offA + j * lda;
                for (int i = lo; i < hi; i++) {
                    c[cj + i] += alpha * dot(k, a, offA + i * lda, 1, a, aj, 1);
                }
            }
        }
    }
}
