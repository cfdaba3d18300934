package dev.fixpoint.bio.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All starts of a {@link MultiStart} run: in start order, in waterfall order (best first), the best start and the
 * number of starts that reached the best value within a tolerance.
 */
public final class MultiStartResult {

    private static final Comparator<StartResult> WATERFALL = Comparator
            .comparingDouble((StartResult s) -> Double.isNaN(s.value()) ? Double.POSITIVE_INFINITY : s.value())
            .thenComparingInt(StartResult::index);

    private final List<StartResult> starts;
    private final double wallSeconds;

    /**
     * @param starts      one result per start, in start order (index 0 … k−1); copied
     * @param wallSeconds wall time of the run in seconds (resumed starts excluded)
     */
    public MultiStartResult(List<StartResult> starts, double wallSeconds) {
        this.starts = List.copyOf(starts);
        this.wallSeconds = wallSeconds;
    }

    /** @return the starts in start order; unmodifiable */
    public List<StartResult> starts() {
        return starts;
    }

    /** @return the starts sorted by objective value, best first, NaN values last (the waterfall plot's order) */
    public List<StartResult> sorted() {
        List<StartResult> sorted = new ArrayList<>(starts);
        sorted.sort(WATERFALL);
        return List.copyOf(sorted);
    }

    /** @return the start with the lowest finite objective value (whatever its status), if any */
    public Optional<StartResult> best() {
        return starts.stream().filter(s -> Double.isFinite(s.value())).min(WATERFALL);
    }

    /**
     * @param delta tolerance on the objective (≥ 0), e.g. 0.1 for a negative log-likelihood
     * @return the number of starts whose value is ≤ best + delta (0 if no start has a finite value)
     */
    public int countWithin(double delta) {
        Optional<StartResult> best = best();
        if (best.isEmpty()) {
            return 0;
        }
        double limit = best.get().value() + delta;
        return (int) starts.stream().filter(s -> s.value() <= limit).count();
    }

    /** @return the number of starts with status {@link OptimizerStatus#FAILED} */
    public int failedCount() {
        return (int) starts.stream().filter(s -> s.status() == OptimizerStatus.FAILED).count();
    }

    /** @return total objective evaluations over all starts */
    public long evaluations() {
        return starts.stream().mapToLong(StartResult::evaluations).sum();
    }

    /** @return wall time of this run in seconds (starts loaded from a resumed file took none) */
    public double wallSeconds() {
        return wallSeconds;
    }
}
