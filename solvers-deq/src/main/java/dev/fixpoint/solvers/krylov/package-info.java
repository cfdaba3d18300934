/**
 * Matrix-free Krylov solvers of linear systems {@code A x = b} where A is known only through its
 * action, a {@link dev.fixpoint.solvers.krylov.LinearMap} on tensors of any shape: conjugate
 * gradients ({@link dev.fixpoint.solvers.krylov.Cg}, A symmetric positive definite), restarted GMRES
 * with modified Gram–Schmidt and Givens rotations and optional right preconditioning
 * ({@link dev.fixpoint.solvers.krylov.Gmres}), and BiCGSTAB
 * ({@link dev.fixpoint.solvers.krylov.BiCgStab}). They return a
 * {@link dev.fixpoint.solvers.SolverResult} built by the shared
 * {@link dev.fixpoint.solvers.IterationMonitor}; the residual is the relative residual
 * {@code ‖b − Ax‖/‖b‖}, and a method that cannot continue ends with
 * {@link dev.fixpoint.solvers.SolverStatus#BREAKDOWN} and a reason. Implicit differentiation and
 * equilibrium layers use them for their linear solves.
 */
package dev.fixpoint.solvers.krylov;
