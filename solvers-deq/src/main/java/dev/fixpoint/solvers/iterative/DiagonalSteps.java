package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.Tensor;

/**
 * Elementwise loops of the primal–dual method with a step that is either a scalar {@code s}
 * ({@code diagonal == null}) or a diagonal {@code S} (a tensor of the operand's shape). No allocation.
 */
final class DiagonalSteps {
    private DiagonalSteps() {
    }

    /** {@code out ← a − S⊙b}. */
    static void subtractScaled(Tensor a, double s, Tensor diagonal, Tensor b, Tensor out) {
        double[] ad = a.data();
        double[] bd = b.data();
        double[] od = out.data();
        int ao = a.offset();
        int bo = b.offset();
        int oo = out.offset();
        int n = out.size();
        if (diagonal == null) {
            for (int i = 0; i < n; i++) {
                od[oo + i] = ad[ao + i] - s * bd[bo + i];
            }
        } else {
            double[] sd = diagonal.data();
            int so = diagonal.offset();
            for (int i = 0; i < n; i++) {
                od[oo + i] = ad[ao + i] - sd[so + i] * bd[bo + i];
            }
        }
    }

    /** {@code out ← y + S⊙(2·kxNew − kx)}. */
    static void dualArgument(Tensor y, double s, Tensor diagonal, Tensor kxNew, Tensor kx, Tensor out) {
        double[] yd = y.data();
        double[] nd = kxNew.data();
        double[] xd = kx.data();
        double[] od = out.data();
        int yo = y.offset();
        int no = kxNew.offset();
        int xo = kx.offset();
        int oo = out.offset();
        double[] sd = diagonal == null ? null : diagonal.data();
        int so = diagonal == null ? 0 : diagonal.offset();
        for (int i = 0, n = out.size(); i < n; i++) {
            double step = sd == null ? s : sd[so + i];
            od[oo + i] = yd[yo + i] + step * (2 * nd[no + i] - xd[xo + i]);
        }
    }

    /** {@code out ← w / S} elementwise. */
    static void divide(Tensor w, double s, Tensor diagonal, Tensor out) {
        double[] wd = w.data();
        double[] od = out.data();
        int wo = w.offset();
        int oo = out.offset();
        double[] sd = diagonal == null ? null : diagonal.data();
        int so = diagonal == null ? 0 : diagonal.offset();
        for (int i = 0, n = out.size(); i < n; i++) {
            od[oo + i] = wd[wo + i] / (sd == null ? s : sd[so + i]);
        }
    }

    /** @return {@code ‖(old − now)/S − (a − b)‖₂} */
    static double residualNorm(Tensor old, Tensor now, double s, Tensor diagonal, Tensor a, Tensor b) {
        double[] od = old.data();
        double[] nd = now.data();
        double[] ad = a.data();
        double[] bd = b.data();
        int oo = old.offset();
        int no = now.offset();
        int ao = a.offset();
        int bo = b.offset();
        double[] sd = diagonal == null ? null : diagonal.data();
        int so = diagonal == null ? 0 : diagonal.offset();
        double sum = 0;
        for (int i = 0, n = old.size(); i < n; i++) {
            double step = sd == null ? s : sd[so + i];
            double r = (od[oo + i] - nd[no + i]) / step - (ad[ao + i] - bd[bo + i]);
            sum += r * r;
        }
        return Math.sqrt(sum);
    }
}
