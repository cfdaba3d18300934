package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.IntegratorStatistics;

/**
 * The result of {@link Simulator#simulate}: states and observables at the output times.
 *
 * @param times       output times (sorted, as requested)
 * @param states      states[i][j]: species j at times[i]
 * @param observables observables[i][q]: observable q at times[i]
 * @param statistics  integrator counters of this run
 */
public record Simulation(double[] times, double[][] states, double[][] observables, IntegratorStatistics statistics) {
}
