package dev.fixpoint.solvers.suites;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code solvers} plugin: the sparse-recovery, AMP state-evolution and phase-transition suites.
 * Registered in {@code META-INF/services/dev.fixpoint.core.spi.FixpointPlugin}.
 */
public final class SolversPlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "solvers";
    }

    @Override
    public String description() {
        return "iterative solvers, AMP and state evolution, unrolled networks (LISTA family) with training";
    }

    @Override
    public List<com.google.inject.Module> modules() {
        return List.of(new dev.fixpoint.solvers.fixedpoint.FixedPointModule());
    }

    @Override
    public List<Suite> suites() {
        List<Suite> suites = new ArrayList<>();
        // one line per suite; keep alphabetical
        suites.add(new AmpStateEvolutionSuite());
        suites.add(new DeqSuite());
        suites.add(new IstaFistaSuite());
        suites.add(new PhaseTransitionSuite());
        suites.add(new PlugAndPlaySuite());
        suites.add(new SparseRecoverySuite());
        return List.copyOf(suites);
    }
}
