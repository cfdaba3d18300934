package dev.fixpoint.solvers.suites;

import com.google.inject.Module;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.solvers.fixedpoint.FixedPointModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code solvers} plugin: its suites (sparse recovery, AMP state evolution, phase transition,
 * plug-and-play, equilibrium layers, lasso hyperparameters) and the Guice registry of fixed-point
 * solvers by name ({@link FixedPointModule}). Registered in {@code META-INF/services/dev.fixpoint.core.spi.FixpointPlugin}.
 */
public final class SolversPlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "solvers";
    }

    @Override
    public String description() {
        return "iterative solvers, AMP and state evolution, unrolled networks (LISTA family) with training, "
                + "fixed-point solvers and equilibrium layers, implicit differentiation and bilevel hypergradients";
    }

    @Override
    public List<Module> modules() {
        return List.of(new FixedPointModule());
    }

    @Override
    public List<Suite> suites() {
        List<Suite> suites = new ArrayList<>();
        // one line per suite; keep alphabetical
        suites.add(new AmpStateEvolutionSuite());
        suites.add(new DeqSuite());
        suites.add(new HyperparameterLassoSuite());
        suites.add(new IstaFistaSuite());
        suites.add(new PhaseTransitionSuite());
        suites.add(new PlugAndPlaySuite());
        suites.add(new SparseRecoverySuite());
        return List.copyOf(suites);
    }
}
