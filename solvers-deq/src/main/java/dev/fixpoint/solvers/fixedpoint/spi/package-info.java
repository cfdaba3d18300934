/**
 * What third-party fixed-point solvers implement: a
 * {@link dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider}, registered in
 * {@code META-INF/services/dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider} (found by
 * {@link dev.fixpoint.solvers.fixedpoint.FixedPointSolvers}) or bound in the Guice map of
 * {@link dev.fixpoint.solvers.fixedpoint.FixedPointModule#binder}.
 */
package dev.fixpoint.solvers.fixedpoint.spi;
