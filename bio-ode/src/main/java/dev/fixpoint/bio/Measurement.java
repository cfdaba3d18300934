package dev.fixpoint.bio;

/**
 * One data point of an observable. The objective is ½ Σ ((y(t) − value)/sigma)².
 *
 * @param observable observable name
 * @param time       measurement time (≥ the start time of the simulation)
 * @param value      measured value
 * @param sigma      standard deviation, &gt; 0
 */
public record Measurement(String observable, double time, double value, double sigma) {
    /** Validates the values. */
    public Measurement {
        if (!(sigma > 0) || !Double.isFinite(time) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("[fixpoint/Measurement] need finite time and value and sigma > 0, got time="
                    + time + " value=" + value + " sigma=" + sigma + " for '" + observable + "'");
        }
    }
}
