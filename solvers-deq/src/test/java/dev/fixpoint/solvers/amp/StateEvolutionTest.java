package dev.fixpoint.solvers.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class StateEvolutionTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void predictsMinus30point78DecibelsAtIteration16() {
        StateEvolution se = new StateEvolution(0.5, 0.1, 1.5, 0);
        double db = se.predictedNmseDb(16);
        RESULTS.info("state evolution delta=0.5 eps=0.1 alpha=1.5 noiseless: NMSE(x^16) = {} dB", String.format("%.4f", db));
        assertEquals(-30.78, db, 0.2);
        // the first iterate in closed form: x¹ = η(X + τ₀Z; ατ₀) with τ₀² = ε/δ
        assertEquals(0.2, se.initialTauSquared(), 1e-15);
        assertEquals(se.mse(Math.sqrt(0.2)) / 0.1, se.run(1).nmse()[0], 1e-15);
    }

    @Test
    void trajectoryIndexIsTheIterationMinusOne() {
        StateEvolution se = new StateEvolution(0.5, 0.1, 1.5, 1e-4);
        StateEvolution.Trajectory tr = se.run(20);
        assertEquals(20, tr.tau().length);
        assertEquals(Math.sqrt(se.initialTauSquared()), tr.tau()[0], 0);
        for (int t = 1; t < 20; t++) {
            assertEquals(se.next(tr.tau()[t - 1] * tr.tau()[t - 1]), tr.tau()[t] * tr.tau()[t], 1e-15);
            assertEquals(se.mse(tr.tau()[t]) / 0.1, tr.nmse()[t], 1e-15);
            assertTrue(tr.nmse()[t] < tr.nmse()[t - 1], "monotone decrease from x⁰ = 0");
        }
        // with noise the fixed point keeps τ² above σ²
        assertTrue(tr.tau()[19] * tr.tau()[19] > 1e-4);
    }

    @Test
    void closedFormsMatchIndependentQuadrature() {
        double worst = 0;
        for (double tau : new double[]{1e-4, 0.05, 0.3, 1.0, 2.5}) {
            for (double alpha : new double[]{0.0, 0.7, 1.5, 3.0}) {
                double theta = alpha * tau;
                double zero = integrate(z -> sq(eta(tau * z, theta)) * phi(z), -12, 12, new double[]{-alpha, alpha});
                double gauss = integrate(x -> phi(x) * integrate(z -> sq(eta(x + tau * z, theta) - x) * phi(z), -12, 12,
                        new double[]{(-theta - x) / tau, (theta - x) / tau}), -12, 12, outerCuts(theta, tau));
                worst = Math.max(worst, Math.abs(zero - SoftThresholdRisk.atZero(tau, theta)) / Math.max(zero, 1e-300));
                worst = Math.max(worst, Math.abs(gauss - SoftThresholdRisk.atGaussian(tau, theta)) / gauss);
                StateEvolution se = new StateEvolution(0.5, 0.2, alpha, 0);
                assertEquals(0.8 * zero + 0.2 * gauss, se.mse(tau), 1e-10 * (0.8 * zero + 0.2 * gauss));
            }
        }
        RESULTS.info("soft-threshold risk closed forms vs Gauss-Legendre quadrature: worst relative difference {}", worst);
        assertTrue(worst < 1e-11, "worst relative difference " + worst);
    }

    @Test
    void riskAtZeroNoiseIsTheThresholdBias() {
        // τ = 0, θ: E[min(|X|, θ)²] for X ~ N(0, 1)
        double theta = 0.8;
        double expected = integrate(x -> sq(Math.min(Math.abs(x), theta)) * phi(x), -12, 12, new double[]{-theta, theta});
        assertEquals(expected, SoftThresholdRisk.atGaussian(0, theta), 1e-13);
        assertEquals(0, SoftThresholdRisk.atZero(0, theta), 0);
    }

    @Test
    void rejectsInvalidParameters() {
        FixpointException e = assertThrows(FixpointException.class, () -> new StateEvolution(0, 0.1, 1, 0));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidParameter]") && e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(FixpointException.class, () -> new StateEvolution(0.5, 1.5, 1, 0));
        assertThrows(FixpointException.class, () -> new StateEvolution(0.5, 0.1, -1, 0));
        assertThrows(FixpointException.class, () -> new StateEvolution(0.5, 0.1, 1, Double.NaN));
        assertThrows(FixpointException.class, () -> new StateEvolution(0.5, 0.1, 1, 0).run(0));
    }

    // ---------------------------------------------------------------- independent quadrature

    private static final double[] GL_X = {
            -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.1488743389816312,
            0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717};
    private static final double[] GL_W = {
            0.0666713443086881, 0.1494513491505806, 0.2190863625159820, 0.2692667193099963, 0.2955242247147529,
            0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881};

    /** Composite 10-point Gauss–Legendre on panels of width ≤ 0.25, split at the kinks. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double[] kinks) {
        double[] cuts = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(a, b),
                java.util.Arrays.stream(kinks).filter(k -> k > a && k < b)).sorted().toArray();
        double sum = 0;
        for (int s = 0; s + 1 < cuts.length; s++) {
            int panels = Math.max(1, (int) Math.ceil((cuts[s + 1] - cuts[s]) / 0.25));
            double h = (cuts[s + 1] - cuts[s]) / panels;
            for (int p = 0; p < panels; p++) {
                double mid = cuts[s] + (p + 0.5) * h;
                for (int i = 0; i < GL_X.length; i++) {
                    sum += GL_W[i] * h / 2 * f.applyAsDouble(mid + GL_X[i] * h / 2);
                }
            }
        }
        return sum;
    }

    /** The inner integral varies on the scale τ around x = ±θ: panel edges there. */
    private static double[] outerCuts(double theta, double tau) {
        double[] cuts = new double[2 * 17];
        for (int j = -8; j <= 8; j++) {
            cuts[j + 8] = -theta + j * tau;
            cuts[j + 8 + 17] = theta + j * tau;
        }
        return cuts;
    }

    static double phi(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    private static double eta(double u, double theta) {
        return Math.signum(u) * Math.max(Math.abs(u) - theta, 0);
    }

    private static double sq(double v) {
        return v * v;
    }
}
