package dev.fixpoint.solvers.iterative;

/**
 * How {@link ProximalGradient} chooses its step {@code t} (the gradient step is {@code x − t∇f(x)}).
 *
 * <ul>
 *   <li>{@link #inverseLipschitz()}: {@code t = 1/L} with L from {@link SmoothFunction#lipschitz()};
 *       an error if L is unknown. The default when L is known.</li>
 *   <li>{@link #fixed(double)}: a given {@code t}; rejected with {@code [fixpoint/InvalidStep]} when
 *       {@code t > 2/L} and L is known. When L is unknown a too large step makes the iteration blow
 *       up, which is reported as {@code DIVERGED} with the step named as the probable cause.</li>
 *   <li>{@link #backtracking(double, double)}: the Beck–Teboulle (2009) line search: starting from
 *       an estimate {@code L₀}, {@code L} is multiplied by {@code η > 1} until the sufficient
 *       decrease {@code f(p) ≤ f(y) + ⟨∇f(y), p − y⟩ + (L/2)‖p − y‖²} holds at the trial point
 *       {@code p}; {@code L} never decreases. The default when L is unknown.</li>
 * </ul>
 * Immutable.
 */
public final class StepSize {
    enum Kind { INVERSE_LIPSCHITZ, FIXED, BACKTRACKING }

    private final Kind kind;
    private final double value;
    private final double factor;

    private StepSize(Kind kind, double value, double factor) {
        this.kind = kind;
        this.value = value;
        this.factor = factor;
    }

    /** @return {@code t = 1/L} from the smooth function's Lipschitz constant */
    public static StepSize inverseLipschitz() {
        return new StepSize(Kind.INVERSE_LIPSCHITZ, Double.NaN, Double.NaN);
    }

    /**
     * @param t the step, finite and positive
     * @return a fixed step
     */
    public static StepSize fixed(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("[fixpoint/InvalidStep] step t must be finite and > 0, got " + t);
        }
        return new StepSize(Kind.FIXED, t, Double.NaN);
    }

    /** @return {@link #backtracking(double, double)} with {@code L₀ = 1}, {@code η = 2} */
    public static StepSize backtracking() {
        return backtracking(1.0, 2.0);
    }

    /**
     * @param initialLipschitz the first estimate {@code L₀ > 0} (finite)
     * @param factor           the growth factor {@code η > 1} (finite)
     * @return the Beck–Teboulle backtracking line search
     */
    public static StepSize backtracking(double initialLipschitz, double factor) {
        if (!(initialLipschitz > 0) || Double.isInfinite(initialLipschitz)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] initial Lipschitz estimate L0 must be finite and > 0, got "
                    + initialLipschitz);
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] backtracking factor η must be finite and > 1, got " + factor);
        }
        return new StepSize(Kind.BACKTRACKING, initialLipschitz, factor);
    }

    Kind kind() {
        return kind;
    }

    /** The fixed step t, or L₀ for backtracking. */
    double value() {
        return value;
    }

    double factor() {
        return factor;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case INVERSE_LIPSCHITZ -> "1/L";
            case FIXED -> "fixed t=" + value;
            case BACKTRACKING -> "backtracking(L0=" + value + ", η=" + factor + ")";
        };
    }
}
