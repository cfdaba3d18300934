/**
 * Deep unrolling: K iterations of an algorithm become K layers of a differentiable network
 * ({@link dev.fixpoint.solvers.unroll.UnrolledNetwork}) whose step sizes, thresholds, momenta,
 * penalties and linear maps are trainable {@link dev.fixpoint.autodiff.Parameter}s, tied (one
 * value shared by all layers) or untied (one per layer) — see {@link dev.fixpoint.solvers.unroll.Tying}.
 *
 * <p>Batch convention for sparse recovery: samples are columns, measurements y are [m, B] and
 * every layer output x_k is [n, B].
 */
package dev.fixpoint.solvers.unroll;
