package dev.fixpoint.solvers.train;

/** How a {@link Trainer} schedules the parameters of an unrolled network. */
public enum TrainingMode {
    /**
     * Layer by layer, as in the LISTA-CPSS and ALISTA papers: for layer k, first the parameters new
     * in layer k at the base learning rate, then all parameters of layers 0 … k at the base rate
     * times each fine-tuning factor; the loss is the NMSE of layer k's output.
     */
    STAGE_WISE,
    /** One stage: all parameters at the base learning rate, loss on the last layer. */
    END_TO_END
}
