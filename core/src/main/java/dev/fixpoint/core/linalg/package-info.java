/**
 * Backend selection ({@link dev.fixpoint.core.linalg.Backends}) and dense linear algebra on
 * {@link dev.fixpoint.core.Tensor}s ({@link dev.fixpoint.core.linalg.LinearAlgebra}: solve,
 * Cholesky solve, symmetric eigendecomposition, SVD, QR, least squares) through the selected backend.
 */
package dev.fixpoint.core.linalg;
