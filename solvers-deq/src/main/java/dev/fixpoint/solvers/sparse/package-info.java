/**
 * Synthetic sparse recovery, the setting of the LISTA / AMP literature: y = A·x + w with
 * A_ij ~ N(0, 1/m) and columns rescaled to unit norm, x Bernoulli(p) × N(0, 1), and Gaussian noise w
 * at a given SNR. Batches hold samples as columns: x is [n, B], y is [m, B]. {@link
 * dev.fixpoint.solvers.sparse.Nmse} is the figure of merit, in dB.
 */
package dev.fixpoint.solvers.sparse;
