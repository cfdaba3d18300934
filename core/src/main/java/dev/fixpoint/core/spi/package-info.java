/**
 * What plugin authors implement: {@link dev.fixpoint.core.spi.FixpointPlugin} (the entry point),
 * {@link dev.fixpoint.core.spi.Suite} (domain runs with typed parameters and reports),
 * {@link dev.fixpoint.core.spi.BackendProvider} and {@link dev.fixpoint.core.spi.LinearAlgebraBackend}
 * (BLAS/LAPACK providers, column-major Fortran conventions). Contract tests for these live in the
 * {@code fixpoint-core} test-jar.
 */
package dev.fixpoint.core.spi;
