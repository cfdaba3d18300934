package dev.fixpoint.bio.ode;

/** Counters of an integrator, accumulated over all calls until {@link #reset()}. Not thread-safe. */
public final class IntegratorStatistics {
    long steps;
    long rejectedSteps;
    long rhsEvaluations;
    long jacobianEvaluations;
    long factorisations;
    long linearSolves;

    /** @return accepted steps */
    public long steps() {
        return steps;
    }

    /** @return rejected steps (error test or singular matrix) */
    public long rejectedSteps() {
        return rejectedSteps;
    }

    /** @return right-hand-side evaluations */
    public long rhsEvaluations() {
        return rhsEvaluations;
    }

    /** @return Jacobian evaluations */
    public long jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /** @return LU factorisations */
    public long factorisations() {
        return factorisations;
    }

    /** @return solves with a factorisation (one per stage) */
    public long linearSolves() {
        return linearSolves;
    }

    /** Adds the counters of another instance into this one. @param other the counters to add */
    public void add(IntegratorStatistics other) {
        steps += other.steps;
        rejectedSteps += other.rejectedSteps;
        rhsEvaluations += other.rhsEvaluations;
        jacobianEvaluations += other.jacobianEvaluations;
        factorisations += other.factorisations;
        linearSolves += other.linearSolves;
    }

    /** Sets all counters to zero. */
    public void reset() {
        steps = rejectedSteps = rhsEvaluations = jacobianEvaluations = factorisations = linearSolves = 0;
    }

    @Override
    public String toString() {
        return "steps=" + steps + " rejected=" + rejectedSteps + " rhs=" + rhsEvaluations + " jacobians=" + jacobianEvaluations
                + " factorisations=" + factorisations + " solves=" + linearSolves;
    }
}
