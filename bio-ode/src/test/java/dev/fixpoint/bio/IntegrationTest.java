package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.ode.OdeOptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Simulations of compiled reaction networks: Robertson and analytic solutions. */
class IntegrationTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void robertsonToOneE11() {
        CompiledNetwork net = Models.robertson().compile();
        Simulator sim = Simulator.of(net).options(OdeOptions.defaults().withTolerances(1e-8, 1e-12));
        Simulation s = sim.simulate(net.nominalParameters(), new double[]{40, 1e11});
        double[] y40 = s.states()[0];
        RESULTS.info("Robertson rodas4 rtol 1e-8 atol 1e-12: y(40) = ({}, {}, {}), to 1e11: {}", y40[0], y40[1], y40[2],
                s.statistics());
        assertEquals(0.7158, y40[0], 1e-4);
        assertEquals(9.185e-6, y40[1], 1e-9);
        assertEquals(0.2842, y40[2], 1e-4);
        double[] yEnd = s.states()[1];
        assertEquals(1.0, yEnd[0] + yEnd[1] + yEnd[2], 1e-8, "mass conservation");
        assertTrue(yEnd[2] > 0.9999 && yEnd[0] < 1e-4, "nearly all converted to C at 1e11");
        assertTrue(s.statistics().steps() < 5000, "steps " + s.statistics().steps());
    }

    @Test
    void stepInputMatchesAnalyticSolution() {
        CompiledNetwork net = Models.stepInput().compile();
        for (Simulator.Method m : Simulator.Method.values()) {
            Simulator sim = Simulator.of(net).method(m).options(OdeOptions.defaults().withTolerances(1e-9, 1e-12));
            Simulation s = sim.simulate(new double[]{1.0, 2.0, 0.5}, new double[]{1, 2, 3.5, 6});
            for (int i = 0; i < 4; i++) {
                double t = s.times()[i];
                double exact = 0.5 * Math.exp(-t) + (t >= 2 ? 2 * (1 - Math.exp(-(t - 2))) : 0);
                assertEquals(exact, s.states()[i][0], 1e-8, m + " at t=" + t);
            }
        }
    }

    @Test
    void reversibleReactionWithCompartmentsAndEvent() {
        // A <-> B in compartments of size 1 and 2 (amount rates): dA/dt = (-kf A + kb B)/1, dB/dt = (kf A - kb B)/2
        ReactionNetwork rn = ReactionNetwork.builder("rev").compartment("c1", 1).compartment("c2", 2)
                .parameter("kf", 2).parameter("kb", 1)
                .species("A", "c1", "1").species("B", "c2", "0")
                .reaction("f", "A -> B", "kf*A").reaction("b", "B -> A", "kb*B")
                .event(1.0, "A", "A + 1")
                .observable("total", "c1*A + c2*B").build();
        CompiledNetwork net = rn.compile();
        Simulation s = Simulator.of(net).simulate(net.nominalParameters(), new double[]{0.5, 1.0, 3.0});
        // amount conservation: A·1 + B·2 = 1 before the event, 2 after
        assertEquals(1.0, s.observables()[0][0], 1e-9);
        assertEquals(2.0, s.observables()[1][0], 1e-9);
        assertEquals(2.0, s.observables()[2][0], 1e-9);
        // before the event: A' = -2A + B, B' = A - B/2 with A + 2B = 1 → A' = -2.5 A + 0.5, A = 0.2 + 0.8 e^{-2.5t}
        assertEquals(0.2 + 0.8 * Math.exp(-1.25), s.states()[0][0], 1e-8);
    }
}
