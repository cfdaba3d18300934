package dev.fixpoint.solvers.suites;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.optim.Adam;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.solvers.deq.BackwardMode;
import dev.fixpoint.solvers.deq.DeqLayer;
import dev.fixpoint.solvers.deq.EquilibriumFunction;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic task of the {@code deq} suite: regress the output {@code y = V_t z_t*(x)} of a random
 * teacher tanh DEQ ({@code ‖W_t‖₂ = 0.8}) with a student {@code z* = tanh(Wz + Ux + b)}, {@code ŷ = Vz*},
 * mean squared error, Adam. After every step W is projected back to {@code ‖W‖₂ ≤ 0.95} so the student
 * stays contractive. Each backward mode trains from the same initialisation on the same batches.
 */
final class DeqRegressionTask {
    static final EquilibriumFunction CELL = (z, x, p) ->
            Ops.tanh(Ops.add(Ops.add(Ops.matmul(p[0], z), Ops.matmul(p[1], x)), p[2]));
    static final double MAX_NORM = 0.95;

    /** One training run's figures. */
    record Run(String mode, double[] testMse, double finalTestMse, double forwardMs, double backwardMs,
               long backwardDoubles, double meanForwardEvaluations) {
    }

    final int d;
    final int p;
    final int q;
    final Tensor xTrain;
    final Tensor yTrain;
    final Tensor xTest;
    final Tensor yTest;
    private final long seed;

    DeqRegressionTask(int d, int p, int q, int train, int test, long seed) {
        this.d = d;
        this.p = p;
        this.q = q;
        this.seed = seed;
        Tensor wt = Tensor.randn(seed + 1, d, d);
        wt = wt.mul(0.8 / spectralNorm(wt));
        Tensor ut = Tensor.randn(seed + 2, d, p).mul(1.5 / Math.sqrt(p));
        Tensor bt = Tensor.randn(seed + 3, d, 1).mul(0.2);
        Tensor vt = Tensor.randn(seed + 4, q, d).mul(1.0 / Math.sqrt(d));
        xTrain = Tensor.randn(seed + 5, p, train);
        xTest = Tensor.randn(seed + 6, p, test);
        yTrain = teacher(wt, ut, bt, vt, xTrain);
        yTest = teacher(wt, ut, bt, vt, xTest);
    }

    private Tensor teacher(Tensor w, Tensor u, Tensor b, Tensor v, Tensor x) {
        DeqLayer layer = DeqLayer.builder(CELL, d).build();
        Var z = layer.apply(Var.constant(x), Var.constant(w), Var.constant(u), Var.constant(b));
        layer.lastForward().requireConverged();
        return Tensor.matmul(v, false, z.value(), false);
    }

    static double spectralNorm(Tensor a) {
        return LinearAlgebra.current().svd(a).s().max();
    }

    ParameterSet initialParameters() {
        ParameterSet ps = new ParameterSet();
        Tensor w = Tensor.randn(seed + 10, d, d);
        ps.add("W", w.mul(0.5 / spectralNorm(w)));
        ps.add("U", Tensor.randn(seed + 11, d, p).mul(1.0 / Math.sqrt(p)));
        ps.add("b", Tensor.zeros(d, 1));
        ps.add("V", Tensor.randn(seed + 12, q, d).mul(1.0 / Math.sqrt(d)));
        return ps;
    }

    /**
     * Trains one mode.
     *
     * @param mode      a backward mode, or null for unrolled backprop through {@code unroll} Picard steps
     * @param forward   the forward solver of the DEQ modes
     * @param steps     Adam steps
     * @param batch     samples per step
     * @param evalEvery test MSE every this many steps
     */
    Run train(String label, BackwardMode mode, int unroll, FixedPointSolver forward, int steps, int batch, double lr,
              int evalEvery) {
        return train(label, mode, unroll, forward, steps, batch, lr, evalEvery, 0);
    }

    /**
     * As {@link #train(String, BackwardMode, int, FixedPointSolver, int, int, double, int)}, adding
     * {@code jacobianWeight ×} the Hutchinson estimate of ‖∂f/∂z‖²_F (one probe per step) to the loss.
     */
    Run train(String label, BackwardMode mode, int unroll, FixedPointSolver forward, int steps, int batch, double lr,
              int evalEvery, double jacobianWeight) {
        java.util.SplittableRandom probes = new java.util.SplittableRandom(seed + 77);
        ParameterSet ps = initialParameters();
        Parameter w = ps.get("W");
        Adam adam = Adam.builder(ps).learningRate(lr).build();
        DeqLayer layer = DeqLayer.builder(CELL, d).forward(forward)
                .backward(mode == null ? BackwardMode.jacobianFree() : mode).build();
        int train = xTrain.dim(1);
        List<Double> curve = new ArrayList<>();
        double forwardNs = 0;
        double backwardNs = 0;
        long doubles = 0;
        double evaluations = 0;
        for (int step = 0; step < steps; step++) {
            int from = (step * batch) % Math.max(1, train - batch + 1);
            Tensor xb = xTrain.slice(1, from, from + batch);
            Tensor yb = yTrain.slice(1, from, from + batch);
            adam.zeroGrad();
            try (Tape tape = new Tape()) {
                Var[] params = {tape.watch(w), tape.watch(ps.get("U")), tape.watch(ps.get("b"))};
                Var x = Var.constant(xb);
                long t0 = System.nanoTime();
                Var z = mode == null ? layer.unrolled(x, unroll, params) : layer.apply(x, params);
                Var loss = Ops.mse(Ops.matmul(tape.watch(ps.get("V")), z), Var.constant(yb));
                if (jacobianWeight > 0 && mode != null) {
                    loss = Ops.add(loss, Ops.scale(dev.fixpoint.solvers.deq.JacobianRegularization.hutchinson(CELL,
                            z.value(), x, params, 1, probes), jacobianWeight));
                }
                long t1 = System.nanoTime();
                int nodes = tape.size();
                loss.backward();
                long t2 = System.nanoTime();
                forwardNs += t1 - t0;
                backwardNs += t2 - t1;
                if (mode == null) {
                    doubles = Math.max(doubles, (long) nodes * d * batch);
                } else {
                    doubles = Math.max(doubles, (long) layer.lastBackward().tapeNodes() * d * batch);
                    evaluations += layer.lastForward().totalEvaluations() / (double) batch;
                }
            }
            adam.step();
            double norm = spectralNorm(w.value());
            if (norm > MAX_NORM) {
                w.value().scaleInPlace(MAX_NORM / norm);
            }
            if ((step + 1) % evalEvery == 0 || step == steps - 1) {
                curve.add(testMse(layer, ps));
            }
        }
        double[] c = curve.stream().mapToDouble(Double::doubleValue).toArray();
        return new Run(label, c, c[c.length - 1], forwardNs * 1e-6 / steps, backwardNs * 1e-6 / steps, doubles,
                mode == null ? unroll : evaluations / steps);
    }

    /**
     * Backward memory against the number of forward iterations: for each N, the doubles held by the tape of
     * the exact DEQ backward (forward: exactly N Picard steps) and by the tape of N unrolled steps, at the
     * initial parameters on {@code batch} training samples (operations × d·B; every operation of the cell
     * outputs a [d, B] tensor).
     *
     * @return {@code [2][iterations.length]}: DEQ doubles, unrolled doubles
     */
    long[][] memoryScan(int[] iterations, int batch) {
        ParameterSet ps = initialParameters();
        Tensor xb = xTrain.slice(1, 0, batch);
        long[][] out = new long[2][iterations.length];
        for (int i = 0; i < iterations.length; i++) {
            int n = iterations[i];
            DeqLayer layer = DeqLayer.builder(CELL, d).forward(new dev.fixpoint.solvers.fixedpoint.PicardIteration(
                    FixedPointSettings.defaults().withStopping(dev.fixpoint.solvers.StoppingCriteria.fixedIterations(n)
                            .withHistory(false)))).backward(BackwardMode.exact()).build();
            Tensor seed = Tensor.ones(d, batch);
            try (Tape tape = new Tape()) {
                Var[] p = {tape.watch(ps.get("W")), tape.watch(ps.get("U")), tape.watch(ps.get("b"))};
                layer.apply(Var.constant(xb), p).backward(seed);
                out[0][i] = (long) layer.lastBackward().tapeNodes() * d * batch;
            }
            try (Tape tape = new Tape()) {
                Var[] p = {tape.watch(ps.get("W")), tape.watch(ps.get("U")), tape.watch(ps.get("b"))};
                Var z = layer.unrolled(Var.constant(xb), n, p);
                out[1][i] = (long) tape.size() * d * batch;
                z.backward(seed);
            }
        }
        ps.zeroGrad();
        return out;
    }

    /** @return the test MSE of the student at its equilibrium (solved to the forward solver's tolerance) */
    double testMse(DeqLayer layer, ParameterSet ps) {
        try (NoGrad scope = NoGrad.enter()) {
            Var z = DeqLayer.builder(CELL, d).forward(layer.forwardSolver()).build().apply(Var.constant(xTest),
                    Var.constant(ps.get("W").value()), Var.constant(ps.get("U").value()), Var.constant(ps.get("b").value()));
            Tensor pred = Tensor.matmul(ps.get("V").value(), false, z.value(), false);
            return pred.sub(yTest).square().mean();
        }
    }

    /** @return the solver settings the suite uses for the forward pass */
    static FixedPointSettings forwardSettings(double tolerance) {
        return FixedPointSettings.of(tolerance, 300);
    }
}
