/**
 * Implicit differentiation of solution maps {@code z*(θ)} defined by an optimality condition
 * {@code F(z, θ) = 0} or a fixed point {@code z = T(z, θ)}: VJPs ({@code (∂F/∂z)ᵀu = g},
 * {@code −(∂F/∂θ)ᵀu}) and JVPs ({@code (∂F/∂z)t = −(∂F/∂θ)v}) with matrix-free linear solves from
 * {@code solvers.krylov} (CG when ∂F/∂z is declared symmetric, GMRES or BiCGSTAB otherwise, or a
 * Neumann series for contractive fixed points). Entry points:
 * {@link dev.fixpoint.solvers.implicit.ImplicitDifferentiation} (and its
 * {@link dev.fixpoint.solvers.implicit.Linearization} at a solution) and
 * {@link dev.fixpoint.solvers.implicit.ImplicitSolution}, the solution map as one autodiff operation.
 */
package dev.fixpoint.solvers.implicit;
