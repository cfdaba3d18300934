package dev.fixpoint.autodiff.optim;

import dev.fixpoint.core.Tensor;

/**
 * The update shared by {@link Adam} and {@link AdamW} (PyTorch's formulation), per element:
 * <pre>
 *   w ← w·(1 − lr·decoupledDecay)                      (AdamW only)
 *   g ← g + l2·w                                        (Adam's weight decay only)
 *   m ← β₁m + (1 − β₁)g ;  v ← β₂v + (1 − β₂)g²
 *   v̂ ← max(v̂, v) with AMSGrad, else v
 *   w ← w − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Slots: 0 = {@code m}, 1 = {@code v}, 2 = {@code vmax} (AMSGrad).
 */
final class AdamKernel {
    private AdamKernel() {
    }

    static String[] slots(boolean amsgrad) {
        return amsgrad ? new String[]{"m", "v", "vmax"} : new String[]{"m", "v"};
    }

    static void update(Optimizer opt, double lr, long step, double beta1, double beta2, double eps,
                       double l2, double decoupledDecay, boolean amsgrad) {
        double bc1 = 1 - Math.pow(beta1, (double) step);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, (double) step));
        double stepSize = lr / bc1;
        double shrink = 1 - lr * decoupledDecay;
        double a1 = 1 - beta1;
        double a2 = 1 - beta2;
        for (int p = 0; p < opt.parameterCount(); p++) {
            Tensor value = opt.value(p);
            Tensor grad = opt.gradient(p);
            double[] w = value.data();
            double[] g = grad.data();
            int wo = value.offset();
            int go = grad.offset();
            int n = value.size();
            double[] m = opt.buffer(0, p);
            double[] v = opt.buffer(1, p);
            double[] vmax = amsgrad ? opt.buffer(2, p) : null;
            for (int i = 0; i < n; i++) {
                double wi = w[wo + i] * shrink;
                double gi = g[go + i] + l2 * wi;
                double mi = beta1 * m[i] + a1 * gi;
                double vi = beta2 * v[i] + a2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                if (vmax != null) {
                    vi = Math.max(vmax[i], vi);
                    vmax[i] = vi;
                }
                w[wo + i] = wi - stepSize * mi / (Math.sqrt(vi) / sqrtBc2 + eps);
            }
        }
    }
}
