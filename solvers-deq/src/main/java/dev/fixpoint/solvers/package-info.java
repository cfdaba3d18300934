/**
 * Iterative solvers over {@link dev.fixpoint.operators.LinearOperator}s and
 * {@link dev.fixpoint.operators.ProximalFunction}s, and the types they share.
 *
 * <p>Every solver returns a {@link dev.fixpoint.solvers.SolverResult}: the solution, a
 * {@link dev.fixpoint.solvers.SolverStatus}, the number of iterations, the stopping reason in words,
 * and the objective and residual history. Stopping is configured by
 * {@link dev.fixpoint.solvers.StoppingCriteria} (tolerance, iteration limit, time limit,
 * divergence). Non-finite values are never returned silently: the solver stops with
 * {@code DIVERGED} and the reason names the iteration where they appeared.
 * {@link dev.fixpoint.solvers.IterationMonitor} is the one implementation of these rules, used by
 * every built-in solver and available to solvers written elsewhere.
 *
 * <p>Subpackages: {@code iterative} (gradient, proximal, splitting and Krylov methods),
 * {@code amp} (approximate message passing and state evolution), {@code sparse} (synthetic sparse
 * recovery problems and NMSE), {@code unroll} (iterations as trainable layers) and {@code train}.
 */
package dev.fixpoint.solvers;
