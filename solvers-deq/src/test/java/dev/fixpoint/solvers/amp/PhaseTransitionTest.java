package dev.fixpoint.solvers.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PhaseTransitionTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void matchesTheDonohoTannerValues() {
        double[] deltas = {0.25, 0.5, 0.75};
        double[] expected = {0.2674, 0.3857, 0.5337};
        for (int i = 0; i < deltas.length; i++) {
            PhaseTransition.Point p = PhaseTransition.at(deltas[i]);
            RESULTS.info("rho_SE({}) = {}  optimal alpha = {}", deltas[i], String.format("%.6f", p.rho()), String.format("%.6f", p.alpha()));
            assertEquals(expected[i], p.rho(), 1e-4);
        }
    }

    @Test
    void optimalAlphaMaximisesAndIsInterior() {
        PhaseTransition.Point p = PhaseTransition.at(0.5);
        for (double d : new double[]{-0.05, 0.05, -0.5, 0.5}) {
            assertTrue(PhaseTransition.rho(0.5, p.alpha() + d) < p.rho());
        }
        assertTrue(p.alpha() > 0.5 && p.alpha() < 2, "alpha* " + p.alpha());
    }

    @Test
    void agreesWithNoiselessStateEvolution() {
        // below ρ(δ, α) the noiseless SE goes to 0, above it stalls at a positive MSE
        double delta = 0.5;
        PhaseTransition.Point p = PhaseTransition.at(delta);
        StateEvolution below = new StateEvolution(delta, (p.rho() - 0.02) * delta, p.alpha(), 0);
        StateEvolution above = new StateEvolution(delta, (p.rho() + 0.02) * delta, p.alpha(), 0);
        double[] nb = below.run(3000).nmse();
        double[] na = above.run(3000).nmse();
        assertTrue(nb[2999] < 1e-20, "below the transition: " + nb[2999]);
        assertTrue(na[2999] > 1e-8, "above the transition: " + na[2999]);
    }

    @Test
    void rejectsDeltaOutsideTheUnitInterval() {
        FixpointException e = assertThrows(FixpointException.class, () -> PhaseTransition.rho(1.0));
        assertTrue(e.getMessage().contains("(0, 1)") && e.getMessage().contains("1.0"), e.getMessage());
        assertThrows(FixpointException.class, () -> PhaseTransition.rho(0.5, -1));
    }
}
