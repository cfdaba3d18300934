package dev.fixpoint.bio;

/** How {@link Simulator#gradient} differentiates the objective. */
public enum GradientMethod {
    /** Forward sensitivities: cost grows with the number of parameters; best for few parameters. */
    FORWARD,
    /** Continuous adjoint: one backward integration of n + np equations, nearly independent of np. */
    ADJOINT,
    /** FORWARD when the number of parameters is at most {@link Simulator#autoCrossover()}, else ADJOINT. */
    AUTO
}
