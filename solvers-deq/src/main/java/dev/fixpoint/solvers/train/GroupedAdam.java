package dev.fixpoint.solvers.train;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.autodiff.optim.Optimizer;
import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimiser of one stage: one {@link Adam} per learning-rate scale among the stage's parameters
 * (in order of first appearance), each at the stage's rate times its scale. State is saved and
 * loaded as one autodiff optimiser-state file ({@code FXOS}) per group.
 */
final class GroupedAdam {
    private final List<Optimizer> groups = new ArrayList<>();

    GroupedAdam(List<Parameter> parameters, double learningRate, TrainingSettings settings) {
        Map<Double, ParameterSet> byScale = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            byScale.computeIfAbsent(settings.learningRateScale(p.name()), s -> new ParameterSet()).add(p);
        }
        byScale.forEach((scale, set) -> groups.add(Adam.builder(set).learningRate(learningRate * scale).build()));
    }

    void zeroGrad() {
        groups.forEach(Optimizer::zeroGrad);
    }

    void step() {
        groups.forEach(Optimizer::step);
    }

    /** @return each group's state file, as bytes */
    byte[][] state(Path near) throws IOException {
        byte[][] out = new byte[groups.size()][];
        for (int i = 0; i < out.length; i++) {
            Path tmp = temporary(near);
            try {
                groups.get(i).saveState(tmp);
                out[i] = Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return out;
    }

    /** Restores the groups' states (validated by the optimisers) from {@link #state} bytes. */
    void load(byte[][] state, Path checkpoint) throws IOException {
        if (state.length != groups.size()) {
            throw new FixpointException("BadCheckpoint", checkpoint + ": " + state.length + " optimiser states for a stage with "
                    + groups.size() + " learning-rate groups");
        }
        for (int i = 0; i < state.length; i++) {
            Path tmp = temporary(checkpoint);
            try {
                Files.write(tmp, state[i]);
                groups.get(i).loadState(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static Path temporary(Path near) throws IOException {
        Path dir = near.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + near.getFileName() + ".adam", ".tmp");
    }
}
