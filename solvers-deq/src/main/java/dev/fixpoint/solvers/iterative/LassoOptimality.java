package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;

/**
 * Optimality (KKT) check of the lasso {@code min_x ½‖Ax − b‖² + λ‖x‖₁}. With the gradient of the
 * data fit {@code c = Aᵀ(Ax − b)}, a point x is a minimiser iff for every index i
 * <ul>
 *   <li>{@code x_i ≠ 0}: {@code c_i + λ·sign(x_i) = 0}, violation {@code |c_i + λ·sign(x_i)|};</li>
 *   <li>{@code x_i = 0}: {@code |c_i| ≤ λ}, violation {@code max(0, |c_i| − λ)}.</li>
 * </ul>
 * {@link #kktResidual} is the largest violation divided by λ (max norm, relative to λ), so a value of
 * 1e-8 means every optimality condition holds to 1e-8·λ. "Nonzero" is exact: solvers whose iterates
 * come out of a soft threshold (ISTA, FISTA, PDHG, the z of ADMM) have exact zeros; a point with
 * tiny spurious entries is, correctly, judged far from optimal.
 */
public final class LassoOptimality {
    private LassoOptimality() {
    }

    /**
     * @param a      the operator A ({@code [n] → [m]} or any shapes)
     * @param b      measurements of A's range shape
     * @param lambda λ &gt; 0
     * @param x      the point to check, of A's domain shape
     * @return {@code max_i violation_i / λ} (dimensionless, ≥ 0)
     */
    public static double kktResidual(LinearOperator a, Tensor b, double lambda, Tensor x) {
        return violations(a, b, lambda, x).max() / lambda;
    }

    /** @return {@link #kktResidual(LinearOperator, Tensor, double, Tensor)} for a dense matrix {@code [m, n]} */
    public static double kktResidual(Tensor matrix, Tensor b, double lambda, Tensor x) {
        return kktResidual(Operators.dense(matrix), b, lambda, x);
    }

    /**
     * @return the violation of each index (same shape as x, absolute, not divided by λ)
     * @throws FixpointException {@code [fixpoint/InvalidParameter]} for λ ≤ 0 or non-finite,
     *         {@code [fixpoint/NonFinite]} for NaN/Inf in x or b
     */
    public static Tensor violations(LinearOperator a, Tensor b, double lambda, Tensor x) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new FixpointException("InvalidParameter", "lasso KKT: λ must be finite and > 0, got " + lambda);
        }
        x.requireFinite("lasso KKT: point x");
        b.requireFinite("lasso KKT: measurements b");
        Tensor r = a.apply(x).sub(b);
        Tensor c = a.adjoint(r);
        double[] cd = c.data();
        double[] xd = x.data();
        int xo = x.offset();
        Tensor out = Tensor.zeros(x.shape());
        double[] od = out.data();
        for (int i = 0; i < od.length; i++) {
            double xi = xd[xo + i];
            od[i] = xi != 0 ? Math.abs(cd[i] + lambda * Math.signum(xi)) : Math.max(0, Math.abs(cd[i]) - lambda);
        }
        return out;
    }
}
