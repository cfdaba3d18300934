/**
 * Deep equilibrium layers: {@link dev.fixpoint.solvers.deq.DeqLayer} computes {@code z* = f(z*, x; θ)}
 * with a batched fixed-point solver and enters the tape as one operation whose forward solve records
 * nothing. Its backward pass is chosen by {@link dev.fixpoint.solvers.deq.BackwardMode}: the exact
 * implicit gradient (solving {@code (I − ∂f/∂z)ᵀu = g} matrix-free through autodiff VJPs with a
 * pluggable {@link dev.fixpoint.solvers.deq.BackwardSolver}), a truncated Neumann series, or
 * Jacobian-free / phantom gradients. {@link dev.fixpoint.solvers.deq.JacobianRegularization}
 * estimates {@code ‖∂f/∂z‖²_F} differentiably. Samples are columns: {@code z} is {@code [d, B]},
 * {@code x} is {@code [p, B]}.
 */
package dev.fixpoint.solvers.deq;
