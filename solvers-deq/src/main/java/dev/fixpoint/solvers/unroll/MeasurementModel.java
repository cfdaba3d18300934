package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.operators.LinearOperator;
import java.util.Objects;

/**
 * The measurement operator A : ℝⁿ → ℝᵐ of an unrolled solver, applied to batches whose samples are
 * columns: x [n, B] ↦ A x [m, B] and r [m, B] ↦ Aᵀ r [n, B], as differentiable operations. Either a
 * dense matrix (BLAS products with transposition flags) or a {@link LinearOperator} of any domain
 * and range shapes (flattened row-major; applied sample by sample).
 */
abstract class MeasurementModel {
    private Tensor dense;

    /** @return m, the number of measurements */
    abstract int rows();

    /** @return n, the number of unknowns */
    abstract int cols();

    /** @return {@code A x} for {@code x} [n, B] */
    abstract Var apply(Var x);

    /** @return {@code Aᵀ r} for {@code r} [m, B] */
    abstract Var adjoint(Var r);

    /** @return a short description for configurations */
    abstract String describe();

    /** @return A as a dense [m, n] matrix (materialised once by applying A to the unit vectors) */
    final Tensor dense() {
        if (dense == null) {
            dense = materialise();
        }
        return dense;
    }

    abstract Tensor materialise();

    /** @return ‖A‖₂², the Lipschitz constant of the gradient of ½‖Ax − y‖² */
    double normSquared() {
        double s = LinearAlgebra.current().svd(dense()).s().data()[0];
        return s * s;
    }

    static MeasurementModel of(Tensor a) {
        Objects.requireNonNull(a, "measurement matrix");
        if (a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
            throw new ShapeMismatchException("unrolled solver: the measurement matrix must be [m, n] with m, n ≥ 1, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        if (!a.isFinite()) {
            throw new FixpointException("InvalidParameter", "unrolled solver: the measurement matrix has NaN or infinite entries");
        }
        return new Dense(a.copy());
    }

    static MeasurementModel of(LinearOperator op) {
        Objects.requireNonNull(op, "measurement operator");
        return new Operator(op);
    }

    /** Checks that {@code y} is a batch [m, B] of measurements. */
    final void requireMeasurements(String who, Var y) {
        int[] s = y.shape();
        if (s.length != 2 || s[0] != rows() || s[1] < 1) {
            throw new ShapeMismatchException(who + " measurements", s, new int[]{rows(), -1},
                    "y must be [m, B] = [" + rows() + ", B] with B ≥ 1 samples as columns");
        }
    }

    /** A dense matrix. */
    private static final class Dense extends MeasurementModel {
        private final Tensor a;
        private final Var av;

        Dense(Tensor a) {
            this.a = a;
            this.av = Var.constant(a);
        }

        @Override
        int rows() {
            return a.dim(0);
        }

        @Override
        int cols() {
            return a.dim(1);
        }

        @Override
        Var apply(Var x) {
            return Ops.matmul(av, false, x, false);
        }

        @Override
        Var adjoint(Var r) {
            return Ops.matmul(av, true, r, false);
        }

        @Override
        String describe() {
            return "dense";
        }

        @Override
        Tensor materialise() {
            return a;
        }
    }

    /** A linear operator, applied column by column. */
    private static final class Operator extends MeasurementModel {
        private final LinearOperator op;

        Operator(LinearOperator op) {
            this.op = op;
        }

        @Override
        int rows() {
            return op.rangeSize();
        }

        @Override
        int cols() {
            return op.domainSize();
        }

        @Override
        Var apply(Var x) {
            return BatchedApplication.apply(op, false, false, new int[0], x);
        }

        @Override
        Var adjoint(Var r) {
            return BatchedApplication.apply(op, true, false, new int[0], r);
        }

        @Override
        String describe() {
            return op.name();
        }

        @Override
        Tensor materialise() {
            int m = rows();
            int n = cols();
            Tensor out = Tensor.zeros(m, n);
            Tensor e = Tensor.zeros(op.domainShape());
            Tensor col = Tensor.zeros(op.rangeShape());
            for (int j = 0; j < n; j++) {
                e.data()[j] = 1;
                op.applyInto(e, col);
                e.data()[j] = 0;
                for (int i = 0; i < m; i++) {
                    out.data()[i * n + j] = col.data()[col.offset() + i];
                }
            }
            return out;
        }

        @Override
        double normSquared() {
            if ((long) rows() * cols() <= 4_000_000L) {
                return super.normSquared(); // exact, from the SVD of the materialised matrix
            }
            double s = op.normEstimate(1e-10, 100_000);
            return s * s;
        }
    }
}
