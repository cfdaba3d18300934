package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import java.util.List;

/**
 * What a batched fixed-point solve returns: the solution {@code [d, B]} and, per sample (column),
 * a {@link SolverResult} (status, iterations, stopping reason, residual after each iteration), the
 * number of map evaluations, and the final and lowest residual. For a sample that did not converge
 * the solution column is its lowest-residual iterate. Immutable.
 */
public final class FixedPointResult {
    private final String solver;
    private final Tensor solution;
    private final List<SolverResult> samples;
    private final int[] evaluations;
    private final double[] lowestResidual;
    private final double elapsedSeconds;

    FixedPointResult(String solver, Tensor solution, List<SolverResult> samples, int[] evaluations,
                     double[] lowestResidual, double elapsedSeconds) {
        this.solver = solver;
        this.solution = solution;
        this.samples = List.copyOf(samples);
        this.evaluations = evaluations.clone();
        this.lowestResidual = lowestResidual.clone();
        this.elapsedSeconds = elapsedSeconds;
    }

    /** @return the solver's name */
    public String solver() {
        return solver;
    }

    /** @return the solution {@code [d, B]} (owned by the result; do not modify) */
    public Tensor solution() {
        return solution;
    }

    /** @return B, the number of samples */
    public int batchSize() {
        return samples.size();
    }

    /** @return the per-sample result of sample {@code s} (its solution is that sample's column) */
    public SolverResult sample(int s) {
        return samples.get(s);
    }

    /** @return the status of sample {@code s} */
    public SolverStatus status(int s) {
        return samples.get(s).status();
    }

    /** @return iterations done by sample {@code s} */
    public int iterations(int s) {
        return samples.get(s).iterations();
    }

    /** @return evaluations of the map spent on sample {@code s} (counting rejected trial points) */
    public int evaluations(int s) {
        return evaluations[s];
    }

    /** @return the sum of the per-sample evaluations */
    public long totalEvaluations() {
        long t = 0;
        for (int e : evaluations) {
            t += e;
        }
        return t;
    }

    /** @return the residual of sample {@code s} at its last evaluation */
    public double finalResidual(int s) {
        return samples.get(s).finalResidual();
    }

    /** @return the lowest residual sample {@code s} reached (that of its returned iterate) */
    public double lowestResidual(int s) {
        return lowestResidual[s];
    }

    /** @return the largest lowest-residual over the batch */
    public double maxResidual() {
        double m = 0;
        for (double r : lowestResidual) {
            m = Math.max(m, r);
        }
        return m;
    }

    /** @return the residual of sample {@code s} after each iteration (a copy; empty when history was off) */
    public double[] residualHistory(int s) {
        return samples.get(s).residualHistory();
    }

    /** @return whether every sample converged */
    public boolean converged() {
        return samples.stream().allMatch(SolverResult::converged);
    }

    /**
     * @return the batch status: {@code CONVERGED} when every sample converged, else the most severe
     *         status of a sample (DIVERGED, BREAKDOWN, TIME_LIMIT, MAX_ITERATIONS in that order)
     */
    public SolverStatus status() {
        SolverStatus[] severity = {SolverStatus.DIVERGED, SolverStatus.BREAKDOWN, SolverStatus.TIME_LIMIT,
            SolverStatus.MAX_ITERATIONS};
        for (SolverStatus s : severity) {
            if (samples.stream().anyMatch(r -> r.status() == s)) {
                return s;
            }
        }
        return SolverStatus.CONVERGED;
    }

    /** @return wall-clock seconds of the solve */
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /**
     * @return this result when every sample converged
     * @throws FixpointException {@code [fixpoint/NoConvergence]} naming the first failing sample, its
     *         status, reason and lowest residual
     */
    public FixedPointResult requireConverged() {
        for (int s = 0; s < samples.size(); s++) {
            SolverResult r = samples.get(s);
            if (!r.converged()) {
                throw new FixpointException("NoConvergence", solver + ": sample " + s + " of " + samples.size()
                        + " ended " + r.status() + " after " + r.iterations() + " iterations (" + r.stoppingReason()
                        + "), lowest residual " + lowestResidual[s]);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        long conv = samples.stream().filter(SolverResult::converged).count();
        return solver + ": " + status() + ", " + conv + "/" + samples.size() + " samples converged, "
                + totalEvaluations() + " evaluations, max lowest residual " + maxResidual()
                + String.format(", %.3f s", elapsedSeconds);
    }
}
