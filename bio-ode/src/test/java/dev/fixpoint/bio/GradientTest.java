package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.ode.OdeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward and adjoint gradients at rtol 1e-8, atol 1e-12 against central finite differences of the
 * objective computed at rtol 1e-12 (so that integration noise stays far below the FD truncation
 * error). Error measure: max_k |g_k − fd_k| / max_k |fd_k| ≤ 1e-5.
 */
class GradientTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final OdeOptions WORK = OdeOptions.defaults().withTolerances(1e-8, 1e-12);
    private static final OdeOptions REFERENCE = OdeOptions.defaults().withTolerances(1e-12, 1e-15);

    static double[] centralDifferences(Simulator sim, double[] p, List<Measurement> data) {
        double[] g = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double h = 1e-4 * Math.max(Math.abs(p[k]), 1e-2);
            double[] a = p.clone();
            double[] b = p.clone();
            a[k] += h;
            b[k] -= h;
            g[k] = (sim.objective(a, data) - sim.objective(b, data)) / (2 * h);
        }
        return g;
    }

    static double relativeError(double[] g, double[] ref) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < g.length; k++) {
            num = Math.max(num, Math.abs(g[k] - ref[k]));
            den = Math.max(den, Math.abs(ref[k]));
        }
        return num / den;
    }

    private static List<Measurement> data(CompiledNetwork net, double[] p, String obs, double[] times, double factor,
                                          boolean preeq) {
        Simulation s = Simulator.of(net).preequilibrate(preeq).options(REFERENCE).simulate(p, times);
        int q = net.observableIndex(obs);
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            out.add(new Measurement(obs, s.times()[i], factor * s.observables()[i][q] + 0.01 * i, 0.5 + 0.1 * i));
        }
        return out;
    }

    private void check(String name, CompiledNetwork net, double[] p, List<Measurement> data, boolean preeq) {
        double[] fd = centralDifferences(Simulator.of(net).preequilibrate(preeq).options(REFERENCE), p, data);
        for (Checkpointing cp : Checkpointing.values()) {
            Simulator sim = Simulator.of(net).preequilibrate(preeq).options(WORK).checkpointing(cp);
            ObjectiveGradient fwd = sim.gradient(p, data, GradientMethod.FORWARD);
            ObjectiveGradient adj = sim.gradient(p, data, GradientMethod.ADJOINT);
            double ef = relativeError(fwd.gradient(), fd);
            double ea = relativeError(adj.gradient(), fd);
            RESULTS.info("{} ({}): forward rel. error {}, adjoint rel. error {} vs central FD; gradient {}", name, cp, ef, ea,
                    Arrays.toString(fd));
            assertTrue(ef <= 1e-5, name + " forward " + ef + " " + Arrays.toString(fwd.gradient()) + " fd " + Arrays.toString(fd));
            assertTrue(ea <= 1e-5, name + " adjoint " + ea + " " + Arrays.toString(adj.gradient()) + " fd " + Arrays.toString(fd));
            // two different integrations (the forward one also controls the sensitivity error): agree to integration accuracy
            assertEquals(fwd.value(), adj.value(), 1e-7 * Math.max(1, fwd.value()));
        }
    }

    @Test
    void stepInputAcrossTheDiscontinuity() {
        CompiledNetwork net = Models.stepInput().compile();
        double[] p = {0.8, 2.0, 0.5};
        check("step input", net, p, data(net, p, "y", new double[]{0.5, 1.5, 2.5, 3, 4, 6}, 1.1, false), false);
    }

    @Test
    void michaelisMenten() {
        CompiledNetwork net = Models.michaelisMenten().compile();
        double[] p = net.nominalParameters();
        List<Measurement> d = new ArrayList<>(data(net, p, "Pobs", new double[]{0.5, 1, 2, 4, 8}, 1.1, false));
        d.addAll(data(net, p, "Sobs", new double[]{1, 3}, 0.9, false));
        check("michaelis-menten", net, p, d, false);
    }

    @Test
    void eventWithParameterDependentBolus() {
        ReactionNetwork rn = ReactionNetwork.builder("bolus")
                .parameter("k", 0.7).parameter("dose", 1.5).parameter("kab", 2.0)
                .species("G", 0.0).species("B", 0.0)
                .event(1.0, "G", "G + dose")
                .massAction("abs", "G -> B", "kab")
                .massAction("el", "B ->", "k")
                .observable("blood", "B").build();
        CompiledNetwork net = rn.compile();
        double[] p = net.nominalParameters();
        check("bolus event", net, p, data(net, p, "blood", new double[]{0.5, 1.0, 1.5, 2, 3, 5}, 1.2, false), false);
    }

    @Test
    void throughPreequilibration() {
        // production k1·(1 + s·u(t)) with u a step at t = 1; degradation k2·x; activation of y by x (Hill)
        ReactionNetwork rn = ReactionNetwork.builder("preeq")
                .parameter("k1", 1.0).parameter("k2", 0.5).parameter("s", 2.0).parameter("v", 1.0).parameter("K", 1.5)
                .parameter("kd", 0.8)
                .species("x", 0.1).species("y", 0.0)
                .assignmentRule("u", "piecewise(1, time >= 1, 0)")
                .reaction("prod", "-> x", "k1*(1 + s*u)")
                .massAction("deg", "x ->", "k2")
                .hill("act", "-> y", "v", "K", "2", "x")
                .massAction("ydeg", "y ->", "kd")
                .observable("yobs", "y").observable("xobs", "x").build();
        CompiledNetwork net = rn.compile();
        double[] p = net.nominalParameters();
        Simulation s = Simulator.of(net).preequilibrate(true).simulate(p, new double[]{0, 0.5});
        assertEquals(2.0, s.states()[0][0], 1e-9, "steady state x = k1/k2 before the step");
        assertEquals(2.0, s.states()[1][0], 1e-9, "stays there until the step");
        List<Measurement> d = new ArrayList<>(data(net, p, "yobs", new double[]{0.5, 1.5, 2, 4}, 1.1, true));
        d.addAll(data(net, p, "xobs", new double[]{0, 3}, 0.9, true));
        check("pre-equilibration", net, p, d, true);
    }

    @Test
    void autoChoosesByParameterCount() {
        CompiledNetwork net = Models.michaelisMenten().compile();
        assertEquals(GradientMethod.FORWARD, Simulator.of(net).autoCrossover(4).resolve(GradientMethod.AUTO));
        assertEquals(GradientMethod.ADJOINT, Simulator.of(net).autoCrossover(3).resolve(GradientMethod.AUTO));
        assertEquals(GradientMethod.ADJOINT, Simulator.of(net).autoCrossover(0).resolve(GradientMethod.ADJOINT));
    }
}
