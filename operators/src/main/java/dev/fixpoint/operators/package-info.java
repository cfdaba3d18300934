/**
 * The vocabulary of inverse problems: {@link dev.fixpoint.operators.LinearOperator}s with exact
 * adjoints and their combinators ({@link dev.fixpoint.operators.LinearOperators}), the standard
 * operators behind the {@link dev.fixpoint.operators.Operators} factories (dense and sparse
 * matrices, diagonals, sampling masks, finite differences and the 2-d gradient; implementations are
 * package-private), and
 * {@link dev.fixpoint.operators.ProximalFunction}s with the proximal calculus. Both can be used
 * inside autodiff (the VJP of a linear operator is its adjoint; differentiable proximal maps are
 * autodiff operations).
 */
package dev.fixpoint.operators;
