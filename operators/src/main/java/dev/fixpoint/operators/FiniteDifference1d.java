package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * Forward differences of a signal {@code x ∈ ℝⁿ} (unit spacing): {@code (Dx)[i] = x[i+1] - x[i]}.
 * Domain {@code [n]}; range {@code [n-1]} for {@link DifferenceBoundary#FREE}, {@code [n]} for
 * {@link DifferenceBoundary#NEUMANN} (last entry 0) and {@link DifferenceBoundary#PERIODIC} (last
 * entry {@code x[0] - x[n-1]}). The adjoint is the negative discrete divergence,
 * {@code (Dᵀy)[i] = y[i-1] - y[i]} with the terms that do not exist dropped (or wrapped, when
 * periodic). {@code ‖D‖² < 4} (≤ 4 when periodic).
 */
final class FiniteDifference1d extends LinearOperator {
    private final int n;
    private final DifferenceBoundary boundary;

    FiniteDifference1d(int n, DifferenceBoundary boundary) {
        super(new int[]{checkedLength(n, boundary)}, new int[]{boundary == DifferenceBoundary.FREE ? n - 1 : n});
        this.n = n;
        this.boundary = boundary;
    }

    private static int checkedLength(int n, DifferenceBoundary boundary) {
        if (boundary == null) {
            throw new FixpointException("BadParameter", "FiniteDifference1d: the boundary is null; use one of "
                    + java.util.Arrays.toString(DifferenceBoundary.values()));
        }
        return OperatorShapes.atLeast("FiniteDifference1d (" + boundary + ")", "n", n,
                boundary == DifferenceBoundary.FREE ? 2 : 1);
    }

    @Override
    public String name() {
        return "FiniteDifference1d[" + n + ", " + boundary + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int oo = out.offset();
        for (int i = 0; i < n - 1; i++) {
            od[oo + i] = xd[xo + i + 1] - xd[xo + i];
        }
        if (boundary == DifferenceBoundary.NEUMANN) {
            od[oo + n - 1] = 0.0;
        } else if (boundary == DifferenceBoundary.PERIODIC) {
            od[oo + n - 1] = xd[xo] - xd[xo + n - 1];
        }
    }

    @Override
    protected void backward(Tensor y, Tensor out) {
        double[] yd = y.data();
        double[] od = out.data();
        int yo = y.offset();
        int oo = out.offset();
        if (boundary == DifferenceBoundary.PERIODIC) {
            od[oo] = yd[yo + n - 1] - yd[yo];
            for (int i = 1; i < n; i++) {
                od[oo + i] = yd[yo + i - 1] - yd[yo + i];
            }
            return;
        }
        // FREE and NEUMANN: only the differences 0 … n-2 depend on x
        if (n == 1) {
            od[oo] = 0.0;
            return;
        }
        od[oo] = -yd[yo];
        for (int i = 1; i < n - 1; i++) {
            od[oo + i] = yd[yo + i - 1] - yd[yo + i];
        }
        od[oo + n - 1] = yd[yo + n - 2];
    }
}
