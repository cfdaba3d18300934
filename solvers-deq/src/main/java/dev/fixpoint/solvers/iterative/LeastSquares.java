package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.Operators;
import java.util.Arrays;

/**
 * The least-squares data fit {@code f(x) = ½‖Ax − b‖² + (μ/2)‖x‖²} (ridge term {@code μ ≥ 0},
 * zero by default), with {@code ∇f(x) = Aᵀ(Ax − b) + μx} and Lipschitz constant
 * {@code L = ‖A‖₂² + μ}.
 *
 * <p>Unless given with {@link #withLipschitz}, {@code ‖A‖₂} comes from
 * {@link LinearOperator#normEstimate} (power iteration on AᵀA, relative change 1e-10), computed
 * once on first use. Power iteration approaches {@code ‖A‖₂} from below; where the step must be
 * exactly {@code 1/L} (reproductions of published figures), pass L from an SVD or eigenvalue
 * decomposition.
 *
 * <p>Holds a work vector of the range shape: not thread-safe; use one instance per thread.
 * {@code b} is validated (shape, finiteness) and copied.
 */
public final class LeastSquares implements SmoothFunction {
    private final LinearOperator a;
    private final Tensor b;
    private final double ridge;
    private double lipschitz;
    private final Tensor residual;

    private LeastSquares(LinearOperator a, Tensor b, double ridge, double lipschitz) {
        this.a = a;
        this.b = b;
        this.ridge = ridge;
        this.lipschitz = lipschitz;
        this.residual = Tensor.zeros(a.rangeShape());
    }

    /**
     * @param a the operator A from the unknowns' shape to the measurements' shape
     * @param b measurements of A's range shape (finite; copied)
     * @return {@code ½‖Ax − b‖²}
     * @throws ShapeMismatchException naming b's shape and A's range shape
     * @throws FixpointException {@code [fixpoint/NonFinite]} naming the first non-finite entry of b
     */
    public static LeastSquares of(LinearOperator a, Tensor b) {
        if (!Arrays.equals(b.shape(), a.rangeShape())) {
            throw new ShapeMismatchException("LeastSquares: measurements b vs range of " + a.name(), b.shape(),
                    a.rangeShape(), "b must have the range shape of A");
        }
        b.requireFinite("LeastSquares: measurements b");
        return new LeastSquares(a, b.copy(), 0, Double.NaN);
    }

    /** @return {@link #of(LinearOperator, Tensor)} for a dense matrix {@code [m, n]} and {@code b [m]} */
    public static LeastSquares of(Tensor matrix, Tensor b) {
        return of(Operators.dense(matrix), b);
    }

    /**
     * @param mu ridge weight μ ≥ 0 (finite)
     * @return {@code ½‖Ax − b‖² + (μ/2)‖x‖²} (a new function; a Lipschitz constant given before is kept
     *         and increased by μ)
     */
    public LeastSquares withRidge(double mu) {
        if (!(mu >= 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] ridge weight μ must be finite and >= 0, got " + mu);
        }
        double l = Double.isNaN(lipschitz) ? Double.NaN : lipschitz - ridge + mu;
        return new LeastSquares(a, b, mu, l);
    }

    /**
     * @param lipschitzConstant the exact {@code L = ‖A‖₂² + μ} (positive, finite), e.g. from an SVD
     * @return a new function that reports this L instead of estimating it
     */
    public LeastSquares withLipschitz(double lipschitzConstant) {
        if (!(lipschitzConstant > 0) || Double.isInfinite(lipschitzConstant)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] Lipschitz constant must be finite and > 0, got "
                    + lipschitzConstant);
        }
        return new LeastSquares(a, b, ridge, lipschitzConstant);
    }

    /** @return the operator A */
    public LinearOperator operator() {
        return a;
    }

    /** @return the measurements b (owned by this function; do not modify) */
    public Tensor measurements() {
        return b;
    }

    /** @return the ridge weight μ */
    public double ridge() {
        return ridge;
    }

    @Override
    public int[] shape() {
        return a.domainShape();
    }

    @Override
    public double value(Tensor x) {
        a.applyInto(x, residual);
        residual.axpyInPlace(-1.0, b);
        double r = residual.norm();
        double v = 0.5 * r * r;
        if (ridge > 0) {
            double nx = x.norm();
            v += 0.5 * ridge * nx * nx;
        }
        return v;
    }

    @Override
    public void gradientInto(Tensor x, Tensor out) {
        valueAndGradient(x, out);
    }

    @Override
    public double valueAndGradient(Tensor x, Tensor out) {
        double v = value(x); // leaves Ax − b in the work vector
        a.adjointInto(residual, out);
        if (ridge > 0) {
            out.axpyInPlace(ridge, x);
        }
        return v;
    }

    /** @return {@code ‖A‖₂² + μ}, estimated once by power iteration unless given */
    @Override
    public double lipschitz() {
        if (Double.isNaN(lipschitz)) {
            double norm = a.normEstimate(1e-10, 100_000);
            lipschitz = norm * norm + ridge;
        }
        return lipschitz;
    }

    @Override
    public String name() {
        return ridge > 0 ? "ridge(μ=" + ridge + ", " + a.name() + ")" : "leastSquares(" + a.name() + ")";
    }
}
