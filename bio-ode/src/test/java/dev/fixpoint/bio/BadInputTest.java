package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gives clear errors naming the time and the component. */
class BadInputTest {

    @Test
    void parameterOutsideItsDomainIsNamed() {
        CompiledNetwork net = Models.michaelisMenten().compile();
        FixpointException e = assertThrows(FixpointException.class,
                () -> Simulator.of(net).simulate(new double[]{1.2, -0.4, 0.1, 2.0}, new double[]{1}));
        assertTrue(e.getMessage().startsWith("[fixpoint/ParameterDomain] parameter 'Km' = -0.4")
                && e.getMessage().contains("[0.0, Infinity]"), e.getMessage());
        assertThrows(FixpointException.class, () -> ReactionNetwork.builder("m").parameter("a", 5, 0, 1));
    }

    @Test
    void unknownSpeciesAndSymbolsAreNamed() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> ReactionNetwork.builder("m").species("A", 1).massAction("r", "A -> Q", "1"));
        assertTrue(e.getMessage().startsWith("[fixpoint/UnknownSpecies] reaction 'r': unknown species 'Q'"), e.getMessage());
        ReactionNetwork rn = ReactionNetwork.builder("m").species("A", 1).reaction("r", "A ->", "kk*A").build();
        FixpointException s = assertThrows(FixpointException.class, rn::compile);
        assertTrue(s.getMessage().startsWith("[fixpoint/UnknownSymbol] rate of reaction 'r': unknown symbol 'kk'"), s.getMessage());
        FixpointException o = assertThrows(FixpointException.class, () -> Models.robertson().compile().observableIndex("nope"));
        assertTrue(o.getMessage().contains("'nope'") && o.getMessage().contains("obsB"), o.getMessage());
    }

    @Test
    void stepSizeUnderflowNamesTimeAndSpecies() {
        // X' = X²/k with X(0) = 1 blows up at t = k = 1
        ReactionNetwork rn = ReactionNetwork.builder("breakdown").species("Y", 0.0).species("X", 1.0)
                .parameter("k", 1).reaction("r", "-> X", "X^2/k").build();
        CompiledNetwork net = rn.compile();
        for (Simulator.Method m : Simulator.Method.values()) {
            FixpointException e = assertThrows(FixpointException.class,
                    () -> Simulator.of(net).method(m).options(OdeOptions.defaults()).simulate(net.nominalParameters(), new double[]{3}));
            assertTrue(e.getMessage().startsWith("[fixpoint/StepSizeUnderflow]") && e.getMessage().matches("(?s).*at t = (0\\.99|1\\.0).*")
                    && e.getMessage().contains("species X"), m + ": " + e.getMessage());
        }
    }

    @Test
    void measurementBeforeTheStartIsRejected() {
        CompiledNetwork net = Models.stepInput().compile();
        assertThrows(IllegalArgumentException.class, () -> Simulator.of(net).startTime(1).gradient(net.nominalParameters(),
                List.of(new Measurement("y", 0.5, 1, 1)), GradientMethod.ADJOINT));
        assertThrows(IllegalArgumentException.class, () -> new Measurement("y", 1, 1, 0));
    }
}
