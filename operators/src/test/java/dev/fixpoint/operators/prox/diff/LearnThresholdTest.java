package dev.fixpoint.operators.prox.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Learning a threshold: a sparse signal observed with noise is denoised by {@code prox_{τλ‖·‖₁}};
 * a few gradient steps on {@code λ} (through the L1 prox's derivative w.r.t. its threshold) reduce
 * the squared error to the clean signal.
 */
class LearnThresholdTest {

    @Test
    void gradientStepsOnLambdaImproveTheFit() {
        SplittableRandom rng = new SplittableRandom(31);
        int n = 200;
        double[] clean = new double[n];
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = i % 10 == 0 ? 3 * (rng.nextBoolean() ? 1 : -1) : 0;
            noisy[i] = clean[i] + 0.3 * rng.nextGaussian();
        }
        Var v = Var.constant(Tensor.vector(noisy));
        Var target = Var.constant(Tensor.vector(clean));
        Var tau = Var.constant(1.0);
        double lambda = 0.01;
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 20; step++) {
            try (Tape tape = new Tape()) {
                Var lam = tape.variable(Tensor.scalar(lambda));
                Var loss = Ops.mse(DifferentiableProx.weightedL1(v, tau, lam, Var.constant(1.0)), target);
                loss.backward();
                if (step == 0) {
                    first = loss.item();
                }
                last = loss.item();
                lambda -= 2.0 * lam.grad().item();
            }
        }
        assertTrue(last < 0.5 * first, "loss " + first + " → " + last);
        assertTrue(lambda > 0.2 && lambda < 1.5, "learned λ = " + lambda);
    }
}
