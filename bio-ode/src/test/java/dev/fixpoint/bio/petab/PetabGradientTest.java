package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjoint, forward-sensitivity and fourth-order finite-difference (step 1e-3 on the scale) gradients of the PEtab NLL
 * with respect to the estimated parameters on their scales agree (norm-wise relative difference ≤ 1e-4), at the
 * nominal parameters and at a seeded random point within the bounds (uniform on the scale within ±1 of the nominal,
 * clipped to the bounds). The finite differences are central where θ ± 2h stays within the bounds and one-sided
 * (fourth order, five points, pointing into the box) where it does not: many nominal values sit on a bound. For
 * Zheng (46 parameters, pre-equilibration) the finite differences are taken on a seeded subset of 8 coordinates
 * (adjoint and forward are compared on all 46; FD on those 8).
 *
 * <p>Crauste at nominal uses rtol 1e-13, atol 1e-17 and h = 5e-10: its published optimum lies within 1e-6 … 3e-5
 * (log10 scale) of a finite-time blow-up of the Pathogen (ρ_P·P² outgrows the killing by effectors; an
 * evaluation at log10 ρ_P + 1e-6 or log10 δ_EL + 3e-5 ends in a step-size underflow as P → ∞ near t = 9.79).
 * The NLL is smooth there, but its second derivative is ~1e9 (central differences with h = 1e-7 are off by a
 * factor 100, with h = 1e-9 by 1 %), and the sensitivities amplify integration error (adjoint and forward differ by
 * 1.4 % at rtol 1e-10, 1.4e-4 at 1e-12, 5e-6 at 1e-13). See {@code craustePublishedOptimumIsNextToABlowUp}.
 */
class PetabGradientTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, false, 0, 1e-10, 1e-14, 1e-3", "Boehm_JProteomeRes2014, true, 0, 1e-10, 1e-14, 1e-3",
            "Crauste_CellSystems2017, false, 0, 1e-13, 1e-17, 5e-10", "Crauste_CellSystems2017, true, 0, 1e-10, 1e-14, 1e-3",
            "Fujita_SciSignal2010, false, 0, 1e-10, 1e-14, 1e-3", "Fujita_SciSignal2010, true, 0, 1e-10, 1e-14, 1e-3",
            "Zheng_PNAS2012, false, 8, 1e-10, 1e-14, 1e-3", "Zheng_PNAS2012, true, 8, 1e-10, 1e-14, 1e-3"})
    void adjointForwardAndFiniteDifferencesAgree(String name, boolean random, int fdSubset, double rtol, double atol,
                                                 double h) {
        PetabProblem problem = PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml"));
        PetabObjective f = new PetabObjective(problem).options(OdeOptions.defaults().withTolerances(rtol, atol));
        double[] th = f.nominalScaled();
        int n = th.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            PetabProblem.Parameter par = problem.parameters().get(f.estimated().get(i));
            lo[i] = par.scale().toScale(par.lower());
            hi[i] = par.scale().toScale(par.upper());
        }
        if (random) {
            Random rng = new Random(42);
            for (int i = 0; i < n; i++) {
                double a = Math.max(lo[i], th[i] - 1);
                double b = Math.min(hi[i], th[i] + 1);
                th[i] = a + (b - a) * rng.nextDouble();
            }
        }
        int[] coords = IntStream.range(0, n).toArray();
        if (fdSubset > 0) {
            List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(all, new Random(7));
            coords = all.subList(0, fdSubset).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        long t0 = System.nanoTime();
        double[] adj = new double[n];
        double vAdj = f.gradient(th, GradientMethod.ADJOINT, adj);
        long t1 = System.nanoTime();
        double[] fwd = new double[n];
        double vFwd = f.gradient(th, GradientMethod.FORWARD, fwd);
        long t2 = System.nanoTime();
        double value = f.value(th);
        double[] fd = new double[coords.length];
        int oneSided = 0;
        for (int c = 0; c < coords.length; c++) {
            int i = coords[c];
            double[] p = th.clone();
            if (th[i] - 2 * h >= lo[i] && th[i] + 2 * h <= hi[i]) {
                double[] v = new double[4];
                double[] steps = {h, -h, 2 * h, -2 * h};
                for (int j = 0; j < 4; j++) {
                    p[i] = th[i] + steps[j];
                    v[j] = f.value(p);
                }
                fd[c] = (8 * (v[0] - v[1]) - (v[2] - v[3])) / (12 * h);
            } else {
                oneSided++;
                double s = th[i] + 4 * h <= hi[i] ? h : -h;
                double[] v = new double[5];
                v[0] = value;
                for (int j = 1; j < 5; j++) {
                    p[i] = th[i] + j * s;
                    v[j] = f.value(p);
                }
                fd[c] = (-25 * v[0] + 48 * v[1] - 36 * v[2] + 16 * v[3] - 3 * v[4]) / (12 * s);
            }
        }
        long t3 = System.nanoTime();
        double[] adjSub = new double[coords.length];
        double[] fwdSub = new double[coords.length];
        for (int c = 0; c < coords.length; c++) {
            adjSub[c] = adj[coords[c]];
            fwdSub[c] = fwd[coords[c]];
        }
        double af = rel(adj, fwd);
        double afd = rel(adjSub, fd);
        double ffd = rel(fwdSub, fd);
        RESULTS.info("petab gradient {} ({}, rtol {}, FD step {}): NLL {} ({} params, FD on {} of them, {} one-sided); rel |adj-fwd| {}"
                        + " |adj-FD| {} |fwd-FD| {}; ‖g‖ {}; adjoint {} ms, forward {} ms, FD {} ms", name,
                random ? "random point" : "nominal", rtol, h, value, n, coords.length, oneSided, af, afd, ffd, norm(fwd),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        assertTrue(Math.abs(vAdj - value) <= 1e-6 * Math.max(1, Math.abs(value)), "adjoint value " + vAdj + " vs " + value);
        assertTrue(Math.abs(vFwd - value) <= 1e-6 * Math.max(1, Math.abs(value)), "forward value " + vFwd + " vs " + value);
        assertTrue(af <= 1e-4, "adjoint vs forward " + af);
        assertTrue(afd <= 1e-4, "adjoint vs FD " + afd);
        assertTrue(ffd <= 1e-4, "forward vs FD " + ffd);
    }

    /**
     * Crauste's published optimum is next to a finite-time blow-up: a step of 1e-4 (log10) up in ρ_P or down in ρ_E
     * makes the Pathogen diverge before the last measurement, reported as a step-size underflow; the other side
     * evaluates.
     */
    @Test
    void craustePublishedOptimumIsNextToABlowUp() {
        String name = "Crauste_CellSystems2017";
        PetabProblem problem = PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml"));
        PetabObjective f = new PetabObjective(problem);
        int rhoE = f.estimated().indexOf("rho_E");
        int rhoP = f.estimated().indexOf("rho_P");
        for (int[] c : new int[][]{{rhoP, 1}, {rhoE, -1}}) {
            double[] th = f.nominalScaled();
            th[c[0]] += c[1] * 1e-4;
            FixpointException e = assertThrows(FixpointException.class, () -> f.value(th));
            assertEquals("StepSizeUnderflow", e.id(), e.getMessage());
            th[c[0]] -= 2 * c[1] * 1e-4;
            assertTrue(Double.isFinite(f.value(th)));
        }
    }

    private static double rel(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d) / Math.max(norm(b), 1e-12);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
