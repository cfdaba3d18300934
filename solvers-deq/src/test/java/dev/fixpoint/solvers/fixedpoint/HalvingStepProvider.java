package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider;

/** A third-party solver registered through ServiceLoader in the test resources: Picard with damping ½. */
public final class HalvingStepProvider implements FixedPointSolverProvider {
    @Override
    public String name() {
        return "test-halving";
    }

    @Override
    public FixedPointSolver create(FixedPointSettings settings) {
        return new PicardIteration(settings.withDamping(0.5));
    }
}
