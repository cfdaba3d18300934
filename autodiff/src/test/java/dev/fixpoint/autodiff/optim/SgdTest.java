package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class SgdTest {

    /** f(w) = ½ Σ λᵢ (wᵢ − cᵢ)², λ from 1 to 10 (condition number 10), recorded on a tape. */
    private static double quadraticStep(Optimizer opt, Parameter w, Var lambda, Var centre) {
        opt.zeroGrad();
        double value;
        try (Tape tape = new Tape()) {
            Var r = Ops.sub(tape.watch(w), centre);
            Var f = Ops.scale(Ops.sum(Ops.mul(lambda, Ops.mul(r, r))), 0.5);
            value = f.item();
            tape.backward(f);
        }
        opt.step();
        return value;
    }

    @Test
    void momentumDecreasesAConvexQuadraticToTolerance() {
        int n = 10;
        double[] lam = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            lam[i] = 1 + i;
            c[i] = Math.cos(i);
        }
        Var lambda = Var.constant(Tensor.vector(lam));
        Var centre = Var.constant(Tensor.vector(c));
        for (boolean nesterov : new boolean[]{false, true}) {
            ParameterSet params = new ParameterSet();
            Parameter w = params.add("w", Tensor.full(3.0, n));
            // the textbook tunings for μ = 1, L = 10, κ = 10:
            // heavy ball lr = 4/(√L + √μ)², momentum ((√κ − 1)/(√κ + 1))²; Nesterov lr = 1/L, momentum (√κ − 1)/(√κ + 1)
            double sk = Math.sqrt(10);
            double ratio = (sk - 1) / (sk + 1);
            Sgd opt = Sgd.builder(params).learningRate(nesterov ? 0.1 : 4 / Math.pow(sk + 1, 2))
                    .momentum(nesterov ? ratio : ratio * ratio).nesterov(nesterov).build();
            double first = quadraticStep(opt, w, lambda, centre);
            double value = first;
            int steps = 1;
            while (value > 1e-20 && steps < 500) {
                value = quadraticStep(opt, w, lambda, centre);
                steps++;
            }
            assertTrue(value <= 1e-20, "nesterov " + nesterov + ": f = " + value + " after " + steps + " steps");
            assertTrue(steps < 200, "nesterov " + nesterov + ": " + steps + " steps");
            assertArrayEquals(c, w.value().toArray(), 1e-9);
        }
    }

    @Test
    void plainMomentumAndNesterovStepsByHand() {
        double lr = 0.1;
        double mu = 0.5;
        double wd = 0.2;
        double[] grads = {1.0, -0.5, 2.0};
        for (int variant = 0; variant < 3; variant++) {
            ParameterSet params = new ParameterSet();
            Parameter p = params.add("w", Tensor.scalar(1.0));
            Sgd.Builder builder = Sgd.builder(params).learningRate(lr).weightDecay(wd);
            if (variant > 0) {
                builder.momentum(mu).nesterov(variant == 2);
            }
            Sgd opt = builder.build();
            double w = 1.0;
            double buf = 0;
            for (int t = 0; t < grads.length; t++) {
                p.zeroGrad();
                p.accumulateGrad(Tensor.scalar(grads[t]));
                opt.step();
                double g = grads[t] + wd * w;
                double d;
                if (variant == 0) {
                    d = g;
                } else {
                    buf = t == 0 ? g : mu * buf + g;
                    d = variant == 2 ? g + mu * buf : buf;
                }
                w -= lr * d;
                assertEquals(w, p.value().item(), 1e-15, "variant " + variant + ", step " + (t + 1));
            }
        }
    }

    @Test
    void nesterovNeedsMomentumWithoutDampening() {
        ParameterSet params = new ParameterSet();
        params.add("w", Tensor.zeros(1));
        FixpointException e = assertThrows(FixpointException.class, () -> Sgd.builder(params).nesterov(true).build());
        assertTrue(e.getMessage().contains("momentum > 0"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> Sgd.builder(params).momentum(1.0));
        assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
    }

    @Test
    void zeroGradClearsOnlyTheOptimisedGradients() {
        ParameterSet params = new ParameterSet();
        Parameter p = params.add("w", Tensor.zeros(2));
        p.accumulateGrad(Tensor.vector(1, 2));
        Sgd opt = Sgd.builder(params).build();
        opt.step();
        assertArrayEquals(new double[]{1, 2}, p.grad().toArray(), 0);
        opt.zeroGrad();
        assertArrayEquals(new double[]{0, 0}, p.grad().toArray(), 0);
    }
}
