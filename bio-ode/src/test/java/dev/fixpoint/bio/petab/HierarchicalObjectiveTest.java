package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hierarchical PEtab objective on Boehm (σ analytic) and Fujita (scalings analytic), at a seeded random outer point
 * (uniform on the scale within ±1 of the nominal, clipped to the bounds): the inner solution is optimal (the full
 * objective's gradient components for the inner parameters vanish), the hierarchical value equals the full NLL at
 * full(θ), and the envelope-theorem gradient agrees with fourth-order central differences of the hierarchical value
 * (which re-solve the inner problem) to ≤ 1e-4 relative.
 */
class HierarchicalObjectiveTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    static PetabObjective objective(String name) {
        PetabProblem problem = PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml"));
        return new PetabObjective(problem).options(OdeOptions.defaults().withTolerances(1e-10, 1e-14));
    }

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, 'sd_pSTAT5A_rel sd_pSTAT5B_rel sd_rSTAT5A_rel'",
            "Fujita_SciSignal2010, 'scaling_pAkt_tot scaling_pEGFR_tot scaling_pS6_tot'"})
    void innerOptimumValueAndEnvelopeGradient(String name, String expectedInner) {
        PetabObjective f = objective(name);
        HierarchicalObjective h = HierarchicalObjective.auto(f);
        assertEquals(List.of(expectedInner.split(" ")), h.inner());
        assertEquals(f.estimated().size() - h.inner().size(), h.outer().size());
        double[] th = h.nominalOuter();
        double[] lo = h.lowerBounds();
        double[] hi = h.upperBounds();
        Random rng = new Random(42);
        for (int i = 0; i < th.length; i++) {
            double a = Math.max(lo[i], th[i] - 1);
            double b = Math.min(hi[i], th[i] + 1);
            th[i] = a + (b - a) * rng.nextDouble();
        }
        double value = h.value(th);
        double[] full = h.full(th);
        double fullValue = f.value(full);
        assertEquals(fullValue, value, 1e-9 * Math.max(1, Math.abs(value)), "hierarchical value vs full NLL at full(θ)");

        double[] gFull = new double[full.length];
        f.gradient(full, GradientMethod.ADJOINT, gFull);
        double gOuterNorm = 0;
        double gInnerMax = 0;
        for (int k = 0; k < full.length; k++) {
            if (h.inner().contains(f.estimated().get(k))) {
                gInnerMax = Math.max(gInnerMax, Math.abs(gFull[k]));
            } else {
                gOuterNorm += gFull[k] * gFull[k];
            }
        }
        gOuterNorm = Math.sqrt(gOuterNorm);

        double[] g = new double[th.length];
        double gv = h.gradient(th, GradientMethod.ADJOINT, g);
        double[] fd = new double[th.length];
        double step = 1e-3;
        for (int i = 0; i < th.length; i++) {
            double[] p = th.clone();
            double[] v = new double[4];
            double[] steps = {step, -step, 2 * step, -2 * step};
            for (int j = 0; j < 4; j++) {
                p[i] = th[i] + steps[j];
                v[j] = h.value(p);
            }
            fd[i] = (8 * (v[0] - v[1]) - (v[2] - v[3])) / (12 * step);
        }
        double rel = rel(g, fd);
        double fullAtNominal = f.value(f.nominalScaled());
        RESULTS.info("hierarchical {}: inner {} = {}; NLL {} (full objective at full(θ) {}; full NLL at nominal {}); "
                        + "max |∂NLL/∂θ_inner| {} vs ‖∂NLL/∂θ_outer‖ {}; rel |envelope − FD| {}", name, h.inner(),
                h.innerValues(), value, fullValue, fullAtNominal, gInnerMax, gOuterNorm, rel);
        assertEquals(value, gv, 1e-6 * Math.max(1, Math.abs(value)));
        assertTrue(gInnerMax <= 1e-6 * Math.max(1, gOuterNorm), "inner gradient " + gInnerMax + " vs outer " + gOuterNorm);
        assertTrue(rel <= 1e-4, "envelope gradient vs FD: " + rel);
    }

    @Test
    void noDirectionOfAnInnerParameterDecreasesTheNll() {
        PetabObjective f = objective("Boehm_JProteomeRes2014");
        HierarchicalObjective h = HierarchicalObjective.auto(f);
        double[] full = h.full(h.nominalOuter());
        double v = f.value(full);
        for (String id : h.inner()) {
            int k = f.estimated().indexOf(id);
            for (double d : new double[]{1e-3, -1e-3}) {
                double[] p = full.clone();
                p[k] += d;
                assertTrue(f.value(p) > v, id + " moved by " + d + " decreases the NLL");
            }
        }
        // the full NLL at nominal σ is not below the hierarchical one (σ̂ minimises over σ)
        assertTrue(h.value(h.nominalOuter()) <= f.value(f.nominalScaled()) + 1e-9);
    }

    @Test
    void ineligibleChoicesAreRejectedByName() {
        PetabObjective f = objective("Boehm_JProteomeRes2014");
        FixpointException dyn = assertThrows(FixpointException.class, () -> HierarchicalObjective.of(f, List.of("k_phos")));
        assertTrue(dyn.getMessage().startsWith("[fixpoint/NotHierarchical]") && dyn.getMessage().contains("'k_phos'")
                && dyn.getMessage().contains("dynamics"), dyn.getMessage());
        FixpointException fixed = assertThrows(FixpointException.class, () -> HierarchicalObjective.of(f, List.of("specC17")));
        assertTrue(fixed.getMessage().contains("'specC17'"), fixed.getMessage());
        FixpointException unknown = assertThrows(FixpointException.class, () -> HierarchicalObjective.of(f, List.of("nope")));
        assertTrue(unknown.getMessage().contains("'nope'") && unknown.getMessage().contains("parameter table"),
                unknown.getMessage());
    }

    static double rel(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d) / Math.max(Math.sqrt(n), 1e-12);
    }
}
