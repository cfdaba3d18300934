package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Triangle;
import dev.fixpoint.operators.LinearOperator;

/**
 * {@code (AᵀA + μI + ρKᵀK) x = r} by a cached Cholesky factorisation: the Gram matrices are formed
 * once, {@code M = L·Lᵀ} is factored by LAPACK {@code posv} (the factor is left in the lower
 * triangle, column-major) and every solve is a forward and a back substitution.
 */
final class CholeskyNormalSystem implements NormalSystem {
    private final int n;
    private final double[] gramA;   // AᵀA + μI, n×n (symmetric: row- and column-major agree)
    private final double[] gramK;   // KᵀK, or null for K = I
    private final double[] factor;  // L, column-major lower triangle
    private final String description;

    CholeskyNormalSystem(LinearOperator a, double ridge, LinearOperator k, double rho) {
        this.n = a.domainSize();
        this.gramA = gram(a).data();
        for (int i = 0; i < n; i++) {
            gramA[i * n + i] += ridge;
        }
        this.gramK = k == null ? null : gram(k).data();
        this.factor = new double[n * n];
        this.description = "AᵀA + " + ridge + "·I + ρ·" + (k == null ? "I" : "KᵀK") + " (A = " + a.name()
                + (k == null ? "" : ", K = " + k.name()) + ")";
        factor(rho);
    }

    /** @return {@code OᵀO} as a dense {@code [n, n]} matrix, O applied to the unit vectors */
    static Tensor gram(LinearOperator op) {
        int n = op.domainSize();
        int m = op.rangeSize();
        Tensor dense = Tensor.zeros(m, n);
        double[] d = dense.data();
        Tensor unit = Tensor.zeros(op.domainShape());
        Tensor column = Tensor.zeros(op.rangeShape());
        double[] u = unit.data();
        double[] c = column.data();
        for (int j = 0; j < n; j++) {
            u[j] = 1;
            op.applyInto(unit, column);
            u[j] = 0;
            for (int i = 0; i < m; i++) {
                d[i * n + j] = c[i];
            }
        }
        return Tensor.matmul(dense, true, dense, false);
    }

    private void factor(double rho) {
        for (int i = 0; i < n * n; i++) {
            factor[i] = gramA[i];
        }
        if (gramK == null) {
            for (int i = 0; i < n; i++) {
                factor[i * n + i] += rho;
            }
        } else {
            for (int i = 0; i < n * n; i++) {
                factor[i] += rho * gramK[i];
            }
        }
        int info = Backends.current().posv(Triangle.LOWER, n, 1, factor, Math.max(1, n), new double[Math.max(1, n)],
                Math.max(1, n));
        if (info > 0) {
            throw new FixpointException("SingularSubproblem", "the x-subproblem matrix " + description + " with ρ = "
                    + rho + " is not positive definite (Cholesky fails at leading minor " + info + "); K must be "
                    + "injective on the null space of A, or add a ridge term");
        }
    }

    @Override
    public int solve(Tensor rhs, Tensor x) {
        double[] b = x.data();
        int xo = x.offset();
        System.arraycopy(rhs.data(), rhs.offset(), b, xo, n);
        for (int j = 0; j < n; j++) {          // L y = r
            int cj = j * n;
            double bj = b[xo + j] / factor[cj + j];
            b[xo + j] = bj;
            for (int i = j + 1; i < n; i++) {
                b[xo + i] -= bj * factor[cj + i];
            }
        }
        for (int j = n - 1; j >= 0; j--) {     // Lᵀ x = y
            int cj = j * n;
            double s = b[xo + j];
            for (int i = j + 1; i < n; i++) {
                s -= factor[cj + i] * b[xo + i];
            }
            b[xo + j] = s / factor[cj + j];
        }
        return 0;
    }

    @Override
    public void updateRho(double rho) {
        factor(rho);
    }
}
