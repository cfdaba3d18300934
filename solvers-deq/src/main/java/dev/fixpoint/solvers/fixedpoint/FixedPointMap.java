package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.Tensor;
import java.util.function.UnaryOperator;

/**
 * The map {@code f} of a batched fixed-point problem {@code z = f(z)}, evaluated column by column:
 * samples are columns and sample {@code s} depends only on column {@code s}.
 */
@FunctionalInterface
public interface FixedPointMap {

    /**
     * Evaluates the map on the samples still running.
     *
     * @param z       iterates {@code [d, k]}: column {@code j} belongs to sample {@code samples[j]}; not modified
     * @param samples the batch indices of the {@code k} columns, increasing (for maps whose data differs per sample)
     * @return {@code f(z)}, a new tensor {@code [d, k]}
     */
    Tensor apply(Tensor z, int[] samples);

    /** @return a map that applies {@code f} to whatever columns it is given (the same map for every sample) */
    static FixedPointMap columnwise(UnaryOperator<Tensor> f) {
        return (z, samples) -> f.apply(z);
    }
}
