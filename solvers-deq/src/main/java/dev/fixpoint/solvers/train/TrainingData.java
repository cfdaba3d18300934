package dev.fixpoint.solvers.train;

import java.util.SplittableRandom;

/**
 * Where a {@link Trainer} gets its examples: fresh training batches drawn from a generator the
 * trainer seeds (so that the stream of batches is reproducible and a resumed run continues it), and
 * one fixed validation set for early stopping.
 */
public interface TrainingData {

    /**
     * @param batchSize the number of examples, ≥ 1
     * @param rng       the generator to draw from (advanced); the batch must depend on nothing else
     * @return a new batch
     */
    TrainingBatch sample(int batchSize, SplittableRandom rng);

    /** @return the fixed validation set (the same examples on every call) */
    TrainingBatch validationSet();

    /** @return a one-line description for logs and reports */
    default String description() {
        return getClass().getSimpleName();
    }
}
