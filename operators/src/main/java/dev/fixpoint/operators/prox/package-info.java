/**
 * A library of proximal functions: norms and their dual-norm balls, box, simplex and affine-set
 * indicators, the nuclear norm, log barrier, Kullback–Leibler (Poisson) data fit, Huber loss,
 * elastic net, general quadratics and separable sums, and total variation in one
 * ({@link dev.fixpoint.operators.prox.TotalVariation1d}, exact) and two
 * ({@link dev.fixpoint.operators.prox.TotalVariation2d},
 * dual iterative solver) dimensions. Create them through the facade
 * {@link dev.fixpoint.operators.prox.Proximals}; the classes are public so that their parameters can
 * be read (for example by differentiable proximal operations); apart from the total-variation classes,
 * which have public constructors, they are created only through the facade.
 *
 * <p>Conventions shared by every function here: inputs are tensors of any shape unless the function
 * is structurally a vector or matrix function (then the shape is checked and a mismatch throws
 * {@link dev.fixpoint.core.ShapeMismatchException} naming both shapes); elements are read in the
 * row-major order of {@link dev.fixpoint.core.Tensor}; invalid parameters throw
 * {@code [fixpoint/BadParameter]} naming the value and the accepted range. Indicator functions
 * accept points within a relative feasibility tolerance of {@code 1e-12} (documented per class), so
 * that the projections they compute have value 0 despite rounding.
 */
package dev.fixpoint.operators.prox;
