package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.Triangle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Symmetric eigendecomposition, singular value decomposition and minimum-norm least squares in
 * pure Java, for {@link PureJavaBackend}, on top of commons-math3's {@link EigenDecomposition}
 * (Householder tridiagonalisation + implicit QL) and {@link SingularValueDecomposition}
 * (Golub–Kahan). This class copies column-major arrays in and out of commons-math matrices and
 * imposes LAPACK's conventions: ascending eigenvalues, descending singular values, thin factors,
 * and {@code DGELSD}'s rank cut-off. A commons-math convergence failure is reported as INFO 1.
 * Arguments are assumed to be checked already. Stateless.
 */
final class JavaSpectral {
    /** Relative cut-off for singular values in {@link #gelsd}: machine epsilon, 2⁻⁵². */
    static final double RCOND = Math.ulp(1.0);

    private JavaSpectral() {
    }

    /** {@code DSYEV}: eigenvalues ascending into {@code w}, eigenvectors into the columns of {@code A}. */
    static int syev(boolean computeVectors, Triangle uplo, int n, double[] a, int lda, double[] w) {
        if (n == 0) {
            return 0;
        }
        double[][] s = new double[n][n];
        boolean upper = uplo == Triangle.UPPER;
        for (int j = 0; j < n; j++) {
            for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                double v = a[i + j * lda];
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        EigenDecomposition eig;
        try {
            eig = new EigenDecomposition(new Array2DRowRealMatrix(s, false));
        } catch (MathIllegalStateException e) {
            return 1;
        }
        double[] values = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        RealMatrix v = computeVectors ? eig.getV() : null;
        for (int j = 0; j < n; j++) {
            int src = order[j];
            w[j] = values[src];
            if (v != null) {
                for (int i = 0; i < n; i++) {
                    a[i + j * lda] = v.getEntry(i, src);
                }
            }
        }
        return 0;
    }

    /** {@code DGESVD} with {@code JOBU = JOBVT = 'S'}. */
    static int gesvd(int m, int n, double[] a, int lda, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        int p = Math.min(m, n);
        if (p == 0) {
            return 0;
        }
        SingularValueDecomposition svd;
        try {
            svd = new SingularValueDecomposition(toMatrix(m, n, a, lda));
        } catch (MathIllegalStateException e) {
            return 1;
        }
        double[] sv = svd.getSingularValues();
        RealMatrix uu = svd.getU();
        RealMatrix vv = svd.getV();
        System.arraycopy(sv, 0, s, 0, p);
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < m; i++) {
                u[i + j * ldu] = uu.getEntry(i, j);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < p; i++) {
                vt[i + j * ldvt] = vv.getEntry(j, i);
            }
        }
        return 0;
    }

    /**
     * {@code DGELSD} semantics via the SVD: {@code X = V·diag(1/s_i)·Uᵀ·B}, with
     * {@code s_i ≤ RCOND·s_max} treated as zero.
     */
    static int gelsd(int m, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        if (m == 0 || n == 0) {
            for (int r = 0; r < nrhs; r++) {
                Arrays.fill(b, r * ldb, r * ldb + n, 0.0);
            }
            return 0;
        }
        int p = Math.min(m, n);
        SingularValueDecomposition svd;
        try {
            svd = new SingularValueDecomposition(toMatrix(m, n, a, lda));
        } catch (MathIllegalStateException e) {
            return 1;
        }
        double[] sv = svd.getSingularValues();
        double[][] uu = svd.getU().getData();       // m×p
        double[][] vv = svd.getV().getData();       // n×p
        double tol = RCOND * sv[0];
        double[] coef = new double[p];
        for (int r = 0; r < nrhs; r++) {
            int br = r * ldb;
            for (int j = 0; j < p; j++) {
                double c = 0;
                if (sv[j] > tol) {
                    for (int i = 0; i < m; i++) {
                        c += uu[i][j] * b[br + i];
                    }
                    c /= sv[j];
                }
                coef[j] = c;
            }
            for (int i = 0; i < n; i++) {
                double x = 0;
                double[] vRow = vv[i];
                for (int j = 0; j < p; j++) {
                    x += vRow[j] * coef[j];
                }
                b[br + i] = x;
            }
        }
        return 0;
    }

    private static RealMatrix toMatrix(int m, int n, double[] a, int lda) {
        double[][] d = new double[m][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                d[i][j] = a[i + j * lda];
            }
        }
        return new Array2DRowRealMatrix(d, false);
    }
}
