package dev.fixpoint.bio.fit;

import java.util.List;

/**
 * The likelihood profile of one parameter and its confidence interval.
 *
 * @param parameter    index i of the profiled parameter
 * @param estimate     θ̂_i, its value at the optimum
 * @param optimumValue f̂, the objective at the optimum
 * @param threshold    the Δ-objective that defines the interval
 * @param points       the profile, sorted by θ (the optimum included, with Δ = 0); unmodifiable
 * @param lowerReached true when the lower side rose above the threshold (closed interval end)
 * @param upperReached true when the upper side rose above the threshold
 * @param lower        lower interval end by linear interpolation of Δ at the threshold; −∞ when not reached (open)
 * @param upper        upper interval end; +∞ when not reached (open)
 * @param seconds      wall time in seconds
 */
public record Profile(int parameter, double estimate, double optimumValue, double threshold, List<ProfilePoint> points,
        boolean lowerReached, boolean upperReached, double lower, double upper, double seconds) {

    /** Makes the point list unmodifiable. */
    public Profile {
        points = List.copyOf(points);
    }

    /** @return the total number of objective evaluations over all points */
    public long evaluations() {
        return points.stream().mapToLong(ProfilePoint::evaluations).sum();
    }
}
