/**
 * Core data types: {@link dev.fixpoint.core.Tensor} (dense row-major doubles, BLAS-backed products),
 * complex data as real pairs ({@link dev.fixpoint.core.ComplexPairs}), progress reporting
 * ({@link dev.fixpoint.core.ProgressListener}) and the user-facing error types with stable
 * identifiers ({@link dev.fixpoint.core.FixpointException}).
 */
package dev.fixpoint.core;
