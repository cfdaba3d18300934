package dev.fixpoint.solvers.train;

import java.util.List;

/**
 * What a {@link Trainer#train} run did.
 *
 * @param stages    the completed stages, in order (including those completed in earlier sessions)
 * @param steps     optimisation steps taken over all sessions (the global step count)
 * @param seconds   wall-clock seconds of the stages completed, over all sessions (plus this session's
 *                  unfinished stage)
 * @param completed true if every stage finished; false if the run halted ({@code haltAfterSteps})
 *                  and can be resumed from its checkpoint
 */
public record TrainingResult(List<StageSummary> stages, long steps, double seconds, boolean completed) {
    /** Copies the list. */
    public TrainingResult {
        stages = List.copyOf(stages);
    }

    /**
     * One finished stage.
     *
     * @param name               e.g. {@code "layer 3/16 new parameters"}
     * @param layers             the number of layers the loss is taken after
     * @param learningRate       Adam's rate in this stage
     * @param steps              steps taken
     * @param bestValidationDb   the best validation NMSE (dB) of the stage, whose parameters were kept
     * @param seconds            wall-clock seconds
     */
    public record StageSummary(String name, int layers, double learningRate, long steps, double bestValidationDb,
                               double seconds) {
    }

    /** @return the best validation NMSE (dB) of the last completed stage, NaN if none */
    public double finalValidationDb() {
        return stages.isEmpty() ? Double.NaN : stages.get(stages.size() - 1).bestValidationDb();
    }
}
