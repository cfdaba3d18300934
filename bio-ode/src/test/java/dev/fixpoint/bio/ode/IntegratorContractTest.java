package dev.fixpoint.bio.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every integrator against analytic solutions, at the requested tolerance (global error within 100·rtol of scale). */
class IntegratorContractTest {

    static Stream<Arguments> integrators() {
        Function<OdeOptions, OdeIntegrator> dopri = DormandPrince54::new;
        Function<OdeOptions, OdeIntegrator> rodas = RosenbrockIntegrator::new;
        return Stream.of(Arguments.of("dopri5", dopri), Arguments.of("rodas4", rodas));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void exponentialDecay(String name, Function<OdeOptions, OdeIntegrator> make) {
        for (double rtol : new double[]{1e-4, 1e-8}) {
            OdeIntegrator in = make.apply(OdeOptions.defaults().withTolerances(rtol, rtol * 1e-3));
            double[] y = {2.0};
            in.integrate(new LinearTestSystem(new double[][]{{-0.7}}), 0, y, 5, 0, StepObserver.NONE);
            double exact = 2 * Math.exp(-3.5);
            assertEquals(exact, y[0], 100 * rtol * exact, name + " rtol " + rtol);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void linearSystemMatchesMatrixExponential(String name, Function<OdeOptions, OdeIntegrator> make) {
        // A = [[-1, 2], [-2, -1]]: exp(At) = e^{-t} [[cos 2t, sin 2t], [-sin 2t, cos 2t]]
        OdeIntegrator in = make.apply(OdeOptions.defaults().withTolerances(1e-9, 1e-12));
        double[] y = {1.0, 0.5};
        double t = 3.0;
        in.integrate(new LinearTestSystem(new double[][]{{-1, 2}, {-2, -1}}), 0, y, t, 0, StepObserver.NONE);
        double e = Math.exp(-t);
        double c = Math.cos(2 * t);
        double s = Math.sin(2 * t);
        assertEquals(e * (c * 1.0 + s * 0.5), y[0], 1e-7 * e);
        assertEquals(e * (-s * 1.0 + c * 0.5), y[1], 1e-7 * e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void reversibleReactionAndDenseOutput(String name, Function<OdeOptions, OdeIntegrator> make) {
        // A <-> B with kf = 2, kb = 1, A(0) = 1, B(0) = 0: A(t) = 1/3 + 2/3 e^{-3t}
        OdeIntegrator in = make.apply(OdeOptions.defaults().withTolerances(1e-8, 1e-12));
        double[] y = {1.0, 0.0};
        double[] worst = {0};
        double[] buf = new double[2];
        in.integrate(new LinearTestSystem(new double[][]{{-2, 1}, {2, -1}}), 0, y, 4, 0, step -> {
            for (int k = 1; k < 4; k++) {
                double tm = step.t0() + k * (step.t1() - step.t0()) / 4;
                step.interpolate(tm, buf);
                worst[0] = Math.max(worst[0], Math.abs(buf[0] - (1.0 / 3 + 2.0 / 3 * Math.exp(-3 * tm))));
            }
        });
        assertEquals(1.0 / 3 + 2.0 / 3 * Math.exp(-12), y[0], 1e-7);
        assertEquals(1.0, y[0] + y[1], 1e-12, "mass is conserved");
        assertTrue(worst[0] < 1e-6, name + " dense output error " + worst[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void nonAutonomousForcing(String name, Function<OdeOptions, OdeIntegrator> make) {
        // y' = -y + sin t, y(0) = 0: y = (sin t - cos t + e^{-t}) / 2
        OdeIntegrator in = make.apply(OdeOptions.defaults().withTolerances(1e-9, 1e-12));
        double[] y = {0};
        in.integrate(new LinearTestSystem(new double[][]{{-1}}, Math::sin), 0, y, 6, 0, StepObserver.NONE);
        assertEquals((Math.sin(6) - Math.cos(6) + Math.exp(-6)) / 2, y[0], 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void landsExactlyOnTheEndTimeAndCountsSteps(String name, Function<OdeOptions, OdeIntegrator> make) {
        OdeIntegrator in = make.apply(OdeOptions.defaults());
        double[] last = {0};
        double[] y = {1};
        in.integrate(new LinearTestSystem(new double[][]{{-1}}), 0, y, 0.3, 0, step -> last[0] = step.t1());
        assertEquals(0.3, last[0], 0.0);
        assertTrue(in.statistics().steps() > 0 && in.statistics().rhsEvaluations() > in.statistics().steps());
    }
}
