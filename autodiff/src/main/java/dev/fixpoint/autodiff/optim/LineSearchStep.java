package dev.fixpoint.autodiff.optim;

/**
 * An accepted line-search step of {@link Lbfgs} along the direction {@code d} from {@code x}, with
 * {@code φ(t) = f(x + t·d)}. It satisfies the strong Wolfe conditions
 * {@code φ(t) ≤ φ(0) + c1·t·φ'(0)} and {@code |φ'(t)| ≤ c2·|φ'(0)|}.
 *
 * @param iteration   the 1-based L-BFGS iteration
 * @param step        the accepted step length {@code t > 0}
 * @param value0      {@code φ(0) = f(x)}
 * @param slope0      {@code φ'(0) = ∇f(x)·d < 0}
 * @param value       {@code φ(t)}
 * @param slope       {@code φ'(t) = ∇f(x + t·d)·d}
 * @param evaluations objective evaluations used by this line search
 */
public record LineSearchStep(int iteration, double step, double value0, double slope0, double value, double slope,
                             int evaluations) {

    /** @return whether both strong Wolfe inequalities hold with constants {@code c1}, {@code c2} */
    public boolean satisfiesStrongWolfe(double c1, double c2) {
        return value <= value0 + c1 * step * slope0 && Math.abs(slope) <= c2 * Math.abs(slope0);
    }
}
