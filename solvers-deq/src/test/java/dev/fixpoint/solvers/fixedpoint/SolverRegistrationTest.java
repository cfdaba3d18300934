package dev.fixpoint.solvers.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.suites.SolversPlugin;
import org.junit.jupiter.api.Test;

/** Solvers found through ServiceLoader and through the plugin's Guice modules. */
class SolverRegistrationTest {

    @Test
    void aServiceLoaderProviderIsCreatedByName() {
        assertTrue(FixedPointSolvers.names().contains("test-halving"), FixedPointSolvers.names().toString());
        FixedPointSolver s = FixedPointSolvers.create("test-halving", FixedPointSettings.of(1e-12, 200));
        assertEquals(0.5, s.settings().damping());
        FixedPointResult r = s.solve(FixedPointMap.columnwise(z -> z.mul(0.5).add(1.0)), Tensor.zeros(2, 2));
        assertTrue(r.converged());
        assertEquals(2.0, r.solution().get(0, 1), 1e-10);
    }

    @Test
    void thePluginBindsTheBuiltInSolvers() {
        FixedPointSolverRegistry registry = Guice.createInjector(new SolversPlugin().modules())
                .getInstance(FixedPointSolverRegistry.class);
        assertTrue(registry.names().containsAll(java.util.List.of("picard", "anderson", "broyden")));
    }
}
