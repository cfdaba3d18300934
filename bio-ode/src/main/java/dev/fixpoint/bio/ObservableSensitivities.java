package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.IntegratorStatistics;

/**
 * The result of {@link Simulator#observableSensitivities}: observables and their total derivatives with respect to
 * the model parameters at the output times (forward sensitivities, including the start sensitivities and event
 * jumps), for Gauss–Newton / Levenberg–Marquardt Jacobians.
 *
 * @param times         output times (sorted ascending) [K]
 * @param observables   observables[k][q]: observable q at times[k] [K][observableCount]
 * @param sensitivities sensitivities[k][q][j]: d observable q / d parameter j at times[k]
 *                      [K][observableCount][parameterCount]
 * @param statistics    integrator counters of this run
 */
public record ObservableSensitivities(double[] times, double[][] observables, double[][][] sensitivities,
                                      IntegratorStatistics statistics) {
}
