package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerStateTest {
    @TempDir
    Path dir;

    private static Function<ParameterSet, Optimizer> sgd() {
        return p -> Sgd.builder(p).learningRate(0.05).momentum(0.9).nesterov(true).weightDecay(1e-3).build();
    }

    private static Function<ParameterSet, Optimizer> adam() {
        return p -> Adam.builder(p).learningRate(3e-3).amsgrad(true).build();
    }

    private static Function<ParameterSet, Optimizer> adamW() {
        return p -> AdamW.builder(p).learningRate(3e-3).weightDecay(0.1).build();
    }

    private static SineRegression task() {
        return new SineRegression(32, 0.1, 8, 5);
    }

    @Test
    void continuingAfterLoadGivesTheSameParametersAsUninterruptedTraining() throws IOException {
        for (Function<ParameterSet, Optimizer> factory : Arrays.asList(sgd(), adam(), adamW())) {
            SineRegression straight = task();
            Optimizer a = factory.apply(straight.params);
            a.setSchedule(LearningRateSchedule.linearWarmup(3, LearningRateSchedule.cosineAnnealing(a.learningRate(), 0, 20)));
            for (int k = 0; k < 12; k++) {
                straight.step(a);
            }

            SineRegression first = task();
            Optimizer b = factory.apply(first.params);
            b.setSchedule(a.schedule());
            for (int k = 0; k < 5; k++) {
                first.step(b);
            }
            Path values = dir.resolve(b.type() + ".params");
            Path state = dir.resolve(b.type() + ".state");
            first.params.save(values);
            b.saveState(state);

            SineRegression resumed = task();          // fresh initial values, overwritten by the load
            Optimizer c = factory.apply(resumed.params);
            c.setSchedule(a.schedule());
            resumed.params.load(values);
            c.loadState(state);
            assertEquals(5, c.steps());
            assertEquals(b.learningRate(), c.learningRate(), 0);
            for (int k = 5; k < 12; k++) {
                resumed.step(c);
            }
            assertArrayEquals(straight.params.flatten(), resumed.params.flatten(), 0, c.type());
            assertEquals(a.learningRate(), c.learningRate(), 0);
        }
    }

    @Test
    void corruptedTruncatedOrMismatchedFilesAreRejectedWithFileAndReason() throws IOException {
        SineRegression t = task();
        Optimizer adam = adam().apply(t.params);
        for (int k = 0; k < 3; k++) {
            t.step(adam);
        }
        Path good = dir.resolve("adam.state");
        adam.saveState(good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.state");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertBad(adam, truncated, "corrupted or truncated");

        Path flipped = dir.resolve("flipped.state");
        byte[] corrupt = bytes.clone();
        corrupt[bytes.length - 20] ^= 0x10;
        Files.write(flipped, corrupt);
        assertBad(adam, flipped, "checksum mismatch");

        Path params = dir.resolve("values.params");
        t.params.save(params);
        assertBad(adam, params, "not a fixpoint optimiser state file");

        Path tiny = dir.resolve("tiny.state");
        Files.write(tiny, new byte[]{1, 2});
        assertBad(adam, tiny, "not a fixpoint optimiser state file");

        assertBad(adamW().apply(t.params), good, "'adam' optimiser, this optimiser is 'adamw'");
        assertBad(Adam.builder(t.params).build(), good, "state slots [m, v, vmax] in the file");

        SineRegression wider = new SineRegression(32, 0.1, 9, 5);
        assertBad(adam().apply(wider.params), good, "has shape [1, 8] in the file but [1, 9] here");

        ParameterSet renamed = new ParameterSet();
        for (String name : new String[]{"W1", "b1", "W2", "b2", "W3x", "b3"}) {
            renamed.add(name, t.params.get(name.replace("x", "")).value().copy());
        }
        assertBad(adam().apply(renamed), good, "'W3' in the file but 'W3x' here");

        assertBad(adam, dir.resolve("missing.state"), "does not exist");
        assertEquals(3, adam.steps(), "a failed load changes nothing");
    }

    @Test
    void saveReplacesTheFileAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        ParameterSet params = new ParameterSet();
        params.add("w", Tensor.vector(1, 2));
        Optimizer opt = Sgd.builder(params).momentum(0.5).build();
        Path file = dir.resolve("sgd.state");
        opt.saveState(file);
        params.get("w").accumulateGrad(Tensor.vector(1, 1));
        opt.step();
        opt.saveState(file);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        Optimizer other = Sgd.builder(params).momentum(0.5).build();
        other.loadState(file);
        assertEquals(1, other.steps());
    }

    private static void assertBad(Optimizer opt, Path file, String reason) {
        FixpointException e = assertThrows(FixpointException.class, () -> opt.loadState(file));
        assertEquals("BadOptimizerState", e.id());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(reason), e.getMessage());
    }
}
