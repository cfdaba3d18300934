package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.Measurement;
import dev.fixpoint.bio.ObjectiveGradient;
import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.solvers.SolverStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hypergradients of {@link BilevelCalibration} against central differences of F(φ) that re-solve the inner problem:
 * exactly on a quadratic inner problem with a closed-form ψ*(φ), and on a population ODE model (A → B, three
 * individuals with their own rate k_j under a Gaussian prior around the population rate, a shared initial amount
 * A0 at the population level; inner = training NLL + prior, outer = NLL at held-out times).
 */
class BilevelCalibrationTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    /** L_in = ½ψᵀAψ − ψᵀBφ, ψ* = A⁻¹Bφ; F = ½‖ψ − c‖² + ½‖φ‖², dF/dφ = BᵀA⁻¹(ψ* − c) + φ. */
    @Test
    void quadraticInnerProblemHasTheClosedFormHypergradient() {
        double[][] a = {{4, 1, 0}, {1, 3, 0.5}, {0, 0.5, 2}};
        double[][] b = {{1, 0}, {0.5, 2}, {-1, 1}};
        double[] c = {0.3, -0.2, 0.7};
        BilevelCalibration.Level in = (psi, phi, gPsi, gPhi) -> {
            double v = 0;
            for (int i = 0; i < 3; i++) {
                double ap = 0;
                double bp = 0;
                for (int j = 0; j < 3; j++) {
                    ap += a[i][j] * psi[j];
                }
                for (int k = 0; k < 2; k++) {
                    bp += b[i][k] * phi[k];
                }
                gPsi[i] = ap - bp;
                v += 0.5 * psi[i] * ap - psi[i] * bp;
            }
            for (int k = 0; k < 2; k++) {
                gPhi[k] = 0;
                for (int i = 0; i < 3; i++) {
                    gPhi[k] -= b[i][k] * psi[i];
                }
            }
            return v;
        };
        BilevelCalibration.Level out = (psi, phi, gPsi, gPhi) -> {
            double v = 0;
            for (int i = 0; i < 3; i++) {
                gPsi[i] = psi[i] - c[i];
                v += 0.5 * gPsi[i] * gPsi[i];
            }
            for (int k = 0; k < 2; k++) {
                gPhi[k] = phi[k];
                v += 0.5 * phi[k] * phi[k];
            }
            return v;
        };
        double inf = Double.POSITIVE_INFINITY;
        BilevelCalibration bl = new BilevelCalibration(in, out, new double[3], new double[]{-inf, -inf, -inf},
                new double[]{inf, inf, inf}, 2);
        double[] phi = {0.8, -0.4};
        BilevelCalibration.Hypergradient hg = bl.hypergradient(phi);
        // closed form: solve A w = ψ* − c, dF/dφ = Bᵀw + φ
        double[] w = solve3(a, new double[]{hg.innerOptimum()[0] - c[0], hg.innerOptimum()[1] - c[1],
                hg.innerOptimum()[2] - c[2]});
        double[] exact = new double[2];
        for (int k = 0; k < 2; k++) {
            exact[k] = phi[k];
            for (int i = 0; i < 3; i++) {
                exact[k] += b[i][k] * w[i];
            }
        }
        double rel = HierarchicalObjectiveTest.rel(hg.gradient(), exact);
        RESULTS.info("bilevel quadratic: hypergradient {} vs closed form {}: rel {}; CG {} iterations", hg.gradient(), exact,
                rel, hg.cgIterations());
        assertEquals(SolverStatus.CONVERGED, hg.cgStatus());
        assertTrue(hg.innerGradient() <= 1e-9, "inner gradient " + hg.innerGradient());
        assertTrue(rel <= 1e-6, "rel " + rel);
    }

    @Test
    void populationOdeModelHypergradientMatchesFiniteDifferences() {
        Population pop = new Population();
        double[] lo = {-5, -5, -5};
        BilevelCalibration bl = new BilevelCalibration(pop::inner, pop::outer, new double[]{Math.log(0.5), Math.log(0.5),
                Math.log(0.5)}, lo, new double[]{3, 3, 3}, 2);
        double[] phi = {Math.log(1.6), Math.log(0.4)};
        long t0 = System.nanoTime();
        BilevelCalibration.Hypergradient hg = bl.hypergradient(phi);
        long t1 = System.nanoTime();
        double[] fd = new double[2];
        double h = 1e-3;
        for (int k = 0; k < 2; k++) {
            double[] p = phi.clone();
            double[] v = new double[4];
            double[] steps = {h, -h, 2 * h, -2 * h};
            for (int j = 0; j < 4; j++) {
                p[k] = phi[k] + steps[j];
                v[j] = bl.value(p);
            }
            fd[k] = (8 * (v[0] - v[1]) - (v[2] - v[3])) / (12 * h);
        }
        long t2 = System.nanoTime();
        double rel = HierarchicalObjectiveTest.rel(hg.gradient(), fd);
        RESULTS.info("bilevel population ODE (A→B, 3 individuals): F {} ψ* {} ‖∇ψL_in‖∞ {}; hypergradient {} vs FD {}: "
                        + "rel {}; CG {} iterations; hypergradient {} ms, FD (8 inner solves) {} ms", hg.value(),
                hg.innerOptimum(), hg.innerGradient(), hg.gradient(), fd, rel, hg.cgIterations(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
        assertEquals(SolverStatus.CONVERGED, hg.cgStatus());
        assertTrue(hg.innerGradient() <= 1e-7, "inner gradient " + hg.innerGradient());
        assertTrue(rel <= 1e-5, "hypergradient vs FD: " + rel);
        assertEquals(hg.value(), bl.value(phi), 1e-8 * Math.abs(hg.value()));
    }

    @Test
    void badBoundsAreRejected() {
        BilevelCalibration.Level zero = (psi, phi, gPsi, gPhi) -> 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BilevelCalibration(zero, zero, new double[1], new double[]{1}, new double[]{0}, 1));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidParameter]") && e.getMessage().contains("[1.0, 0.0]"));
        BilevelCalibration.Level concave = (psi, phi, gPsi, gPhi) -> {
            gPsi[0] = -psi[0];
            gPhi[0] = 0;
            return -0.5 * psi[0] * psi[0];
        };
        // ψ = 0 is a stationary point but a maximum: implicit differentiation refuses it
        BilevelCalibration open = new BilevelCalibration(concave, (psi, phi, gPsi, gPhi) -> {
            gPsi[0] = 1;
            gPhi[0] = 0;
            return psi[0];
        }, new double[]{0}, new double[]{-1}, new double[]{1}, 1);
        FixpointException x = assertThrows(FixpointException.class, () -> open.hypergradient(new double[]{0}));
        assertTrue(x.getMessage().startsWith("[fixpoint/BilevelHessian]"), x.getMessage());
    }

    /** Three individuals observed at training times 0.5, 1, 2 and held-out times 3, 4, 6 (σ = 0.05). */
    private static final class Population {
        final double[] train = {0.5, 1, 2};
        final double[] test = {3, 4, 6};
        final double sigma = 0.05;
        final double omega = 0.5;
        final List<List<Measurement>> trainData = new ArrayList<>();
        final List<List<Measurement>> testData = new ArrayList<>();
        final Simulator sim;
        final int iA0;
        final int iK;

        Population() {
            CompiledNetwork net = ReactionNetwork.builder("population").parameter("A0", 2).parameter("k", 0.5)
                    .species("A", "default", "A0").species("B", 0).massAction("r", "A -> B", "k").observable("yB", "B")
                    .build().compile();
            sim = Simulator.of(net).options(OdeOptions.defaults().withTolerances(1e-11, 1e-13));
            int a = -1;
            int k = -1;
            for (int i = 0; i < net.parameterCount(); i++) {
                a = net.parameterName(i).equals("A0") ? i : a;
                k = net.parameterName(i).equals("k") ? i : k;
            }
            iA0 = a;
            iK = k;
            double[] rates = {0.3, 0.6, 1.0};
            Random rng = new Random(11);
            for (double r : rates) {
                List<Measurement> tr = new ArrayList<>();
                List<Measurement> te = new ArrayList<>();
                for (double t : train) {
                    tr.add(new Measurement("yB", t, 2 * (1 - Math.exp(-r * t)) + sigma * rng.nextGaussian(), sigma));
                }
                for (double t : test) {
                    te.add(new Measurement("yB", t, 2 * (1 - Math.exp(-r * t)) + sigma * rng.nextGaussian(), sigma));
                }
                trainData.add(tr);
                testData.add(te);
            }
        }

        /** Σ_j NLL(train_j; A0, k_j) + Σ_j (ψ_j − log kpop)²/(2ω²), ψ_j = log k_j, φ = (log A0, log kpop). */
        double inner(double[] psi, double[] phi, double[] gPsi, double[] gPhi) {
            double v = data(trainData, psi, phi, gPsi, gPhi);
            for (int j = 0; j < psi.length; j++) {
                double d = psi[j] - phi[1];
                v += 0.5 * d * d / (omega * omega);
                gPsi[j] += d / (omega * omega);
                gPhi[1] -= d / (omega * omega);
            }
            return v;
        }

        /** Σ_j NLL(test_j; A0, k_j). */
        double outer(double[] psi, double[] phi, double[] gPsi, double[] gPhi) {
            return data(testData, psi, phi, gPsi, gPhi);
        }

        private double data(List<List<Measurement>> sets, double[] psi, double[] phi, double[] gPsi, double[] gPhi) {
            java.util.Arrays.fill(gPhi, 0);
            double v = 0;
            double a0 = Math.exp(phi[0]);
            for (int j = 0; j < psi.length; j++) {
                double[] p = new double[2];
                p[iA0] = a0;
                p[iK] = Math.exp(psi[j]);
                ObjectiveGradient og = sim.gradient(p, sets.get(j), GradientMethod.FORWARD);
                v += og.value();
                gPsi[j] = og.gradient()[iK] * p[iK];
                gPhi[0] += og.gradient()[iA0] * a0;
            }
            return v;
        }
    }

    private static double[] solve3(double[][] a, double[] r) {
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, m[i], 0, 3);
            m[i][3] = r[i];
        }
        for (int c = 0; c < 3; c++) {
            for (int i = c + 1; i < 3; i++) {
                double f = m[i][c] / m[c][c];
                for (int j = c; j < 4; j++) {
                    m[i][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[3];
        for (int i = 2; i >= 0; i--) {
            double s = m[i][3];
            for (int j = i + 1; j < 3; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
