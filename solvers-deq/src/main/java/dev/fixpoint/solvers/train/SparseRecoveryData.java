package dev.fixpoint.solvers.train;

import dev.fixpoint.solvers.sparse.GroupSparseRecoveryProblem;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Training data from a synthetic (group-)sparse recovery problem: training batches drawn fresh from
 * the problem's distribution, a fixed validation set from the problem's validation stream. Inputs
 * are the measurements y [m, B], targets the signals x [n, B].
 */
public final class SparseRecoveryData implements TrainingData {
    private final BiFunction<Integer, SplittableRandom, SparseRecoveryBatch> sampler;
    private final TrainingBatch validation;
    private final String description;

    private SparseRecoveryData(BiFunction<Integer, SplittableRandom, SparseRecoveryBatch> sampler,
                               SparseRecoveryBatch validation, String description) {
        this.sampler = sampler;
        this.validation = asTrainingBatch(validation);
        this.description = description;
    }

    /** @return data from {@code problem}, with its validation set of {@code validationSize} samples */
    public static SparseRecoveryData of(SparseRecoveryProblem problem, int validationSize) {
        return new SparseRecoveryData(problem::sample, problem.validationSet(validationSize),
                problem + ", validation " + validationSize);
    }

    /** @return data from a group-sparse {@code problem}, with its validation set of {@code validationSize} samples */
    public static SparseRecoveryData of(GroupSparseRecoveryProblem problem, int validationSize) {
        return new SparseRecoveryData(problem::sample, problem.validationSet(validationSize),
                problem + ", validation " + validationSize);
    }

    /** @return the batch as network input y and target x (no copies) */
    public static TrainingBatch asTrainingBatch(SparseRecoveryBatch batch) {
        return new TrainingBatch(batch.y(), batch.x());
    }

    @Override
    public TrainingBatch sample(int batchSize, SplittableRandom rng) {
        return asTrainingBatch(sampler.apply(batchSize, rng));
    }

    @Override
    public TrainingBatch validationSet() {
        return validation;
    }

    @Override
    public String description() {
        return description;
    }
}
