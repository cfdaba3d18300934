/**
 * Batched fixed-point solvers for {@code z = f(z)}: {@link dev.fixpoint.solvers.fixedpoint.PicardIteration}
 * (damped), {@link dev.fixpoint.solvers.fixedpoint.AndersonAcceleration} (scale-invariant
 * regularisation, safeguarded) and {@link dev.fixpoint.solvers.fixedpoint.BroydenMethod} (limited
 * memory, backtracking line search), created by name through
 * {@link dev.fixpoint.solvers.fixedpoint.FixedPointSolvers} (built-ins, then
 * {@link java.util.ServiceLoader} providers) or the Guice map of {@link FixedPointModule}.
 *
 * <p>Samples are columns: an iterate is a tensor {@code [d, B]} and the map is evaluated on the
 * columns of the samples still running. Each sample has its own stopping decision (by
 * {@link dev.fixpoint.solvers.IterationMonitor}), its own iteration and evaluation counts, final and
 * lowest residual and status; a converged sample is frozen and no longer evaluated. A sample that
 * does not converge returns its lowest-residual iterate.
 */
package dev.fixpoint.solvers.fixedpoint;
