package dev.fixpoint.solvers;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an iterative solver returns: the solution (the last iterate, also when not converged), the
 * status, the number of iterations done, the stopping reason in words, the objective and residual
 * after each iteration (index {@code k − 1} for iteration {@code k}; empty when history was off),
 * the wall-clock time, and named auxiliary variables (for example {@code "dual"} for primal–dual
 * methods). Immutable; the arrays and tensors returned are copies or owned by the result and
 * must not be modified.
 */
public final class SolverResult {
    private final String solver;
    private final Tensor solution;
    private final SolverStatus status;
    private final int iterations;
    private final String stoppingReason;
    private final double[] objectiveHistory;
    private final double[] residualHistory;
    private final double elapsedSeconds;
    private final Map<String, Tensor> auxiliary;

    /** Used by {@link IterationMonitor#result}; solvers normally do not call it directly. */
    public SolverResult(String solver, Tensor solution, SolverStatus status, int iterations, String stoppingReason,
                        double[] objectiveHistory, double[] residualHistory, double elapsedSeconds,
                        Map<String, Tensor> auxiliary) {
        this.solver = solver;
        this.solution = solution;
        this.status = status;
        this.iterations = iterations;
        this.stoppingReason = stoppingReason;
        this.objectiveHistory = objectiveHistory.clone();
        this.residualHistory = residualHistory.clone();
        this.elapsedSeconds = elapsedSeconds;
        this.auxiliary = Collections.unmodifiableMap(new LinkedHashMap<>(auxiliary));
    }

    public String solver() {
        return solver;
    }

    /** @return the final iterate (the best one only where the solver says so) */
    public Tensor solution() {
        return solution;
    }

    public SolverStatus status() {
        return status;
    }

    public boolean converged() {
        return status.isConverged();
    }

    /** @return iterations completed */
    public int iterations() {
        return iterations;
    }

    /** @return why the solver stopped, e.g. "relative change 8.1e-09 <= tol 1e-08 at iteration 412" */
    public String stoppingReason() {
        return stoppingReason;
    }

    /** @return objective after each iteration (a copy); NaN entries where none was computed */
    public double[] objectiveHistory() {
        return objectiveHistory.clone();
    }

    /** @return residual after each iteration (a copy) */
    public double[] residualHistory() {
        return residualHistory.clone();
    }

    /** @return the last recorded objective, or NaN */
    public double finalObjective() {
        return objectiveHistory.length == 0 ? Double.NaN : objectiveHistory[objectiveHistory.length - 1];
    }

    /** @return the last recorded residual, or NaN */
    public double finalResidual() {
        return residualHistory.length == 0 ? Double.NaN : residualHistory[residualHistory.length - 1];
    }

    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /** @return the auxiliary variable, e.g. {@code "dual"} */
    public Tensor auxiliary(String name) {
        Tensor t = auxiliary.get(name);
        if (t == null) {
            throw new IllegalArgumentException("[fixpoint/UnknownName] " + solver + " result has no auxiliary '"
                    + name + "'; known: " + auxiliary.keySet());
        }
        return t;
    }

    public Map<String, Tensor> auxiliaries() {
        return auxiliary;
    }

    /**
     * @return this result when converged
     * @throws FixpointException {@code [fixpoint/NoConvergence]} naming the status and reason otherwise
     */
    public SolverResult requireConverged() {
        if (!converged()) {
            throw new FixpointException("NoConvergence", solver + " ended " + status + " after " + iterations
                    + " iterations: " + stoppingReason);
        }
        return this;
    }

    @Override
    public String toString() {
        return solver + ": " + status + " after " + iterations + " iterations (" + stoppingReason + "), "
                + String.format("%.3f s", elapsedSeconds)
                + (residualHistory.length > 0 ? ", final residual " + finalResidual() : "")
                + (auxiliary.isEmpty() ? "" : ", auxiliary " + Arrays.toString(auxiliary.keySet().toArray()));
    }
}
