package dev.fixpoint.solvers.iterative;

import dev.fixpoint.operators.LinearOperator;

/**
 * How {@link Admm} and {@link SplitBregman} solve their linear x-subproblem
 * {@code (AᵀA + μI + ρKᵀK) x = r}:
 * <ul>
 *   <li>{@link #cholesky()}: the matrix is formed once (A and K applied to the unit vectors, the Gram
 *       matrices by BLAS), Cholesky-factored once by LAPACK {@code posv} on the selected backend, and
 *       each solve is two triangular substitutions, {@code O(n²)}. Refactored only when ρ changes
 *       (residual balancing). For dense problems of moderate size n.</li>
 *   <li>{@link #conjugateGradient(double, int)}: matrix-free conjugate gradients on the normal
 *       operator, warm-started from the current x, to a relative residual
 *       {@code ‖r − Mx‖ ≤ tol·‖r‖}. For large or structured operators.</li>
 *   <li>{@link #auto()} (the default): Cholesky when the number of unknowns is at most 2,000,
 *       conjugate gradients (tol 1e-12, at most 1,000 iterations) otherwise.</li>
 * </ul>
 * Immutable.
 */
public final class LinearSubproblem {
    static final int AUTO_CHOLESKY_LIMIT = 2000;

    private enum Kind { AUTO, CHOLESKY, CONJUGATE_GRADIENT }

    private final Kind kind;
    private final double tolerance;
    private final int maxIterations;

    private LinearSubproblem(Kind kind, double tolerance, int maxIterations) {
        this.kind = kind;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return Cholesky up to 2,000 unknowns, conjugate gradients beyond */
    public static LinearSubproblem auto() {
        return new LinearSubproblem(Kind.AUTO, 1e-12, 1000);
    }

    /** @return a cached Cholesky factorisation */
    public static LinearSubproblem cholesky() {
        return new LinearSubproblem(Kind.CHOLESKY, 0, 0);
    }

    /**
     * @param relativeTolerance stop when {@code ‖r − Mx‖ ≤ tol·‖r‖} ({@code 0 < tol < 1})
     * @param maxIterations     iterations per solve (≥ 1)
     * @return warm-started matrix-free conjugate gradients
     */
    public static LinearSubproblem conjugateGradient(double relativeTolerance, int maxIterations) {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] CG relative tolerance must be in (0, 1), got "
                    + relativeTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] CG maxIterations must be >= 1, got " + maxIterations);
        }
        return new LinearSubproblem(Kind.CONJUGATE_GRADIENT, relativeTolerance, maxIterations);
    }

    /** Creates the solver of {@code (AᵀA + μI + ρKᵀK) x = r}; {@code k == null} means the identity. */
    NormalSystem create(LinearOperator a, double ridge, LinearOperator k, double rho) {
        boolean dense = kind == Kind.CHOLESKY || (kind == Kind.AUTO && a.domainSize() <= AUTO_CHOLESKY_LIMIT);
        return dense ? new CholeskyNormalSystem(a, ridge, k, rho)
                : new CgNormalSystem(a, ridge, k, rho, tolerance, maxIterations);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CHOLESKY -> "cholesky";
            case CONJUGATE_GRADIENT -> "cg(tol=" + tolerance + ", maxIterations=" + maxIterations + ")";
        };
    }
}
