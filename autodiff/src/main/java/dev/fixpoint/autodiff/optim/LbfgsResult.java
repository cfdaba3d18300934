package dev.fixpoint.autodiff.optim;

import java.util.List;

/**
 * The outcome of an {@link Lbfgs} run. {@code x}, {@code value}, {@code gradient} are those of the
 * last accepted iterate (always finite). The arrays are owned by the result.
 *
 * @param status              why the run stopped
 * @param reason              the stopping reason with the numbers (and, for {@code NON_FINITE}, the iteration)
 * @param x                   the final point
 * @param value               {@code f(x)}
 * @param gradient            {@code ∇f(x)}
 * @param gradientNorm        Euclidean norm of the gradient
 * @param iterations          accepted iterations
 * @param evaluations         objective evaluations, line searches included
 * @param valueHistory        {@code f} at the start and after each iteration (length {@code iterations + 1})
 * @param gradientNormHistory gradient norms, same indexing
 * @param lineSearches        the accepted steps, one per iteration
 */
public record LbfgsResult(LbfgsStatus status, String reason, double[] x, double value, double[] gradient,
                          double gradientNorm, int iterations, int evaluations, double[] valueHistory,
                          double[] gradientNormHistory, List<LineSearchStep> lineSearches) {

    /** @return whether the status is {@link LbfgsStatus#CONVERGED} */
    public boolean converged() {
        return status == LbfgsStatus.CONVERGED;
    }

    @Override
    public String toString() {
        return "LbfgsResult[" + status + ": " + reason + "; f = " + value + ", |g| = " + gradientNorm + ", "
                + iterations + " iterations, " + evaluations + " evaluations]";
    }
}
