package dev.fixpoint.bio;

import dev.fixpoint.bio.suites.OdeSensitivitySuite;
import dev.fixpoint.bio.suites.PetabBenchmarkSuite;
import dev.fixpoint.bio.suites.PetabSuite;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.List;

/**
 * The {@code bio-ode} plugin: reaction-network models, stiff and non-stiff integrators, forward and
 * adjoint sensitivities, SBML/PEtab calibration; contributes the {@code ode-sensitivity}, {@code petab-benchmark}
 * and {@code petab} suites. Registered in
 * {@code META-INF/services/dev.fixpoint.core.spi.FixpointPlugin}.
 */
public final class BioOdePlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "bio-ode";
    }

    @Override
    public String description() {
        return "reaction-network ODE models, DOPRI5 and RODAS4 integrators, forward and adjoint sensitivities, steady states";
    }

    @Override
    public List<Suite> suites() {
        return List.of(new OdeSensitivitySuite(), new PetabBenchmarkSuite(), new PetabSuite());
    }
}
