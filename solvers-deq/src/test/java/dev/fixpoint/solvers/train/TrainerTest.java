package dev.fixpoint.solvers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import dev.fixpoint.solvers.unroll.Alista;
import dev.fixpoint.solvers.unroll.ListaCpss;
import dev.fixpoint.solvers.unroll.Tying;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer on a small problem (A [20, 40], p = 0.1, 3 layers, batches of 16, 60 validation
 * samples, stages capped at 20 steps): the stage plan, improvement over the initialisation,
 * exact resumption from a checkpoint, and the errors for foreign or damaged checkpoints and
 * non-finite data.
 */
class TrainerTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final SparseRecoveryProblem PROBLEM = new SparseRecoveryProblem(20, 40, 0.1, Double.POSITIVE_INFINITY, 5);
    private static final TrainingData DATA = SparseRecoveryData.of(PROBLEM, 60);

    @TempDir
    Path dir;

    private static ListaCpss cpss() {
        return new ListaCpss(PROBLEM.matrix(), 3, 0.4, Tying.UNTIED, Double.NaN, 5, 15);
    }

    private static TrainingSettings.Builder small() {
        return TrainingSettings.builder().learningRate(1e-2).batchSize(16).validateEvery(5).patience(10).maxStepsPerStage(20).seed(11);
    }

    private static double validationDb(UnrolledNetwork net) {
        double[] db = LayerwiseNmse.decibels(net, DATA.validationSet());
        return db[db.length - 1];
    }

    private static double[] flat(UnrolledNetwork net) {
        return net.parameters().flatten();
    }

    @Test
    void stageWiseTrainingRunsThreeStagesPerLayerAndImprovesOnTheInitialisation() throws Exception {
        ListaCpss net = cpss();
        double before = validationDb(net);
        TrainingResult r = new Trainer(small().build(), ProgressListener.SILENT).train(net, DATA);
        assertTrue(r.completed());
        assertEquals(9, r.stages().size());
        assertEquals(List.of("layer 1/3 new parameters", "layer 1/3 fine-tune ×0.2", "layer 1/3 fine-tune ×0.02"),
                r.stages().subList(0, 3).stream().map(TrainingResult.StageSummary::name).toList());
        assertEquals(r.stages().stream().mapToLong(TrainingResult.StageSummary::steps).sum(), r.steps());
        double after = validationDb(net);
        RESULTS.info("trainer, lista-cpss A[20,40] 3 layers stage-wise ({} steps): validation NMSE {} dB → {} dB", r.steps(),
                String.format("%.2f", before), String.format("%.2f", after));
        // the reported final figure is the validation NMSE of the kept parameters
        assertEquals(after, r.finalValidationDb(), 1e-9);
        // 180 Adam steps on the 3-layer network: a clear gain, not a rounding-level one
        assertTrue(after < before - 3, "validation NMSE " + before + " dB → " + after + " dB");
        for (TrainingResult.StageSummary s : r.stages()) {
            assertTrue(s.steps() >= 5 && s.steps() <= 20, s.toString());
        }
    }

    /** Two learning-rate groups (W at half the rate), so that the checkpoint holds two Adam states. */
    private static TrainingSettings.Builder resumable() {
        return small().learningRateScales(java.util.Map.of("W", 0.5));
    }

    @Test
    void aResumedTrainingContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        ListaCpss reference = cpss();
        new Trainer(resumable().build(), ProgressListener.SILENT).train(reference, DATA);

        Path ckpt = dir.resolve("cpss.ckpt");
        ListaCpss first = cpss();
        TrainingResult halted = new Trainer(resumable().checkpoint(ckpt).haltAfterSteps(47).build(), ProgressListener.SILENT)
                .train(first, DATA);
        assertFalse(halted.completed());
        assertEquals(47, halted.steps());
        assertTrue(Files.exists(ckpt));
        // a second session in a new network object (as after a restart), halted again mid-stage
        ListaCpss second = cpss();
        new Trainer(resumable().checkpoint(ckpt).haltAfterSteps(33).build(), ProgressListener.SILENT).train(second, DATA);
        ListaCpss third = cpss();
        TrainingResult resumed = new Trainer(resumable().checkpoint(ckpt).build(), ProgressListener.SILENT).train(third, DATA);
        assertTrue(resumed.completed());
        assertEquals(9, resumed.stages().size());
        assertArrayEquals(flat(reference), flat(third), 0.0, "same batches, same Adam state, same early stopping");
    }

    @Test
    void loadParametersPutsTrainedValuesIntoAFreshNetwork() throws Exception {
        Path ckpt = dir.resolve("alista.ckpt");
        Alista trained = new Alista(PROBLEM.matrix(), 3, 0.4);
        new Trainer(small().checkpoint(ckpt).build(), ProgressListener.SILENT).train(trained, DATA);
        Alista fresh = new Alista(PROBLEM.matrix(), 3, 0.4);
        assertNotEquals(validationDb(trained), validationDb(fresh));
        TrainingCheckpoint.loadParameters(ckpt, fresh);
        assertArrayEquals(flat(trained), flat(fresh), 0.0);
        assertEquals("alista", TrainingCheckpoint.readConfiguration(ckpt).get("architecture"));
    }

    @Test
    void aCheckpointOfAnotherArchitectureOrSizeIsRejectedNamingBothConfigurations() throws Exception {
        Path ckpt = dir.resolve("alista.ckpt");
        new Trainer(small().maxStepsPerStage(5).checkpoint(ckpt).build(), ProgressListener.SILENT)
                .train(new Alista(PROBLEM.matrix(), 3, 0.4), DATA);
        ListaCpss other = cpss();
        double[] untouched = flat(other);
        FixpointException e = assertThrows(FixpointException.class, () -> TrainingCheckpoint.loadParameters(ckpt, other));
        assertTrue(e.getMessage().startsWith("[fixpoint/CheckpointMismatch]"), e.getMessage());
        assertTrue(e.getMessage().contains("architecture=alista") && e.getMessage().contains("architecture=lista-cpss"), e.getMessage());
        assertArrayEquals(untouched, flat(other), 0.0, "nothing is loaded from a mismatching checkpoint");
        FixpointException deeper = assertThrows(FixpointException.class,
                () -> new Trainer(small().checkpoint(ckpt).build(), ProgressListener.SILENT).train(new Alista(PROBLEM.matrix(), 4, 0.4), DATA));
        assertTrue(deeper.getMessage().startsWith("[fixpoint/CheckpointMismatch]") && deeper.getMessage().contains("layers=3")
                && deeper.getMessage().contains("layers=4"), deeper.getMessage());
    }

    @Test
    void resumingUnderOtherStreamSettingsIsRejected() throws Exception {
        Path ckpt = dir.resolve("cpss.ckpt");
        new Trainer(small().checkpoint(ckpt).haltAfterSteps(7).build(), ProgressListener.SILENT).train(cpss(), DATA);
        FixpointException e = assertThrows(FixpointException.class,
                () -> new Trainer(small().seed(12).checkpoint(ckpt).build(), ProgressListener.SILENT).train(cpss(), DATA));
        assertTrue(e.getMessage().startsWith("[fixpoint/CheckpointMismatch]") && e.getMessage().contains("seed"), e.getMessage());
    }

    @Test
    void damagedCheckpointsAreReportedWithTheFileAndReason() throws Exception {
        Path ckpt = dir.resolve("cpss.ckpt");
        new Trainer(small().checkpoint(ckpt).haltAfterSteps(7).build(), ProgressListener.SILENT).train(cpss(), DATA);
        byte[] good = Files.readAllBytes(ckpt);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Path corrupted = Files.write(dir.resolve("corrupted.ckpt"), flipped);
        assertBad(corrupted, "checksum");
        Path truncated = Files.write(dir.resolve("truncated.ckpt"), java.util.Arrays.copyOf(good, good.length / 3));
        assertBad(truncated, "");
        Path other = Files.writeString(dir.resolve("notes.txt"), "not a checkpoint at all, just some text");
        assertBad(other, "magic");
        assertBad(dir.resolve("missing.ckpt"), "no such file");
    }

    private static void assertBad(Path file, String reason) {
        FixpointException e = assertThrows(FixpointException.class, () -> TrainingCheckpoint.loadParameters(file, cpss()));
        assertTrue(e.getMessage().startsWith("[fixpoint/BadCheckpoint] " + file) && e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aNonFiniteMeasurementIsReportedAsNonFinite() {
        Tensor y = PROBLEM.testSet(4).y().copy();
        y.set(Double.NaN, 3, 2);
        FixpointException e = assertThrows(FixpointException.class, () -> cpss().forward(null, Var.constant(y)));
        assertTrue(e.getMessage().startsWith("[fixpoint/NonFinite]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        TrainingData poisoned = new TrainingData() {
            @Override
            public TrainingBatch sample(int batchSize, SplittableRandom rng) {
                TrainingBatch b = DATA.sample(batchSize, rng);
                Tensor bad = b.input().copy();
                bad.set(Double.POSITIVE_INFINITY, 0, 0);
                return new TrainingBatch(bad, b.target());
            }

            @Override
            public TrainingBatch validationSet() {
                return DATA.validationSet();
            }
        };
        FixpointException t = assertThrows(FixpointException.class,
                () -> new Trainer(small().build(), ProgressListener.SILENT).train(cpss(), poisoned));
        assertTrue(t.getMessage().startsWith("[fixpoint/NonFinite]"), t.getMessage());
    }

    @Test
    void endToEndTrainingIsOneStageOverAllParameters() throws Exception {
        ListaCpss net = cpss();
        double before = validationDb(net);
        TrainingResult r = new Trainer(small().mode(TrainingMode.END_TO_END).learningRate(2e-3).patience(40).maxStepsPerStage(80).build(),
                ProgressListener.SILENT).train(net, DATA);
        assertEquals(1, r.stages().size());
        assertEquals(3, r.stages().get(0).layers());
        double after = validationDb(net);
        RESULTS.info("trainer, lista-cpss A[20,40] 3 layers end to end ({} steps): validation NMSE {} dB → {} dB", r.steps(),
                String.format("%.2f", before), String.format("%.2f", after));
        assertTrue(after < before - 1, "validation NMSE " + before + " dB → " + after + " dB");
    }

    @Test
    void progressIsReportedOneUnitPerStage() throws Exception {
        List<String> events = new ArrayList<>();
        long[] units = new long[1];
        ProgressListener listener = new ProgressListener() {
            @Override
            public void begin(String task, long totalUnits) {
                events.add("begin " + totalUnits);
            }

            @Override
            public void advance(long u) {
                units[0] += u;
            }

            @Override
            public void end() {
                events.add("end");
            }
        };
        new Trainer(small().maxStepsPerStage(5).build(), listener).train(new Alista(PROBLEM.matrix(), 2, 0.4), DATA);
        assertEquals(List.of("begin 6", "end"), events);
        assertEquals(6, units[0]);
    }

    @Test
    void theBatchStreamDependsOnlyOnSeedAndStep() {
        TrainingBatch a = DATA.sample(8, Trainer.batchGenerator(3, 41));
        TrainingBatch b = DATA.sample(8, Trainer.batchGenerator(3, 41));
        TrainingBatch c = DATA.sample(8, Trainer.batchGenerator(3, 42));
        assertEquals(a.target(), b.target());
        assertNotEquals(a.target(), c.target());
    }

    @Test
    void groupListaLearnsOnGroupSparseData() throws Exception {
        var problem = new dev.fixpoint.solvers.sparse.GroupSparseRecoveryProblem(20, 40, 4, 0.15, Double.POSITIVE_INFINITY, 8);
        TrainingData data = SparseRecoveryData.of(problem, 60);
        var net = new dev.fixpoint.solvers.unroll.GroupLista(problem.matrix(), 4, 3, 0.2, Tying.UNTIED);
        double before = LayerwiseNmse.decibels(net, data.validationSet())[2];
        TrainingResult r = new Trainer(small().maxStepsPerStage(100).patience(40).build(), ProgressListener.SILENT).train(net, data);
        double after = LayerwiseNmse.decibels(net, data.validationSet())[2];
        RESULTS.info("trainer, group-lista A[20,40] groups of 4, 3 layers ({} steps): validation NMSE {} dB → {} dB", r.steps(),
                String.format("%.2f", before), String.format("%.2f", after));
        assertTrue(after < before - 1, before + " → " + after);
    }

    @Test
    void learningRateScalesApplyByRole() {
        assertEquals("S", TrainingSettings.role("S.12"));
        assertEquals("We", TrainingSettings.role("We"));
        assertEquals("selection.x", TrainingSettings.role("selection.x"));
        TrainingSettings s = small().learningRateScales(java.util.Map.of("S", 0.05)).build();
        assertEquals(0.05, s.learningRateScale("S.3"));
        assertEquals(1.0, s.learningRateScale("theta.3"));
        assertTrue(s.streamDefinition().get("lr-scales").contains("S=0.05"));
        assertThrows(FixpointException.class, () -> small().learningRateScales(java.util.Map.of("S", -1.0)));
    }

    @Test
    void warmStartCopiesThePreviousLayer() {
        Alista net = new Alista(PROBLEM.matrix(), 3, 0.4);
        Parameter theta0 = net.parameters().get("theta.0");
        theta0.value().fill(0.123);
        net.initialiseLayer(1, 0);
        assertEquals(0.123, net.parameters().get("theta.1").value().item(), 0.0);
        assertNotEquals(0.123, net.parameters().get("theta.2").value().item());
    }
}
