package dev.fixpoint.solvers.unroll;

/** Whether a learned quantity is one value shared by all layers or one value per layer. */
public enum Tying {
    /** One parameter shared by every layer (a recurrent network; classical algorithms are tied). */
    TIED,
    /** A separate parameter for each layer (the LISTA-family default). */
    UNTIED
}
