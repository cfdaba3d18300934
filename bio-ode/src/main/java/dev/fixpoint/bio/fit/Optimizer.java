package dev.fixpoint.bio.fit;

/** A local minimiser of a {@link BoundedProblem}. Implementations are stateless and may be shared by threads. */
public interface Optimizer {

    /**
     * Minimises {@code problem} from {@code x0}.
     *
     * @param problem the objective and its bounds; evaluated from the calling thread only
     * @param x0      start, length n; not modified; projected onto the bounds if outside
     * @return the result; the objective's own exceptions during line searches are treated as "step too long", an
     *         objective that cannot be evaluated at x0 gives status {@link OptimizerStatus#FAILED}
     * @throws dev.fixpoint.core.FixpointException if x0 has the wrong length or contains NaN, or the bounds are invalid
     */
    OptimizerResult minimize(BoundedProblem problem, double[] x0);
}
