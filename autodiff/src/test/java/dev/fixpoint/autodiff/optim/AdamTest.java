package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class AdamTest {
    /** Measured figures, shown with -DargLine=-Dfixpoint.results=INFO (see benchmarks/RESULTS.md). */
    private static final org.slf4j.Logger RESULTS = org.slf4j.LoggerFactory.getLogger("dev.fixpoint.results");


    @Test
    void adamTrainsATanhMlpOnANoisySine() {
        // 256 points, y = sin(3x) + 0.1·N(0,1) (seed 42), MLP 1→32→32→1 tanh, full batch,
        // Adam lr 3e-3, β = (0.9, 0.999), ε = 1e-8, 1000 steps.
        // Measured: initial loss 0.3959, final 0.009325; noise floor (MSE of sin(3x) itself) 0.009483.
        SineRegression task = new SineRegression(256, 0.1, 32, 42);
        Optimizer adam = Adam.builder(task.params).learningRate(3e-3).build();
        double initial = task.loss();
        for (int k = 0; k < 1000; k++) {
            task.step(adam);
        }
        double loss = task.loss();
        RESULTS.info("Adam on the 1-32-32-1 tanh MLP, sin(3x) regression (256 points, noise 0.1, seed 42), 1000 steps, "
                + "lr 3e-3: loss {} -> {} (noise floor {})", initial, loss, task.noiseFloor());
        assertEquals(1000, adam.steps());
        assertTrue(initial > 0.3, "initial loss " + initial);
        assertTrue(loss < 0.0105, "final loss " + loss + " (noise floor " + task.noiseFloor() + ")");
        assertTrue(loss > 0.5 * task.noiseFloor(), "a loss far below the noise floor means the data leaked: " + loss);
    }

    @Test
    void adamWDecayMatchesItsDefinitionOnOneStep() {
        double lr = 0.1;
        double wd = 0.05;
        double eps = 1e-8;
        ParameterSet params = new ParameterSet();
        Parameter p = params.add("w", Tensor.vector(1.0, -2.0, 0.5));
        p.accumulateGrad(Tensor.vector(0.5, 0.1, -3.0));
        AdamW opt = AdamW.builder(params).learningRate(lr).weightDecay(wd).eps(eps).build();
        opt.step();
        // t = 1: m̂ = g, v̂ = g², so w ← w(1 − lr·wd) − lr·g/(|g| + ε)
        double[] w0 = {1.0, -2.0, 0.5};
        double[] g = {0.5, 0.1, -3.0};
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = w0[i] * (1 - lr * wd) - lr * g[i] / (Math.abs(g[i]) + eps);
        }
        assertArrayEquals(expected, p.value().toArray(), 1e-15);
        assertArrayEquals(g, p.grad().toArray(), 0, "step() leaves the gradient");
    }

    @Test
    void adamWeightDecayIsAddedToTheGradientInstead() {
        ParameterSet params = new ParameterSet();
        Parameter p = params.add("w", Tensor.vector(1.0, -2.0));
        p.accumulateGrad(Tensor.vector(0.5, 0.0));
        Adam opt = Adam.builder(params).learningRate(0.1).weightDecay(0.05).build();
        opt.step();
        double g0 = 0.5 + 0.05 * 1.0;
        double g1 = 0.0 + 0.05 * -2.0;
        assertArrayEquals(new double[]{1.0 - 0.1 * g0 / (Math.abs(g0) + 1e-8), -2.0 - 0.1 * g1 / (Math.abs(g1) + 1e-8)},
                p.value().toArray(), 1e-15);
    }

    @Test
    void twoAdamStepsWithBiasCorrectionAndAmsgradByHand() {
        double lr = 0.01;
        double b1 = 0.8;
        double b2 = 0.9;
        double eps = 1e-6;
        double[] grads = {2.0, 0.1};   // a large then a small gradient: AMSGrad keeps the larger v
        for (boolean ams : new boolean[]{false, true}) {
            ParameterSet params = new ParameterSet();
            Parameter p = params.add("w", Tensor.scalar(0.3));
            Adam opt = Adam.builder(params).learningRate(lr).betas(b1, b2).eps(eps).amsgrad(ams).build();
            double w = 0.3;
            double m = 0;
            double v = 0;
            double vmax = 0;
            for (int t = 1; t <= 2; t++) {
                double g = grads[t - 1];
                p.zeroGrad();
                p.accumulateGrad(Tensor.scalar(g));
                opt.step();
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                vmax = Math.max(vmax, v);
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = (ams ? vmax : v) / (1 - Math.pow(b2, t));
                w -= lr * mHat / (Math.sqrt(vHat) + eps);
                assertEquals(w, p.value().item(), 1e-15, "amsgrad " + ams + ", step " + t);
            }
        }
    }

    @Test
    void settingsOutOfRangeAreRejectedWithTheRange() {
        ParameterSet params = new ParameterSet();
        params.add("w", Tensor.zeros(2));
        FixpointException e = assertThrows(FixpointException.class, () -> Adam.builder(params).betas(0.9, 1.0));
        assertEquals("BadHyperparameter", e.id());
        assertTrue(e.getMessage().contains("beta2 = 1.0") && e.getMessage().contains("[0, 1)"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> AdamW.builder(params).learningRate(Double.NaN));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> Adam.builder(new ParameterSet()).build());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aNonFiniteGradientIsReportedAndNothingIsUpdated() {
        ParameterSet params = new ParameterSet();
        Parameter a = params.add("a", Tensor.vector(1, 2));
        Parameter b = params.add("b", Tensor.vector(3, 4));
        a.accumulateGrad(Tensor.vector(1, 1));
        b.accumulateGrad(Tensor.vector(1, Double.NaN));
        Adam opt = Adam.builder(params).build();
        FixpointException e = assertThrows(FixpointException.class, opt::step);
        assertEquals("NonFinite", e.id());
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("NaN") && e.getMessage().contains("step 1"),
                e.getMessage());
        assertArrayEquals(new double[]{1, 2}, a.value().toArray(), 0);
        assertEquals(0, opt.steps());
    }
}
