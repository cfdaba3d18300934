/**
 * Reaction-network ODE models for systems biology: the model API ({@link dev.fixpoint.bio.ReactionNetwork}),
 * compiled right-hand sides with exact sparse Jacobians, simulation, forward and adjoint sensitivities,
 * steady states (pre-equilibration), and the plugin entry point {@link dev.fixpoint.bio.BioOdePlugin}.
 */
package dev.fixpoint.bio;
