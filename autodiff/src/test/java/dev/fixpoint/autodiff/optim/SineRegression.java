package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;

/**
 * A synthetic regression and a tanh MLP {@code 1 → h → h → 1} built from basic Ops (matmul, broadcast
 * add, tanh). Data: {@code x ~ U(−1, 1)}, {@code y = sin(3x) + noise·N(0, 1)}, from a fixed seed. The
 * loss is the mean squared error {@code Σ(pred − y)² / n} written with mul and sum.
 */
final class SineRegression {
    final int points;
    final Tensor x;
    final Tensor y;
    final ParameterSet params = new ParameterSet();
    private final Var xv;
    private final Var yv;

    SineRegression(int points, double noise, int hidden, long seed) {
        this.points = points;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = rng.nextDouble(-1, 1);
            ys[i] = Math.sin(3 * xs[i]) + noise * rng.nextGaussian();
        }
        x = Tensor.wrap(xs, points, 1);
        y = Tensor.wrap(ys, points, 1);
        xv = Var.constant(x);
        yv = Var.constant(y);
        params.add("W1", Tensor.randn(rng, 1, hidden));
        params.add("b1", Tensor.zeros(hidden));
        params.add("W2", Tensor.randn(rng, hidden, hidden).mul(1 / Math.sqrt(hidden)));
        params.add("b2", Tensor.zeros(hidden));
        params.add("W3", Tensor.randn(rng, hidden, 1).mul(1 / Math.sqrt(hidden)));
        params.add("b3", Tensor.zeros(1));
    }

    /** @return the mean squared error of the network on the data, recorded on {@code tape} */
    Var loss(Tape tape) {
        Var h1 = Ops.tanh(Ops.add(Ops.matmul(xv, tape.watch(params.get("W1"))), tape.watch(params.get("b1"))));
        Var h2 = Ops.tanh(Ops.add(Ops.matmul(h1, tape.watch(params.get("W2"))), tape.watch(params.get("b2"))));
        Var pred = Ops.add(Ops.matmul(h2, tape.watch(params.get("W3"))), tape.watch(params.get("b3")));
        Var e = Ops.sub(pred, yv);
        return Ops.scale(Ops.sum(Ops.mul(e, e)), 1.0 / points);
    }

    /** One training step: zero the gradients, record the loss on a new tape, backward, update. @return the loss before the step */
    double step(Optimizer optimizer) {
        optimizer.zeroGrad();
        double value;
        try (Tape tape = new Tape()) {
            Var l = loss(tape);
            value = l.item();
            tape.backward(l);
        }
        optimizer.step();
        return value;
    }

    /** @return the current loss, without recording */
    double loss() {
        try (Tape tape = new Tape()) {
            return loss(tape).item();
        }
    }

    /** @return the mean squared distance of the noise-free target sin(3x) from the data (the noise floor) */
    double noiseFloor() {
        double s = 0;
        for (int i = 0; i < points; i++) {
            double d = Math.sin(3 * x.data()[i]) - y.data()[i];
            s += d * d;
        }
        return s / points;
    }
}
