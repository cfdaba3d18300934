package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        double hv = h.value(h.nominalOuter());
        double fv = f.value(f.nominalScaled());
        RESULTS.info("hierarchical Boehm at the nominal dynamic parameters: NLL {} with σ̂ {} (full NLL at nominal σ {})",
                hv, h.innerValues(), fv);
        assertTrue(hv <= fv + 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, 'sd_pSTAT5A_rel sd_pSTAT5B_rel sd_rSTAT5A_rel'", "Crauste_CellSystems2017, ''",
            "Fujita_SciSignal2010, 'scaling_pAkt_tot scaling_pEGFR_tot scaling_pS6_tot'", "Zheng_PNAS2012, sigma"})
    void automaticChoiceOnTheBenchmarkProblems(String name, String expected) {
        PetabObjective f = objective(name);
        HierarchicalObjective h = HierarchicalObjective.auto(f);
        RESULTS.info("hierarchical auto {}: inner {} ({} outer of {} estimated)", name, h.inner(), h.outer().size(),
                f.estimated().size());
        assertEquals(expected == null || expected.isEmpty() ? List.of() : List.of(expected.split(" ")), h.inner());
        assertEquals(f.estimated().size(), h.outer().size() + h.inner().size());
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

    /**
     * A PEtab problem on Boehm's model with a scaling–offset pair, a scaling whose measurements alternate between two
     * inner σ (coupled: solved by alternating closed forms), a scaling of a log10-transformed observable, a parameter
     * entering nonlinearly and an offset of a log10-transformed observable (both ineligible, so auto leaves them outer).
     */
    @Test
    void offsetsPairsLogScalingsAndCoupledNoise(@TempDir Path dir) throws IOException {
        PetabObjective f = synthetic(dir);
        HierarchicalObjective h = HierarchicalObjective.auto(f);
        assertEquals(List.of("s_pair", "b_pair", "sd_a", "sd_b", "s2", "s_log"), h.inner());
        assertTrue(h.outer().containsAll(List.of("nl", "off_log")));
        FixpointException nl = assertThrows(FixpointException.class, () -> HierarchicalObjective.of(f, List.of("nl")));
        assertTrue(nl.getMessage().contains("'nl'") && nl.getMessage().contains("nonlinearly"), nl.getMessage());
        FixpointException off = assertThrows(FixpointException.class, () -> HierarchicalObjective.of(f, List.of("off_log")));
        assertTrue(off.getMessage().contains("'off_log'") && off.getMessage().contains("log10-transformed"), off.getMessage());

        double[] th = h.nominalOuter();
        Random rng = new Random(7);
        for (int i = 0; i < th.length; i++) {
            th[i] += 0.4 * (rng.nextDouble() - 0.5);
        }
        double value = h.value(th);
        double[] full = h.full(th);
        assertEquals(f.value(full), value, 1e-9 * Math.max(1, Math.abs(value)));
        double[] gFull = new double[full.length];
        f.gradient(full, GradientMethod.ADJOINT, gFull);
        double gInnerMax = 0;
        double gOuter = 0;
        for (int k = 0; k < full.length; k++) {
            if (h.inner().contains(f.estimated().get(k))) {
                gInnerMax = Math.max(gInnerMax, Math.abs(gFull[k]));
            } else {
                gOuter = Math.max(gOuter, Math.abs(gFull[k]));
            }
        }
        double[] g = new double[th.length];
        h.gradient(th, GradientMethod.FORWARD, g);
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
        RESULTS.info("hierarchical synthetic (Boehm model; pair, coupled σ, log10 scaling): inner {}; NLL {}; "
                + "max |∂NLL/∂θ_inner| {} vs max |∂NLL/∂θ_outer| {}; rel |envelope − FD| {}", h.innerValues(), value,
                gInnerMax, gOuter, rel);
        assertTrue(gInnerMax <= 1e-6 * Math.max(1, gOuter), "inner gradient " + gInnerMax + " vs outer " + gOuter);
        assertTrue(rel <= 1e-4, "envelope gradient vs FD: " + rel);
    }

    static PetabObjective synthetic(Path dir) throws IOException {
        String boehm = "Boehm_JProteomeRes2014";
        Path src = PetabObjectiveTest.DATA.resolve(boehm);
        Files.copy(src.resolve("model_" + boehm + ".xml"), dir.resolve("model.xml"));
        Files.copy(src.resolve("experimentalCondition_" + boehm + ".tsv"), dir.resolve("conditions.tsv"));
        Files.writeString(dir.resolve("problem.yaml"), "format_version: 1\nparameter_file: parameters.tsv\nproblems:\n"
                + "- condition_files:\n  - conditions.tsv\n  measurement_files:\n  - measurements.tsv\n"
                + "  observable_files:\n  - observables.tsv\n  sbml_files:\n  - model.xml\n");
        List<String> params = new ArrayList<>();
        for (String line : Files.readAllLines(src.resolve("parameters_" + boehm + ".tsv"))) {
            if (!line.startsWith("sd_")) {
                params.add(line);
            }
        }
        params.add("s_pair\t\tlog10\t1E-05\t100000\t1\t1");
        params.add("b_pair\t\tlin\t-100\t100\t0\t1");
        params.add("sd_a\t\tlog10\t1E-05\t100000\t1\t1");
        params.add("sd_b\t\tlog10\t1E-05\t100000\t1\t1");
        params.add("s2\t\tlog10\t1E-05\t100000\t1\t1");
        params.add("s_log\t\tlog10\t1E-05\t100000\t1\t1");
        params.add("nl\t\tlin\t0\t10\t1\t1");
        params.add("off_log\t\tlin\t0\t10\t1\t1");
        Files.write(dir.resolve("parameters.tsv"), params);
        Files.writeString(dir.resolve("observables.tsv"), String.join("\n",
                "observableId\tobservableFormula\tnoiseFormula\tobservableTransformation\tnoiseDistribution",
                "obs_pair\tobservableParameter1_obs_pair * pApB + observableParameter2_obs_pair\tnoiseParameter1_obs_pair\tlin\tnormal",
                "obs_scaled\tobservableParameter1_obs_scaled * pApA\tnoiseParameter1_obs_scaled\tlin\tnormal",
                "obs_log\tobservableParameter1_obs_log * (pApA + 1)\tnoiseParameter1_obs_log\tlog10\tnormal",
                "obs_nl\tpApB / (1 + observableParameter1_obs_nl)\tsd_a\tlin\tnormal",
                "obs_log2\tpApA + 1 + observableParameter1_obs_log2\t0.2\tlog10\tnormal") + "\n");
        double[] times = {0, 2.5, 5, 10, 20, 30, 40, 60, 80, 100, 120, 160, 200, 240};
        Random rng = new Random(3);
        List<String> rows = new ArrayList<>();
        rows.add("observableId\tsimulationConditionId\tmeasurement\ttime\tobservableParameters\tnoiseParameters");
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            rows.add("obs_pair\tmodel1_data1\t" + (5 + 40 * rng.nextDouble()) + "\t" + t + "\ts_pair;b_pair\tsd_b");
            rows.add("obs_scaled\tmodel1_data1\t" + (20 * rng.nextDouble()) + "\t" + t + "\ts2\t" + (k % 2 == 0 ? "sd_a" : "sd_b"));
            rows.add("obs_log\tmodel1_data1\t" + (1 + 10 * rng.nextDouble()) + "\t" + t + "\ts_log\t0.1");
            rows.add("obs_nl\tmodel1_data1\t" + (10 * rng.nextDouble()) + "\t" + t + "\tnl\t");
            rows.add("obs_log2\tmodel1_data1\t" + (1 + 10 * rng.nextDouble()) + "\t" + t + "\toff_log\t");
        }
        Files.write(dir.resolve("measurements.tsv"), rows);
        // replace the data by the model's prediction at the nominal values with 20 % multiplicative noise
        PetabObjective placeholder = new PetabObjective(PetabProblem.load(dir.resolve("problem.yaml")));
        double[] y = placeholder.predict(placeholder.nominalScaled()).simulated();
        List<String> noisy = new ArrayList<>();
        noisy.add(rows.get(0));
        for (int r = 1; r < rows.size(); r++) {
            String[] c = rows.get(r).split("\t", -1);
            c[2] = Double.toString(y[r - 1] * (1 + 0.2 * rng.nextGaussian()) + (c[0].equals("obs_pair") ? 3 : 0));
            noisy.add(String.join("\t", c));
        }
        Files.write(dir.resolve("measurements.tsv"), noisy);
        return new PetabObjective(PetabProblem.load(dir.resolve("problem.yaml")))
                .options(OdeOptions.defaults().withTolerances(1e-10, 1e-14));
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
