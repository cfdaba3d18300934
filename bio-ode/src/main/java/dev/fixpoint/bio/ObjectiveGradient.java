package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.IntegratorStatistics;

/**
 * Value and gradient of the measurement objective ½ Σ ((y − d)/σ)².
 *
 * @param value      the objective
 * @param gradient   d objective / d p, in parameter declaration order
 * @param method     the method used (never AUTO)
 * @param statistics integrator counters (forward and backward passes together)
 */
public record ObjectiveGradient(double value, double[] gradient, GradientMethod method, IntegratorStatistics statistics) {
}
