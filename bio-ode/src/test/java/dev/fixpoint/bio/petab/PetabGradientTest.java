package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
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
        double[] th = random ? PetabGradientCheck.randomPoint(f, 42) : f.nominalScaled();
        PetabGradientCheck c = PetabGradientCheck.at(f, th, fdSubset, h);
        double value = c.value();
        double vAdj = c.adjValue();
        double vFwd = c.fwdValue();
        double af = c.adjVsFwd();
        double afd = c.adjVsFd();
        double ffd = c.fwdVsFd();
        RESULTS.info("petab gradient {} ({}, rtol {}, FD step {}): NLL {} ({} params, FD on {} of them, {} one-sided); rel |adj-fwd| {}"
                        + " |adj-FD| {} |fwd-FD| {}; ‖g‖ {}; adjoint {} ms, forward {} ms, FD {} ms", name,
                random ? "random point" : "nominal", rtol, h, value, th.length, c.fdCoords().length, c.oneSided(), af, afd,
                ffd, c.gradientNorm(), (long) c.adjointMs(), (long) c.forwardMs(), (long) c.fdMs());
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
}
