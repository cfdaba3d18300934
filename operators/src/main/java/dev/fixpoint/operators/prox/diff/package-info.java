/**
 * Differentiable proximal maps: {@code prox_{τf}(v)} as autodiff operations with vector-Jacobian
 * (reverse) and Jacobian-vector (forward) products with respect to the input {@code v} and to the
 * parameters of {@code f} (thresholds, step, weights, bounds, radii), so that unrolled networks can
 * learn them. {@link dev.fixpoint.operators.prox.diff.DifferentiableProx} is the facade; the
 * operations themselves are package-private {@link dev.fixpoint.autodiff.Op}s.
 *
 * <p>Proximal maps are piecewise smooth: derivatives exist almost everywhere. At a kink the
 * one-sided derivative of the <em>active</em> side is taken — the side where the constraint,
 * threshold or clipping is in force (an element exactly at a threshold counts as thresholded, an
 * element exactly on a bound as clamped, a point exactly on a ball's sphere as projected). Each
 * method states its convention.
 */
package dev.fixpoint.operators.prox.diff;
