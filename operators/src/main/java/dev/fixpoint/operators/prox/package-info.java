/**
 * Proximal functions of the library: concrete {@link dev.fixpoint.operators.ProximalFunction}s with
 * exact or iterative proximal maps, for example total variation in one
 * ({@link dev.fixpoint.operators.prox.TotalVariation1d}, exact) and two
 * (TotalVariation2d, dual iterative solver) dimensions.
 */
package dev.fixpoint.operators.prox;
