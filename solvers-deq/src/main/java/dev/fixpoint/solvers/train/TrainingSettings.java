package dev.fixpoint.solvers.train;

import dev.fixpoint.core.FixpointException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of a {@link Trainer}. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code mode}: {@link TrainingMode#STAGE_WISE} (default) or {@link TrainingMode#END_TO_END}.</li>
 *   <li>{@code learningRate}: Adam's base rate lr₀ (default 5e-4, as in the papers' code).</li>
 *   <li>{@code fineTuneFactors}: stage-wise fine-tuning rates as multiples of lr₀ (default 0.2, 0.02).</li>
 *   <li>{@code layerDecay}: in stage-wise training, the stages of layer k (0-based) run at
 *       lr₀·layerDecay^k times their factor (default 1: no decay). Deeper layers refine smaller
 *       errors and need smaller steps.</li>
 *   <li>{@code learningRateScales}: per-role multipliers of the learning rate, keyed by the parameter
 *       name without its layer suffix ({@code "S"} for {@code S.3}, {@code "theta"}, {@code "We"});
 *       roles not listed use 1 (default: none). Adam moves every element by about the learning
 *       rate per step whatever its gradient's scale, so a large matrix of small entries (LISTA's
 *       S_k) needs a smaller rate than a scalar threshold; each role group gets its own Adam.</li>
 *   <li>{@code batchSize}: training examples per step (default 64).</li>
 *   <li>{@code validateEvery}: steps between validations (default 10).</li>
 *   <li>{@code patience}: a stage ends when the validation NMSE has not improved for this many steps
 *       (default 500); the parameters of its best validation are then restored.</li>
 *   <li>{@code minImprovement}: a validation counts as an improvement only if it is below
 *       best·(1 − minImprovement) (default 0: any decrease).</li>
 *   <li>{@code maxStepsPerStage}: the step cap of each stage (default 2,000).</li>
 *   <li>{@code warmStart}: in stage-wise training, initialise the new parameters of layer k ≥ 1 from
 *       the trained values of layer k−1 (for a {@link dev.fixpoint.solvers.unroll.LayerwiseTrainable}
 *       network) instead of the network's initialisation (default true). Consecutive layers of a
 *       trained network have similar weights and thresholds, so the new-parameter stage starts near
 *       its optimum; the papers' code starts every layer from the initialisation.</li>
 *   <li>{@code seed}: the training batches are drawn from a generator seeded by (seed, global step),
 *       so the stream is reproducible and a resumed run continues it exactly.</li>
 *   <li>{@code checkpoint}: file to save to and resume from (null: none); {@code checkpointEvery}:
 *       steps between saves within a stage (0: only at the end of each stage and on halting).</li>
 *   <li>{@code haltAfterSteps}: stop (after saving the checkpoint) when this run has taken this many
 *       steps, to split a long training over several sessions (default: never).</li>
 * </ul>
 *
 * The mode, seed, batch size, learning rates (with their scales) and warm start determine the sequence of batches and stages; a
 * checkpoint records them and refuses to resume under other values ({@code [fixpoint/CheckpointMismatch]}).
 * The other settings may change between sessions.
 */
public final class TrainingSettings {
    private final TrainingMode mode;
    private final double learningRate;
    private final double[] fineTuneFactors;
    private final Map<String, Double> learningRateScales;
    private final double layerDecay;
    private final int batchSize;
    private final int validateEvery;
    private final long patience;
    private final double minImprovement;
    private final long maxStepsPerStage;
    private final boolean warmStart;
    private final long seed;
    private final Path checkpoint;
    private final long checkpointEvery;
    private final long haltAfterSteps;

    private TrainingSettings(Builder b) {
        this.mode = b.mode;
        this.learningRate = b.learningRate;
        this.fineTuneFactors = b.fineTuneFactors.clone();
        this.learningRateScales = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.learningRateScales));
        this.layerDecay = b.layerDecay;
        this.batchSize = b.batchSize;
        this.validateEvery = b.validateEvery;
        this.patience = b.patience;
        this.minImprovement = b.minImprovement;
        this.maxStepsPerStage = b.maxStepsPerStage;
        this.warmStart = b.warmStart;
        this.seed = b.seed;
        this.checkpoint = b.checkpoint;
        this.checkpointEvery = b.checkpointEvery;
        this.haltAfterSteps = b.haltAfterSteps;
    }

    /** @return a builder with the defaults listed on the class */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.learningRate = learningRate;
        b.fineTuneFactors = fineTuneFactors.clone();
        b.learningRateScales = new java.util.TreeMap<>(learningRateScales);
        b.layerDecay = layerDecay;
        b.batchSize = batchSize;
        b.validateEvery = validateEvery;
        b.patience = patience;
        b.minImprovement = minImprovement;
        b.maxStepsPerStage = maxStepsPerStage;
        b.warmStart = warmStart;
        b.seed = seed;
        b.checkpoint = checkpoint;
        b.checkpointEvery = checkpointEvery;
        b.haltAfterSteps = haltAfterSteps;
        return b;
    }

    /** @return the schedule */
    public TrainingMode mode() {
        return mode;
    }

    /** @return Adam's base learning rate lr₀ */
    public double learningRate() {
        return learningRate;
    }

    /** @return a copy of the fine-tuning factors */
    public double[] fineTuneFactors() {
        return fineTuneFactors.clone();
    }

    /** @return the per-layer decay of the stage-wise learning rate */
    public double layerDecay() {
        return layerDecay;
    }

    /** @return the learning-rate multipliers by parameter role (unmodifiable, sorted) */
    public Map<String, Double> learningRateScales() {
        return learningRateScales;
    }

    /**
     * @param parameterName e.g. {@code "S.3"}, {@code "We"}
     * @return the multiplier of its role ({@link #role}), 1 if none is set
     */
    public double learningRateScale(String parameterName) {
        return learningRateScales.getOrDefault(role(parameterName), 1.0);
    }

    /** @return the name without a trailing {@code .k} layer index ({@code "theta.3"} → {@code "theta"}) */
    public static String role(String parameterName) {
        int dot = parameterName.lastIndexOf('.');
        if (dot > 0 && dot < parameterName.length() - 1 && parameterName.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return parameterName.substring(0, dot);
        }
        return parameterName;
    }

    /** @return training examples per step */
    public int batchSize() {
        return batchSize;
    }

    /** @return steps between validations */
    public int validateEvery() {
        return validateEvery;
    }

    /** @return steps without improvement that end a stage */
    public long patience() {
        return patience;
    }

    /** @return the relative validation improvement that counts */
    public double minImprovement() {
        return minImprovement;
    }

    /** @return the step cap of each stage */
    public long maxStepsPerStage() {
        return maxStepsPerStage;
    }

    /** @return the seed of the training-batch stream */
    public long seed() {
        return seed;
    }

    /** @return whether new layers start from the trained previous layer */
    public boolean warmStart() {
        return warmStart;
    }

    /** @return the checkpoint file, or null */
    public Path checkpoint() {
        return checkpoint;
    }

    /** @return steps between checkpoint saves within a stage (0: stage ends and halts only) */
    public long checkpointEvery() {
        return checkpointEvery;
    }

    /** @return the steps after which a session saves and stops */
    public long haltAfterSteps() {
        return haltAfterSteps;
    }

    /** @return the settings that fix the stream of batches and stages, as recorded in checkpoints */
    Map<String, String> streamDefinition() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", mode.name().toLowerCase(Locale.ROOT));
        m.put("seed", Long.toString(seed));
        m.put("batch", Integer.toString(batchSize));
        m.put("lr", Double.toString(learningRate));
        m.put("fine-tune", Arrays.toString(fineTuneFactors));
        m.put("lr-scales", learningRateScales.toString());
        m.put("layer-decay", Double.toString(layerDecay));
        m.put("warm-start", Boolean.toString(warmStart));
        return m;
    }

    @Override
    public String toString() {
        return "TrainingSettings" + streamDefinition() + "[validateEvery=" + validateEvery + ", patience=" + patience
                + ", minImprovement=" + minImprovement + ", maxStepsPerStage=" + maxStepsPerStage
                + (checkpoint == null ? "" : ", checkpoint=" + checkpoint) + "]";
    }

    /** Collects settings; each setter checks its range ({@code [fixpoint/InvalidParameter]}). */
    public static final class Builder {
        private TrainingMode mode = TrainingMode.STAGE_WISE;
        private double learningRate = 5e-4;
        private double[] fineTuneFactors = {0.2, 0.02};
        private Map<String, Double> learningRateScales = new java.util.TreeMap<>();
        private double layerDecay = 1;
        private int batchSize = 64;
        private int validateEvery = 10;
        private long patience = 500;
        private double minImprovement = 0;
        private long maxStepsPerStage = 2000;
        private boolean warmStart = true;
        private long seed = 1;
        private Path checkpoint;
        private long checkpointEvery;
        private long haltAfterSteps = Long.MAX_VALUE;

        private Builder() {
        }

        private static FixpointException bad(String what, Object value, String range) {
            return new FixpointException("InvalidParameter", "training " + what + " must be " + range + ", got " + value);
        }

        /** @param value the schedule */
        public Builder mode(TrainingMode value) {
            this.mode = java.util.Objects.requireNonNull(value, "mode");
            return this;
        }

        /** @param value lr₀, finite and &gt; 0 */
        public Builder learningRate(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw bad("learning rate", value, "finite and > 0");
            }
            this.learningRate = value;
            return this;
        }

        /** @param values multiples of lr₀ for the fine-tuning stages, each finite and &gt; 0 (may be empty) */
        public Builder fineTuneFactors(double... values) {
            for (double v : values) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw bad("fine-tuning factor", v, "finite and > 0");
                }
            }
            this.fineTuneFactors = values.clone();
            return this;
        }

        /**
         * @param scales multipliers (finite, &gt; 0) of the learning rate by parameter role, e.g.
         *               {@code Map.of("S", 0.05, "We", 0.05)}; replaces earlier scales
         */
        public Builder learningRateScales(Map<String, Double> scales) {
            for (Map.Entry<String, Double> e : scales.entrySet()) {
                if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                    throw bad("learning-rate scale of '" + e.getKey() + "'", e.getValue(), "finite and > 0");
                }
            }
            this.learningRateScales = new java.util.TreeMap<>(scales);
            return this;
        }

        /** @param value the per-layer decay of stage-wise learning rates, in (0, 1] */
        public Builder layerDecay(double value) {
            if (!(value > 0 && value <= 1)) {
                throw bad("layer decay", value, "in (0, 1]");
            }
            this.layerDecay = value;
            return this;
        }

        /** @param value ≥ 1 */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw bad("batch size", value, ">= 1");
            }
            this.batchSize = value;
            return this;
        }

        /** @param value steps between validations, ≥ 1 */
        public Builder validateEvery(int value) {
            if (value < 1) {
                throw bad("validation interval", value, ">= 1 step");
            }
            this.validateEvery = value;
            return this;
        }

        /** @param value steps without improvement that end a stage, ≥ 1 */
        public Builder patience(long value) {
            if (value < 1) {
                throw bad("patience", value, ">= 1 step");
            }
            this.patience = value;
            return this;
        }

        /** @param value relative improvement required, in [0, 1) */
        public Builder minImprovement(double value) {
            if (!(value >= 0 && value < 1)) {
                throw bad("minimum relative improvement", value, "in [0, 1)");
            }
            this.minImprovement = value;
            return this;
        }

        /** @param value the step cap of each stage, ≥ 1 */
        public Builder maxStepsPerStage(long value) {
            if (value < 1) {
                throw bad("step cap per stage", value, ">= 1");
            }
            this.maxStepsPerStage = value;
            return this;
        }

        /** @param value whether stage-wise training starts layer k from the trained layer k−1 */
        public Builder warmStart(boolean value) {
            this.warmStart = value;
            return this;
        }

        /** @param value the seed of the training-batch stream */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @param file the checkpoint file (null: no checkpoint) */
        public Builder checkpoint(Path file) {
            this.checkpoint = file;
            return this;
        }

        /** @param value steps between saves within a stage, ≥ 0 (0: only at stage ends and on halting) */
        public Builder checkpointEvery(long value) {
            if (value < 0) {
                throw bad("checkpoint interval", value, ">= 0 steps");
            }
            this.checkpointEvery = value;
            return this;
        }

        /** @param value steps after which this run saves and stops, ≥ 1 */
        public Builder haltAfterSteps(long value) {
            if (value < 1) {
                throw bad("halt-after step count", value, ">= 1");
            }
            this.haltAfterSteps = value;
            return this;
        }

        /** @return the settings */
        public TrainingSettings build() {
            return new TrainingSettings(this);
        }
    }
}
