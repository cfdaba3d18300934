package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.ode.IntegratorStatistics;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import org.junit.jupiter.api.Test;

/** Steady states: Newton, the integration fallback, implicit sensitivities, singular Jacobians. */
class SteadyStateTest {
    private static final OdeOptions OPT = OdeOptions.defaults().withTolerances(1e-10, 1e-12);

    @Test
    void newtonFailsAtASingularStartAndIntegrationTakesOver() {
        // production p0, degradation k·x²: x_ss = sqrt(p0/k); J = −2kx is singular at x0 = 0
        CompiledNetwork net = ReactionNetwork.builder("quadratic").parameter("p0", 2).parameter("k", 0.5)
                .species("x", 0).reaction("prod", "-> x", "p0").reaction("deg", "x ->", "k*x^2").build().compile();
        SteadyState ss = SteadyState.solve(net, new double[]{0}, 0, OPT, new IntegratorStatistics());
        assertTrue(ss.integrated(), "the fallback integration was used");
        assertEquals(2.0, ss.state()[0], 1e-9);
        // implicit sensitivities: dx/dp0 = 1/(2 sqrt(p0 k)) = 0.5, dx/dk = −sqrt(p0)/(2 k^1.5) = −2
        double[] s = ss.sensitivities(net);
        assertEquals(0.5, s[0], 1e-9);
        assertEquals(-2.0, s[1], 1e-9);
    }

    @Test
    void newtonAloneFromAGoodStart() {
        CompiledNetwork net = ReactionNetwork.builder("linear").parameter("a", 3).parameter("b", 1.5)
                .species("x", 0.3).reaction("prod", "-> x", "a").reaction("deg", "x ->", "b*x").build().compile();
        SteadyState ss = SteadyState.solve(net, new double[]{0.3}, 0, OPT, new IntegratorStatistics());
        assertFalse(ss.integrated());
        assertEquals(2.0, ss.state()[0], 1e-12);
    }

    @Test
    void conservationLawGivesASingularJacobianError() {
        CompiledNetwork net = ReactionNetwork.builder("conserved").parameter("kf", 1).parameter("kb", 2)
                .species("A", 1).species("B", 0)
                .massAction("f", "A -> B", "kf").massAction("b", "B -> A", "kb").build().compile();
        FixpointException e = assertThrows(FixpointException.class, () -> Simulator.of(net).preequilibrate(true)
                .simulate(net.nominalParameters(), new double[]{1}));
        assertTrue(e.getMessage().startsWith("[fixpoint/SteadyState"), e.getMessage());
    }
}
