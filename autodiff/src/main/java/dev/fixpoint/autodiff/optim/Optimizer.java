package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A first-order optimiser over a {@link ParameterSet}: each {@link #step()} reads the parameters'
 * accumulated gradients ({@link Parameter#grad()}) and updates their values <b>in place</b>.
 * {@code step()} does not zero the gradients; call {@link #zeroGrad()} before the next backward.
 *
 * <pre>{@code
 * Optimizer opt = Adam.builder(params).learningRate(1e-3).build();
 * for (int k = 0; k < steps; k++) {
 *     opt.zeroGrad();
 *     try (Tape tape = new Tape()) {
 *         tape.backward(loss(tape));
 *     }
 *     opt.step();
 * }
 * }</pre>
 *
 * <p><b>State.</b> An optimiser keeps per-parameter buffers ("slots", each of the parameter's shape,
 * for example Adam's first and second moments), allocated once at construction, plus the step count
 * and the learning rate. After construction a step allocates nothing. {@link #saveState} writes them
 * atomically; {@link #loadState} validates the file (optimiser type, slots, parameter names and
 * shapes, checksum) before changing anything. Parameter values are not part of the state: save them
 * with {@link ParameterSet#save}.
 *
 * <p><b>Learning rate.</b> Either a fixed rate ({@link #setLearningRate}) or a
 * {@link LearningRateSchedule} ({@link #setSchedule}) asked at every step with the step count.
 *
 * <p><b>Extending.</b> Subclasses declare their slots in the constructor and implement
 * {@link #update(double, long)} as loops over the primitive arrays of {@link #value(int)},
 * {@link #gradient(int)} and {@link #buffer(int, int)}. Not thread-safe.
 */
public abstract class Optimizer {
    private final ParameterSet parameters;
    private final Parameter[] params;
    private final String[] slots;
    private final double[][][] buffers; // [slot][parameter]
    private double learningRate;
    private LearningRateSchedule schedule;
    private long steps;

    /**
     * @param parameters   the parameters to update (the set's current members; later additions are ignored)
     * @param learningRate initial learning rate, finite and {@code ≥ 0}
     * @param slots        names of the per-parameter state buffers (e.g. {@code "m", "v"}); may be empty
     */
    protected Optimizer(ParameterSet parameters, double learningRate, String... slots) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        List<Parameter> list = parameters.list();
        if (list.isEmpty()) {
            throw new FixpointException("BadHyperparameter", "an optimiser needs at least one parameter; the set is empty");
        }
        this.params = list.toArray(new Parameter[0]);
        this.slots = slots.clone();
        this.learningRate = Hyperparameters.nonNegative("learning rate", learningRate);
        this.buffers = new double[this.slots.length][params.length][];
        for (int s = 0; s < this.slots.length; s++) {
            for (int p = 0; p < params.length; p++) {
                buffers[s][p] = new double[params[p].size()];
            }
        }
    }

    /** @return a stable name of the algorithm (e.g. {@code "adam"}), recorded in state files */
    public abstract String type();

    /**
     * Applies one update to every parameter value in place.
     *
     * @param lr   the learning rate of this step
     * @param step the 1-based number of this step (for bias corrections)
     */
    protected abstract void update(double lr, long step);

    /**
     * Applies one update from the current gradients: <b>modifies</b> the parameter values and the
     * optimiser state; leaves the gradients unchanged. With a schedule, the rate used is
     * {@code schedule.rate(steps())}, and {@link #learningRate()} reports it afterwards.
     *
     * @throws FixpointException {@code [fixpoint/NonFinite]} if a gradient holds NaN or ±Inf, naming the
     *         parameter, element and step; nothing is modified then
     */
    public final void step() {
        for (Parameter p : params) {
            Tensor g = p.grad();
            double[] gd = g.data();
            int off = g.offset();
            int n = g.size();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(gd[off + i])) {
                    throw new FixpointException("NonFinite", type() + " step " + (steps + 1) + ": the gradient of parameter '"
                            + p.name() + "' has " + gd[off + i] + " at flat index " + i + "; no parameter was updated");
                }
            }
        }
        if (schedule != null) {
            double lr = schedule.rate(steps);
            if (!(lr >= 0) || !Double.isFinite(lr)) {
                throw Hyperparameters.bad("scheduled learning rate at step " + steps, lr, "a finite number ≥ 0");
            }
            learningRate = lr;
        }
        update(learningRate, steps + 1);
        steps++;
    }

    /** Sets every gradient of the optimised parameters to zero. */
    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** @return the learning rate of the last step (or of the next one, without a schedule) */
    public double learningRate() {
        return learningRate;
    }

    /** Sets a fixed learning rate (finite, {@code ≥ 0}) and removes any schedule. */
    public void setLearningRate(double lr) {
        this.learningRate = Hyperparameters.nonNegative("learning rate", lr);
        this.schedule = null;
    }

    /** Uses {@code schedule} from the next step on; null returns to the current fixed rate. */
    public void setSchedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    /** @return the schedule, or null for a fixed rate */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return the number of steps taken (restored by {@link #loadState}) */
    public long steps() {
        return steps;
    }

    /** @return the parameter set given at construction */
    public ParameterSet parameters() {
        return parameters;
    }

    /**
     * Writes the type, step count, learning rate and slot buffers to {@code file} atomically
     * (binary, magic {@code FXOS}, CRC-32 checked).
     */
    public void saveState(Path file) throws IOException {
        OptimizerStateFile.write(file, type(), steps, learningRate, slots, params, buffers);
    }

    /**
     * Restores state written by {@link #saveState}: <b>modifies</b> the step count, the learning rate
     * (a schedule, if set, stays and takes over at the next step) and the slot buffers — only if the
     * whole file is valid.
     *
     * @throws FixpointException {@code [fixpoint/BadOptimizerState]} naming the file and the reason
     *         (not an optimiser state file, corrupted or truncated, other optimiser type or slots,
     *         parameter names or shapes that differ)
     */
    public void loadState(Path file) throws IOException {
        OptimizerStateFile.Contents c = OptimizerStateFile.read(file, type(), slots, params);
        for (int s = 0; s < slots.length; s++) {
            for (int p = 0; p < params.length; p++) {
                System.arraycopy(c.buffers()[s][p], 0, buffers[s][p], 0, buffers[s][p].length);
            }
        }
        steps = c.steps();
        learningRate = c.learningRate();
    }

    // ------------------------------------------------------------------ for subclasses

    /** @return the number of optimised parameters */
    protected final int parameterCount() {
        return params.length;
    }

    /** @return parameter {@code p}'s value, updated in place by {@link #update} */
    protected final Tensor value(int p) {
        return params[p].value();
    }

    /** @return parameter {@code p}'s gradient (read only) */
    protected final Tensor gradient(int p) {
        return params[p].grad();
    }

    /** @return state slot {@code slot} of parameter {@code p}: row-major, the parameter's size, offset 0 */
    protected final double[] buffer(int slot, int p) {
        return buffers[slot][p];
    }
}
