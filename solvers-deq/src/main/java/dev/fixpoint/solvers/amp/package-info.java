/**
 * Approximate message passing for sparse recovery (Donoho, Maleki and Montanari 2009) and the theory
 * that predicts it.
 *
 * <ul>
 *   <li>{@link dev.fixpoint.solvers.amp.Amp}: AMP with soft thresholding at {@code α·τ̂_t}, the
 *       Onsager-corrected residual, on one vector or a batch of columns (one gemm per half step).</li>
 *   <li>{@link dev.fixpoint.solvers.amp.StateEvolution}: the scalar recursion {@code τ²_{t+1}} that
 *       predicts AMP's per-iteration NMSE for Bernoulli–Gaussian signals, with closed-form
 *       expectations.</li>
 *   <li>{@link dev.fixpoint.solvers.amp.PhaseTransition}: the minimax soft-threshold phase-transition
 *       curve {@code ρ_SE(δ)} (equal to the Donoho–Tanner ℓ1 weak threshold) and its optimal α;
 *       {@link dev.fixpoint.solvers.amp.PhaseTransitionExperiment} measures the empirical frontier.</li>
 * </ul>
 *
 * <p>Conventions: {@code A} is {@code [m, n]}, {@code δ = m/n} (undersampling), {@code ε} the
 * fraction of nonzeros in {@code x}, {@code ρ = ε/δ = k/m} (sparsity per measurement). Samples are
 * columns: {@code y} is {@code [m, B]} and estimates are {@code [n, B]}.
 */
package dev.fixpoint.solvers.amp;
