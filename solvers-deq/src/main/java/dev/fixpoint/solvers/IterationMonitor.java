package dev.fixpoint.solvers;

import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * The stopping rules of {@link StoppingCriteria}, applied in one place. A solver creates one
 * monitor per run, calls {@link #record} after each iteration and stops when it returns a status;
 * then builds its result with {@link #result}.
 *
 * <p>Order of tests in {@link #record}: non-finite objective or residual → {@code DIVERGED}
 * ("non-finite residual at iteration k"); residual above the divergence bound → {@code DIVERGED};
 * residual ≤ tolerance → {@code CONVERGED}; iteration limit → {@code MAX_ITERATIONS}; time limit
 * → {@code TIME_LIMIT}. A solver can also stop itself with {@link #stop} (for example
 * {@code BREAKDOWN}, or {@code DIVERGED} with a cause such as a step size above 2/L).
 *
 * <p>Not thread-safe: one monitor per run.
 */
public final class IterationMonitor {
    private final String solver;
    private final StoppingCriteria criteria;
    private final IterationListener listener;
    private final long startNanos;
    private double[] objective;
    private double[] residual;
    private int count;
    private double firstResidual = Double.NaN;
    private SolverStatus status;
    private String reason;

    /**
     * @param solver   the solver's name, used in reasons and passed to the listener
     * @param criteria when to stop
     * @param listener observer ({@link IterationListener#NONE} for none)
     */
    public IterationMonitor(String solver, StoppingCriteria criteria, IterationListener listener) {
        this.solver = solver;
        this.criteria = criteria;
        this.listener = listener == null ? IterationListener.NONE : listener;
        int capacity = criteria.recordHistory() ? Math.min(criteria.maxIterations(), 1024) : 0;
        this.objective = new double[capacity];
        this.residual = new double[capacity];
        this.startNanos = System.nanoTime();
    }

    /** Records an iteration without an objective; see {@link #record(int, double, double)}. */
    public SolverStatus record(int iteration, double residualValue) {
        return record(iteration, Double.NaN, residualValue, false);
    }

    /**
     * Records the values after iteration {@code iteration} (1-based, increasing) and applies the
     * stopping tests.
     *
     * @return {@code null} to continue, or the status to stop with (the reason is then set)
     */
    public SolverStatus record(int iteration, double objectiveValue, double residualValue) {
        return record(iteration, objectiveValue, residualValue, true);
    }

    private SolverStatus record(int iteration, double objectiveValue, double residualValue, boolean hasObjective) {
        if (criteria.recordHistory()) {
            if (count == objective.length) {
                int grown = Math.max(16, count * 2);
                objective = Arrays.copyOf(objective, grown);
                residual = Arrays.copyOf(residual, grown);
            }
            objective[count] = objectiveValue;
            residual[count] = residualValue;
        }
        count = iteration;
        if (Double.isNaN(firstResidual)) {
            firstResidual = residualValue;
        }
        SolverStatus decided = decide(iteration, objectiveValue, residualValue, hasObjective);
        listener.onIteration(solver, iteration, objectiveValue, residualValue);
        return decided;
    }

    private SolverStatus decide(int iteration, double objectiveValue, double residualValue, boolean hasObjective) {
        if (!Double.isFinite(residualValue) || (hasObjective && !Double.isFinite(objectiveValue))) {
            String what = !Double.isFinite(residualValue) ? "residual " + residualValue : "objective " + objectiveValue;
            return stop(SolverStatus.DIVERGED, "non-finite " + what + " at iteration " + iteration);
        }
        double bound = criteria.divergenceFactor() * Math.max(Math.abs(firstResidual), 1.0);
        if (residualValue > bound) {
            return stop(SolverStatus.DIVERGED, String.format("residual %.3g exceeds %.3g (divergence factor %.3g × first residual %.3g) at iteration %d",
                    residualValue, bound, criteria.divergenceFactor(), firstResidual, iteration));
        }
        if (residualValue <= criteria.tolerance()) {
            return stop(SolverStatus.CONVERGED, String.format("residual %.3g <= tol %.3g at iteration %d",
                    residualValue, criteria.tolerance(), iteration));
        }
        if (iteration >= criteria.maxIterations()) {
            return stop(SolverStatus.MAX_ITERATIONS, String.format("iteration limit %d reached, residual %.3g > tol %.3g",
                    criteria.maxIterations(), residualValue, criteria.tolerance()));
        }
        if (criteria.timeLimit() != null && System.nanoTime() - startNanos > criteria.timeLimit().toNanos()) {
            return stop(SolverStatus.TIME_LIMIT, String.format("time limit %s reached at iteration %d, residual %.3g",
                    criteria.timeLimit(), iteration, residualValue));
        }
        return null;
    }

    /**
     * Stops the run with a status and reason decided by the solver itself.
     *
     * @return {@code status}, for {@code return monitor.stop(…)} style
     */
    public SolverStatus stop(SolverStatus status, String reason) {
        this.status = status;
        this.reason = reason;
        return status;
    }

    /** @return iterations recorded so far */
    public int iterations() {
        return count;
    }

    /** @return the stopping status, or {@code null} while running */
    public SolverStatus status() {
        return status;
    }

    public StoppingCriteria criteria() {
        return criteria;
    }

    /** @return seconds since the monitor was created */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /**
     * Builds the result. If no stopping test fired (the solver left its loop by itself), the status
     * is {@code MAX_ITERATIONS}.
     *
     * @param solution  the final iterate (owned by the result afterwards)
     * @param auxiliary named extra variables, e.g. {@code Map.of("dual", y)}
     */
    public SolverResult result(Tensor solution, Map<String, Tensor> auxiliary) {
        if (status == null) {
            stop(SolverStatus.MAX_ITERATIONS, "stopped after " + count + " iterations");
        }
        int kept = criteria.recordHistory() ? Math.min(count, objective.length) : 0;
        return new SolverResult(solver, solution, status, count, reason, Arrays.copyOf(objective, kept),
                Arrays.copyOf(residual, kept), elapsedSeconds(), auxiliary);
    }

    /** @return {@link #result(Tensor, Map)} without auxiliary variables */
    public SolverResult result(Tensor solution) {
        return result(solution, Map.of());
    }
}
