package dev.fixpoint.autodiff.optim;

/** Why {@link Lbfgs} stopped; {@link LbfgsResult#reason()} gives the numbers. */
public enum LbfgsStatus {
    /** The gradient norm or the relative change of the value fell below its tolerance. */
    CONVERGED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /** The limit on objective evaluations (including those of line searches) was reached first. */
    MAX_EVALUATIONS,
    /** No step satisfying the strong Wolfe conditions was found (often: the requested accuracy is below round-off). */
    LINE_SEARCH_FAILED,
    /** The objective returned NaN or ±Inf (value or gradient) and no finite acceptable step was found. */
    NON_FINITE
}
