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
 * recovery problems and NMSE), {@code unroll} (iterations as trainable layers), {@code train},
 * {@code fixedpoint} (batched Picard, Anderson and Broyden iterations, registered by name),
 * {@code deq} (equilibrium layers differentiated implicitly), {@code krylov} (matrix-free CG, GMRES,
 * BiCGSTAB), {@code implicit} (derivatives of solution maps) and {@code bilevel} (hypergradients
 * and hyperparameter optimisation).
 */
package dev.fixpoint.solvers;
