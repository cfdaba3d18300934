/**
 * Deep unrolling: K iterations of an algorithm become K layers of a differentiable network
 * ({@link dev.fixpoint.solvers.unroll.UnrolledNetwork}) whose step sizes, thresholds, momenta,
 * penalties and linear maps are trainable {@link dev.fixpoint.autodiff.Parameter}s, tied (one
 * value shared by all layers) or untied (one per layer) — see {@link dev.fixpoint.solvers.unroll.Tying}.
 *
 * <p>Batch convention for sparse recovery: samples are columns, measurements y are [m, B] and
 * every layer output x_k is [n, B].
 *
 * <p><b>Generic unrolled algorithms and plug-and-play.</b>
 * {@link dev.fixpoint.solvers.unroll.UnrolledAlgorithm} (ISTA, FISTA, ADMM, PDHG for
 * {@code ½‖Ax − y‖² + λ·g(x)}) is unrolled over a dense matrix or any
 * {@link dev.fixpoint.operators.LinearOperator} by {@link dev.fixpoint.solvers.unroll.UnrolledBuilder}
 * into an {@link dev.fixpoint.solvers.unroll.UnrolledSolver}; the proximal map of g is an
 * {@link dev.fixpoint.solvers.unroll.UnrolledProx} (soft threshold, non-negative soft threshold,
 * non-negativity, box). {@link dev.fixpoint.solvers.unroll.PlugAndPlayNetwork} replaces the prox of
 * PGD or ADMM by a learned {@link dev.fixpoint.solvers.unroll.CnnDenoiser}. What is learned is one
 * small value, a {@link dev.fixpoint.solvers.unroll.LearningSpec}: for each quantity — step τ,
 * weight λ (the threshold is τλ, or λ/ρ in ADMM), FISTA's momentum β_k (the skip connection),
 * ADMM's penalty ρ, PDHG's dual step σ, the linear map W that replaces Aᵀ, the denoiser's weights —
 * either nothing (a constant at its classical value), <em>tied</em> (one parameter shared by all
 * layers: a recurrent network with K times fewer parameters) or
 * <em>untied</em> (one parameter per layer, each initialised to the classical value of its layer:
 * more capacity, e.g. step sizes that grow or thresholds that shrink along the layers). With nothing
 * trained, every network computes exactly its classical iteration. Shapes: the solvers take
 * {@code y [m, B]} and output {@code x_k [n, B]} (samples are columns; scalars are rank 0, W is
 * {@code [n, m]}); the plug-and-play networks work on images {@code [B, 1, H, W]} (samples first,
 * as {@link dev.fixpoint.autodiff.Ops#conv2d}) with measurements {@code [B, …]} of the operator's
 * range per sample.
 */
package dev.fixpoint.solvers.unroll;
