package dev.fixpoint.solvers.deq;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.fixedpoint.FixedPointResult;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolver;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolvers;
import java.util.Arrays;
import java.util.Objects;

/**
 * A deep equilibrium layer: {@code z* = f(z*, x; θ)} for every column of {@code x}, as one
 * differentiable operation. The forward pass runs a batched {@link FixedPointSolver} with recording off
 * (nothing of the iteration is kept); the backward pass is chosen by {@link BackwardMode} and records
 * {@code f} once at {@code z*} on a fresh tape, whatever the number of forward iterations.
 *
 * <pre>{@code
 * DeqLayer layer = DeqLayer.builder((z, x, p) -> Ops.tanh(Ops.matmul(p[0], z).add(Ops.matmul(p[1], x))), 64)
 *         .forward(FixedPointSolvers.create("anderson", FixedPointSettings.of(1e-10, 200)))
 *         .backward(BackwardMode.exact())
 *         .build();
 * Var z = layer.apply(tape.variable(x), tape.watch(w), tape.watch(u));   // [64, B]
 * }</pre>
 *
 * <p>A forward solve that diverges throws {@code [fixpoint/ForwardSolveFailed]}; one that stops at its
 * iteration limit returns each sample's lowest-residual iterate (see {@link #lastForward()}). Not
 * thread-safe (it remembers the statistics of its last forward and backward pass).
 */
public final class DeqLayer {
    private final EquilibriumFunction function;
    private final int stateSize;
    private final FixedPointSolver forward;
    private final BackwardMode backward;
    private volatile FixedPointResult lastForward;
    private volatile BackwardStatistics lastBackward;

    private DeqLayer(Builder b) {
        this.function = b.function;
        this.stateSize = b.stateSize;
        this.forward = b.forward;
        this.backward = b.backward;
    }

    /**
     * @param function  f(z, x; θ), column-wise
     * @param stateSize d, the number of rows of z (≥ 1)
     * @return a builder with Anderson (relative residual 1e-10, 500 iterations) forward and the exact backward
     */
    public static Builder builder(EquilibriumFunction function, int stateSize) {
        return new Builder(function, stateSize);
    }

    /** Builds a {@link DeqLayer}. */
    public static final class Builder {
        private final EquilibriumFunction function;
        private final int stateSize;
        private FixedPointSolver forward = FixedPointSolvers.create("anderson", FixedPointSettings.of(1e-10, 500));
        private BackwardMode backward = BackwardMode.exact();

        private Builder(EquilibriumFunction function, int stateSize) {
            this.function = Objects.requireNonNull(function, "function");
            if (stateSize < 1) {
                throw new IllegalArgumentException("[fixpoint/InvalidParameter] stateSize must be >= 1, got " + stateSize);
            }
            this.stateSize = stateSize;
        }

        /** @param solver the forward fixed-point solver; @return this builder */
        public Builder forward(FixedPointSolver solver) {
            this.forward = Objects.requireNonNull(solver, "solver");
            return this;
        }

        /** @param mode the backward mode; @return this builder */
        public Builder backward(BackwardMode mode) {
            this.backward = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** @return the layer */
        public DeqLayer build() {
            return new DeqLayer(this);
        }
    }

    /**
     * The equilibrium from {@code z = 0}.
     *
     * @param x          inputs {@code [p, B]}
     * @param parameters θ (variables on the same tape as {@code x}, or constants)
     * @return {@code z*} {@code [d, B]}
     */
    public Var apply(Var x, Var... parameters) {
        return apply(x, null, parameters);
    }

    /**
     * The equilibrium from a warm start.
     *
     * @param x          inputs {@code [p, B]}
     * @param start      starting state {@code [d, B]}, or null for zeros; not modified
     * @param parameters θ
     * @return {@code z*} {@code [d, B]}
     */
    public Var apply(Var x, Tensor start, Var... parameters) {
        if (x.value().rank() != 2) {
            throw new ShapeMismatchException("DeqLayer: the input must be [p, B] (samples are columns), got "
                    + Arrays.toString(x.shape()));
        }
        int batch = x.value().dim(1);
        if (start != null && (start.rank() != 2 || start.dim(0) != stateSize || start.dim(1) != batch)) {
            throw new ShapeMismatchException("DeqLayer warm start", start.shape(), new int[]{stateSize, batch},
                    "the start must be [stateSize, B]");
        }
        Var[] inputs = new Var[parameters.length + 1];
        inputs[0] = x;
        System.arraycopy(parameters, 0, inputs, 1, parameters.length);
        Tensor z0 = start != null ? start : Tensor.zeros(stateSize, batch);
        return new DeqOperation(this, z0).apply(inputs);
    }

    /**
     * Fully unrolled Picard iteration {@code z_{k+1} = f(z_k, x; θ)} from {@code z_0 = 0}, recorded on the
     * tape of {@code x} and θ: the reference the implicit gradient is compared with, and whose memory grows
     * with {@code iterations}.
     *
     * @return {@code z_iterations} {@code [d, B]}
     */
    public Var unrolled(Var x, int iterations, Var... parameters) {
        if (iterations < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] iterations must be >= 1, got " + iterations);
        }
        Var z = Var.constant(Tensor.zeros(stateSize, x.value().dim(1)));
        for (int k = 0; k < iterations; k++) {
            z = function.apply(z, x, parameters);
        }
        return z;
    }

    /** @return f */
    public EquilibriumFunction function() {
        return function;
    }

    /** @return d */
    public int stateSize() {
        return stateSize;
    }

    /** @return the forward solver */
    public FixedPointSolver forwardSolver() {
        return forward;
    }

    /** @return the backward mode */
    public BackwardMode backwardMode() {
        return backward;
    }

    /** @return the result of the last forward solve (per-sample statuses and residuals), or null */
    public FixedPointResult lastForward() {
        return lastForward;
    }

    /** @return the statistics of the last backward pass, or null */
    public BackwardStatistics lastBackward() {
        return lastBackward;
    }

    void recordForward(FixedPointResult r) {
        lastForward = r;
    }

    void recordBackward(BackwardStatistics s) {
        lastBackward = s;
    }
}
