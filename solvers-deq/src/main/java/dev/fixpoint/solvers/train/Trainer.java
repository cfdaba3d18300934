package dev.fixpoint.solvers.train;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.unroll.LayerwiseTrainable;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link UnrolledNetwork} with Adam on the NMSE loss
 * {@code Σ‖x̂ − x‖² / Σ‖x‖²} of a batch, stage-wise (layer by layer) or end to end; see
 * {@link TrainingSettings} and the package documentation for the schedule, early stopping and
 * checkpoints.
 *
 * <p>Each stage runs a fresh Adam over its parameters; every {@code validateEvery} steps the
 * validation NMSE of the stage's last layer is measured, the best parameters are kept, and the stage
 * ends after {@code patience} steps without improvement or at the step cap, restoring its best
 * parameters. The training batch of global step t is drawn from a generator seeded by (seed, t).
 * When the network is {@link LayerwiseTrainable}, a stage that trains only the new parameters of
 * layer k records only layer k (the earlier layers run as inference), and, with
 * {@link TrainingSettings#warmStart()}, layer k starts from the trained values of layer k−1.
 *
 * <p>Progress goes to the {@link ProgressListener} (one unit per stage, a status line per
 * validation) and to the SLF4J logger of this class (a line per stage at INFO). Not thread-safe.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private final TrainingSettings settings;
    private final ProgressListener progress;

    /**
     * @param settings the settings
     * @param progress where to report progress ({@link ProgressListener#SILENT} for none)
     */
    public Trainer(TrainingSettings settings, ProgressListener progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = progress == null ? ProgressListener.SILENT : progress;
    }

    /** One stage of the plan. */
    private record Stage(String name, int layer, int layers, double learningRate, ParameterSet parameters, boolean onlyNew) {
    }

    /**
     * Trains {@code network} in place (its parameters are <b>modified</b>), resuming from the
     * checkpoint file of the settings if it exists.
     *
     * @return the stages run (including those of earlier sessions), steps and time
     * @throws FixpointException {@code [fixpoint/CheckpointMismatch]} if the checkpoint belongs to another
     *         network configuration or other stream settings; {@code [fixpoint/BadCheckpoint]} if it is
     *         unreadable; {@code [fixpoint/NonFinite]} if the loss or a validation becomes NaN/Inf
     *         (naming the stage and step)
     */
    public TrainingResult train(UnrolledNetwork network, TrainingData data) throws IOException {
        List<Stage> plan = plan(network);
        Path checkpoint = settings.checkpoint();
        TrainingCheckpoint.Position pos = new TrainingCheckpoint.Position(0, 0, 0, Double.POSITIVE_INFINITY, 0, 0, List.of());
        Map<String, double[]> snapshot = Map.of();
        byte[][] optimizerState = new byte[0][];
        if (checkpoint != null && Files.exists(checkpoint)) {
            TrainingCheckpoint.Contents c = TrainingCheckpoint.read(checkpoint);
            TrainingCheckpoint.checkConfiguration(checkpoint, c, network);
            Map<String, String> stream = settings.streamDefinition();
            if (!c.stream().equals(new java.util.TreeMap<>(stream))) {
                throw new FixpointException("CheckpointMismatch", checkpoint + " was written by a training with settings "
                        + c.stream() + ", which differ from " + stream + " (differing: "
                        + TrainingCheckpoint.differingKeys(c.stream(), new java.util.TreeMap<>(stream))
                        + "); resume with the same mode, seed, batch size and learning rates, or use another checkpoint file");
            }
            if (c.position().stage() > plan.size()) {
                throw new FixpointException("BadCheckpoint", checkpoint + ": " + c.position().stage()
                        + " completed stages but the plan has only " + plan.size());
            }
            TrainingCheckpoint.assign(checkpoint, c, network.parameters());
            pos = c.position();
            snapshot = c.snapshot();
            optimizerState = c.optimizer();
            LOG.info("{}: resuming from {} at stage {}/{}, step {} of the stage, global step {}", network.architecture(),
                    checkpoint, pos.stage() + 1, plan.size(), pos.stepInStage(), pos.globalStep());
        }
        TrainingBatch validation = data.validationSet();
        List<TrainingResult.StageSummary> done = new ArrayList<>(pos.done());
        double secondsDone = done.stream().mapToDouble(TrainingResult.StageSummary::seconds).sum();
        long globalStep = pos.globalStep();
        long runSteps = 0;
        progress.begin("training " + network.architecture() + " (" + plan.size() + " stages)", plan.size());
        try {
            progress.advance(pos.stage());
            for (int si = pos.stage(); si < plan.size(); si++) {
                Stage stage = plan.get(si);
                List<Parameter> trained = stage.parameters().list();
                GroupedAdam adam = new GroupedAdam(trained, stage.learningRate(), settings);
                long step;
                double best;
                long bestStep;
                double secondsBefore;
                double[][] bestValues;
                if (si == pos.stage() && pos.stepInStage() > 0) {
                    step = pos.stepInStage();
                    best = pos.best();
                    bestStep = pos.bestStep();
                    secondsBefore = pos.stageSeconds();
                    bestValues = fromSnapshot(checkpoint, trained, snapshot);
                    if (optimizerState.length == 0) {
                        throw new FixpointException("BadCheckpoint", checkpoint + ": a stage in progress without optimiser state");
                    }
                    adam.load(optimizerState, checkpoint);
                } else {
                    if (stage.onlyNew() && stage.layer() > 0 && settings.warmStart() && network instanceof LayerwiseTrainable lt) {
                        lt.initialiseLayer(stage.layer(), stage.layer() - 1);
                    }
                    step = 0;
                    best = validate(network, validation, stage, 0);
                    bestStep = 0;
                    secondsBefore = 0;
                    bestValues = values(trained);
                }
                long t0 = System.nanoTime();
                Set<Parameter> recorded = Collections.newSetFromMap(new IdentityHashMap<>());
                recorded.addAll(trained);
                while (step < settings.maxStepsPerStage() && step - bestStep < settings.patience()) {
                    if (runSteps >= settings.haltAfterSteps()) {
                        double seconds = secondsBefore + (System.nanoTime() - t0) * 1e-9;
                        if (checkpoint != null) {
                            save(checkpoint, network, new TrainingCheckpoint.Position(si, step, globalStep, best, bestStep,
                                    seconds, done), trained, bestValues, adam);
                        }
                        LOG.info("{}: halted after {} steps in this session at stage {}/{} ('{}'), step {}",
                                network.architecture(), runSteps, si + 1, plan.size(), stage.name(), step);
                        return new TrainingResult(done, globalStep, secondsDone + seconds, false);
                    }
                    TrainingBatch batch = data.sample(settings.batchSize(), batchGenerator(settings.seed(), globalStep));
                    adam.zeroGrad();
                    double loss = lossAndGradient(network, batch, stage, recorded, step);
                    if (!Double.isFinite(loss)) {
                        throw new FixpointException("NonFinite", network.architecture() + ": the training loss is " + loss
                                + " at step " + (step + 1) + " of stage '" + stage.name() + "'; lower the learning rate");
                    }
                    adam.step();
                    step++;
                    globalStep++;
                    runSteps++;
                    if (step % settings.validateEvery() == 0) {
                        double v = validate(network, validation, stage, step);
                        if (v < best * (1 - settings.minImprovement())) {
                            best = v;
                            bestStep = step;
                            copy(trained, bestValues);
                        }
                        progress.status(String.format("%s: step %d, validation %.2f dB (best %.2f dB)", stage.name(), step,
                                10 * Math.log10(v), 10 * Math.log10(best)));
                    }
                    if (checkpoint != null && settings.checkpointEvery() > 0 && globalStep % settings.checkpointEvery() == 0) {
                        save(checkpoint, network, new TrainingCheckpoint.Position(si, step, globalStep, best, bestStep,
                                secondsBefore + (System.nanoTime() - t0) * 1e-9, done), trained, bestValues, adam);
                    }
                }
                restore(trained, bestValues);
                double seconds = secondsBefore + (System.nanoTime() - t0) * 1e-9;
                secondsDone += seconds;
                TrainingResult.StageSummary summary = new TrainingResult.StageSummary(stage.name(), stage.layers(),
                        stage.learningRate(), step, 10 * Math.log10(best), seconds);
                done.add(summary);
                LOG.info("{} {}: {} steps, best validation NMSE {} dB (lr {}), {} s", network.architecture(), stage.name(),
                        step, String.format("%.2f", summary.bestValidationDb()), stage.learningRate(), String.format("%.1f", seconds));
                progress.advance(1);
                if (checkpoint != null) {
                    TrainingCheckpoint.save(checkpoint, network, settings.streamDefinition(),
                            new TrainingCheckpoint.Position(si + 1, 0, globalStep, Double.POSITIVE_INFINITY, 0, 0, done),
                            Map.of(), new byte[0][]);
                }
            }
        } finally {
            progress.end();
        }
        return new TrainingResult(done, globalStep, secondsDone, true);
    }

    private List<Stage> plan(UnrolledNetwork network) {
        List<Stage> plan = new ArrayList<>();
        int depth = network.depth();
        if (settings.mode() == TrainingMode.END_TO_END) {
            if (network.parameters().count() > 0) {
                plan.add(new Stage("end to end", depth - 1, depth, settings.learningRate(), network.parameters(), false));
            }
            return plan;
        }
        ParameterSet sofar = new ParameterSet();
        for (int k = 0; k < depth; k++) {
            ParameterSet fresh = network.layerParameters(k);
            String layer = "layer " + (k + 1) + "/" + depth;
            double lr = settings.learningRate() * Math.pow(settings.layerDecay(), k);
            if (fresh.count() > 0) {
                plan.add(new Stage(layer + " new parameters", k, k + 1, lr, fresh, true));
            }
            for (Parameter p : fresh) {
                sofar.add(p);
            }
            if (sofar.count() == 0) {
                continue;
            }
            for (double f : settings.fineTuneFactors()) {
                ParameterSet all = new ParameterSet();
                sofar.forEach(all::add);
                plan.add(new Stage(layer + " fine-tune ×" + f, k, k + 1, lr * f, all, false));
            }
        }
        return plan;
    }

    private static double lossAndGradient(UnrolledNetwork network, TrainingBatch batch, Stage stage, Set<Parameter> recorded,
                                          long step) {
        double ref = batch.target().dot(batch.target());
        if (!(ref > 0)) {
            throw new FixpointException("InvalidInput", "training batch at step " + (step + 1) + " of stage '" + stage.name()
                    + "' has an all-zero target, so its NMSE is undefined");
        }
        try (Tape tape = new Tape()) {
            Var input = Var.constant(batch.input());
            List<Var> outs = stage.onlyNew() && network instanceof LayerwiseTrainable s
                    ? s.forward(tape, input, stage.layers(), recorded::contains)
                    : network.forward(tape, input, stage.layers());
            Var out = outs.get(stage.layers() - 1);
            Var loss = Ops.scale(Ops.mse(out, Var.constant(batch.target())), batch.target().size() / ref);
            double value = loss.item();
            if (Double.isFinite(value) && loss.requiresGrad()) {
                tape.backward(loss);
            }
            return value;
        }
    }

    private static double validate(UnrolledNetwork network, TrainingBatch validation, Stage stage, long step) {
        Var out = network.forward(null, Var.constant(validation.input()), stage.layers()).get(stage.layers() - 1);
        return LayerwiseNmse.ratio(out.value(), validation.target(),
                network.architecture() + " validation after step " + step + " of stage '" + stage.name() + "'");
    }

    /** @return the generator of the training batch of global step {@code step} */
    static SplittableRandom batchGenerator(long seed, long step) {
        return new SplittableRandom(mix(seed ^ mix(step + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[][] values(List<Parameter> ps) {
        double[][] v = new double[ps.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = ps.get(i).value().toArray();
        }
        return v;
    }

    private static void copy(List<Parameter> ps, double[][] into) {
        for (int i = 0; i < into.length; i++) {
            Tensor t = ps.get(i).value();
            System.arraycopy(t.data(), t.offset(), into[i], 0, into[i].length);
        }
    }

    private static void restore(List<Parameter> ps, double[][] from) {
        for (int i = 0; i < from.length; i++) {
            Tensor t = ps.get(i).value();
            System.arraycopy(from[i], 0, t.data(), t.offset(), from[i].length);
        }
    }

    private static double[][] fromSnapshot(Path file, List<Parameter> ps, Map<String, double[]> snapshot) {
        double[][] v = new double[ps.size()][];
        for (int i = 0; i < v.length; i++) {
            double[] s = snapshot.get(ps.get(i).name());
            if (s == null || s.length != ps.get(i).size()) {
                throw new FixpointException("BadCheckpoint", file + ": the best-parameter snapshot lacks '" + ps.get(i).name()
                        + "' or has the wrong size");
            }
            v[i] = s.clone();
        }
        return v;
    }

    private void save(Path file, UnrolledNetwork network, TrainingCheckpoint.Position pos, List<Parameter> trained,
                      double[][] bestValues, GroupedAdam adam) throws IOException {
        Map<String, double[]> snap = new LinkedHashMap<>();
        for (int i = 0; i < trained.size(); i++) {
            snap.put(trained.get(i).name(), bestValues[i]);
        }
        TrainingCheckpoint.save(file, network, settings.streamDefinition(), pos, snap, adam.state(file));
    }

}
