package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sparse-recovery suite: its quick profile (what {@code fixpoint demo} runs) and a reduced
 * version of the papers' comparison with asserted orderings (m = 64, n = 128, p = 0.1, 8 layers,
 * noiseless, stages capped at 150 steps).
 */
class SparseRecoverySuiteTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @TempDir
    Path dir;

    private static Map<String, Double> metrics(Report r) {
        Map<String, Double> m = new LinkedHashMap<>();
        r.metrics().forEach(x -> m.put(x.name(), x.value()));
        return m;
    }

    @Test
    void quickProfileRunsEveryDefaultModelAndWritesItsArtifacts() throws Exception {
        long t0 = System.nanoTime();
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT)
                .run(new SparseRecoverySuite(), Map.of(), true, dir);
        RESULTS.info("sparse-recovery quick profile ({} s): {}", String.format("%.1f", (System.nanoTime() - t0) * 1e-9), r.summary());
        Map<String, Double> m = metrics(r);
        for (String model : List.of("ista", "fista", "amp", "lista", "lista-cpss", "alista")) {
            assertTrue(Double.isFinite(m.get(model + " NMSE at layer 6")), model);
        }
        assertTrue(m.containsKey("support-oracle least-squares floor"));
        for (String file : List.of("nmse-per-layer.csv", "nmse-per-layer.png", "lista.ckpt", "alista.ckpt", "training-lista-cpss.csv")) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        List<String> csv = Files.readAllLines(dir.resolve("nmse-per-layer.csv"));
        assertEquals("layer,ista,fista,amp,lista,lista-cpss,alista,support-oracle", csv.get(0));
        assertEquals(7, csv.size());
    }

    /**
     * Orderings the methods must show at equal depth, each with a margin well above what noise in
     * the test NMSE (1,000 samples) could produce:
     * <ul>
     *   <li>FISTA beats ISTA (momentum; both at λ = 0.1);</li>
     *   <li>AMP (α = 1.5) beats FISTA by ≥ 3 dB: its Onsager term keeps the effective noise Gaussian, so
     *       each iteration shrinks the error as state evolution predicts;</li>
     *   <li>trained LISTA beats ISTA and FISTA by ≥ 3 dB: its weights and thresholds are fitted to the
     *       signal distribution and it starts from ISTA itself;</li>
     *   <li>LISTA-CPSS and ALISTA beat LISTA by ≥ 3 dB: support selection gives the linear convergence
     *       of the papers, while plain LISTA's error shrinks slowly with depth;</li>
     *   <li>every layer of ALISTA improves on the previous one (trained stage by stage).</li>
     * </ul>
     */
    @Test
    void reducedComparisonShowsThePapersOrdering() throws Exception {
        long t0 = System.nanoTime();
        Report r = new SuiteRunner(Backends.current(), ProgressListener.SILENT).run(new SparseRecoverySuite(),
                Map.of("m", "64", "n", "128", "layers", "8", "steps", "150", "patience", "50", "validate-every", "10",
                        "validation", "500", "test", "1000", "lr", "2e-3", "batch", "64"), false, dir);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        RESULTS.info("sparse-recovery reduced (m=64, n=128, 8 layers; {} s): {}", String.format("%.1f", seconds), r.summary());
        Map<String, Double> m = metrics(r);
        double ista = m.get("ista NMSE at layer 8");
        double fista = m.get("fista NMSE at layer 8");
        double lista = m.get("lista NMSE at layer 8");
        double cpss = m.get("lista-cpss NMSE at layer 8");
        double alista = m.get("alista NMSE at layer 8");
        double amp = m.get("amp NMSE at layer 8");
        RESULTS.info("sparse-recovery reduced: amp {} dB, fista {} dB at layer 8", amp, fista);
        assertTrue(fista < ista, "fista " + fista + " vs ista " + ista);
        assertTrue(amp < fista - 3, "amp " + amp + " vs fista " + fista);
        assertTrue(lista < Math.min(ista, fista) - 3, "lista " + lista + " vs ista " + ista + ", fista " + fista);
        assertTrue(cpss < lista - 3, "lista-cpss " + cpss + " vs lista " + lista);
        assertTrue(alista < lista - 3, "alista " + alista + " vs lista " + lista);
        List<String> csv = Files.readAllLines(dir.resolve("nmse-per-layer.csv"));
        int col = List.of(csv.get(0).split(",")).indexOf("alista");
        for (int k = 2; k < csv.size(); k++) {
            double prev = Double.parseDouble(csv.get(k - 1).split(",")[col]);
            double cur = Double.parseDouble(csv.get(k).split(",")[col]);
            assertTrue(cur < prev, "alista layer " + k + ": " + cur + " after " + prev);
        }
    }

    @Test
    void badParametersAreReportedWithTheAcceptedValues() {
        FixpointException snr = assertThrows(FixpointException.class, () -> SparseRecoverySuite.parseSnr("loud"));
        assertTrue(snr.getMessage().startsWith("[fixpoint/BadParameter]") && snr.getMessage().contains("'inf'"), snr.getMessage());
        FixpointException model = assertThrows(FixpointException.class, () -> SparseRecoverySuite.parseModels("lista,lamp"));
        assertTrue(model.getMessage().contains("'lamp'") && model.getMessage().contains("alista"), model.getMessage());
        assertEquals(Double.POSITIVE_INFINITY, SparseRecoverySuite.parseSnr("inf"));
        assertEquals(30.0, SparseRecoverySuite.parseSnr(" 30 "));
        assertEquals(List.of("alista", "ista"), SparseRecoverySuite.parseModels("alista, ista,alista"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[]{0.2, 0.02, 0.004}, SparseRecoverySuite.parseFactors("0.2, 0.02,0.004"));
        assertEquals(0, SparseRecoverySuite.parseFactors("").length);
        FixpointException factors = assertThrows(FixpointException.class, () -> SparseRecoverySuite.parseFactors("0.2,-1"));
        assertTrue(factors.getMessage().startsWith("[fixpoint/BadParameter]"), factors.getMessage());
    }

    @Test
    void theOracleFloorMatchesTheNoiseLevel() {
        // SNR 20 dB: LS on the true support of size s from m measurements has error ≈ σ²·s/(m − s)
        // per sample; with ‖Ax‖² ≈ s and σ² = (s/m)·10^(−2), NMSE ≈ 10^(−2)·s/(m − s) → about −26 dB
        // for m = 250, s ≈ 50; the empirical floor must be within 2 dB of that estimate
        var problem = new dev.fixpoint.solvers.sparse.SparseRecoveryProblem(250, 500, 0.1, 20, 1);
        var test = problem.testSet(300);
        double floor = SupportOracle.nmseDb(problem.matrix(), test.y(), test.x());
        double estimate = 10 * Math.log10(1e-2 * 50.0 / 200.0);
        RESULTS.info("support-oracle floor m=250, n=500, p=0.1, SNR 20 dB, 300 samples: {} dB (estimate {} dB)", floor, estimate);
        assertEquals(estimate, floor, 2.0);
        var noiseless = new dev.fixpoint.solvers.sparse.SparseRecoveryProblem(60, 120, 0.1, Double.POSITIVE_INFINITY, 1);
        var t = noiseless.testSet(20);
        assertTrue(SupportOracle.nmseDb(noiseless.matrix(), t.y(), t.x()) < -200);
    }

    @Test
    void fistaAndIstaBaselinesAgreeWithAnUntrainedLista() {
        var problem = new dev.fixpoint.solvers.sparse.SparseRecoveryProblem(40, 80, 0.1, Double.POSITIVE_INFINITY, 4);
        var test = problem.testSet(50);
        var lista = new dev.fixpoint.solvers.unroll.Lista(problem.matrix(), 5, 0.1, dev.fixpoint.solvers.unroll.Tying.UNTIED);
        double[] fromNetwork = dev.fixpoint.solvers.train.LayerwiseNmse.decibels(lista,
                dev.fixpoint.solvers.train.SparseRecoveryData.asTrainingBatch(test));
        double l = dev.fixpoint.core.linalg.LinearAlgebra.current()
                .eigh(dev.fixpoint.core.Tensor.matmul(problem.matrix(), false, problem.matrix(), true)).values().max();
        double[] ista = ProximalGradientBaselines.nmsePerIteration(problem.matrix(), l, test.y(), test.x(), 0.1, 5, false);
        for (int k = 0; k < 5; k++) {
            assertEquals(fromNetwork[k], ista[k], 1e-9);
        }
        double[] fista = ProximalGradientBaselines.nmsePerIteration(problem.matrix(), l, test.y(), test.x(), 0.1, 5, true);
        assertEquals(ista[0], fista[0], 1e-12, "FISTA's first step is ISTA's");
        assertTrue(fista[4] < ista[4]);
    }
}
