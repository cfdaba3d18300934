package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.autodiff.testing.GradientCheckReport;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.amp.Amp;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LampTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @Test
    void initialisedFromAmpItsForwardIsAmp() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(250, 500, 0.1, 40, 21);
        SparseRecoveryBatch batch = p.sample(16, new SplittableRandom(22));
        List<Tensor> amp = new Amp(p.matrix(), 1.3).iterates(batch.y(), 12);
        double worst = 0;
        for (Tying tying : Tying.values()) {
            Lamp lamp = Lamp.fromAmp(p.matrix(), 12, 1.3, tying);
            List<Var> out = lamp.forward(null, Var.constant(batch.y()));
            assertEquals(12, out.size());
            for (int k = 0; k < 12; k++) {
                worst = Math.max(worst, out.get(k).value().sub(amp.get(k)).normInf());
            }
        }
        RESULTS.info("LAMP initialised from AMP (m=250, n=500, 12 layers, 16 samples): max |x_k^LAMP - x_k^AMP| = {}", worst);
        assertTrue(worst <= 1e-12, "max difference " + worst);
    }

    @Test
    void parametersAndConfiguration() {
        Tensor a = Tensor.randn(1, 8, 16);
        Lamp tied = Lamp.fromAmp(a, 3, 1.0, Tying.TIED);
        Lamp untied = Lamp.fromAmp(a, 3, 1.0, Tying.UNTIED);
        assertEquals(16 * 8 + 6, tied.parameters().size());
        assertEquals(3 * 16 * 8 + 6, untied.parameters().size());
        assertEquals(3, tied.layerParameters(0).count());
        assertEquals(2, tied.layerParameters(2).count());
        assertEquals(3, untied.layerParameters(2).count());
        int total = 0;
        for (int k = 0; k < 3; k++) {
            total += untied.layerParameters(k).size();
        }
        assertEquals(untied.parameters().size(), total, "layer parameters partition the parameters");
        assertEquals(Map.of("architecture", "lamp", "m", "8", "n", "16", "layers", "3", "tying", "untied"), untied.configuration());
        assertEquals("lamp", tied.architecture());
        // untied matrices are separate copies
        untied.parameters().get("layer1.B").value().set(5.0, 0, 0);
        assertEquals(a.get(0, 0), untied.parameters().get("layer0.B").value().get(0, 0), 0);
    }

    @Test
    void rejectsBadShapesAndSettings() {
        Tensor a = Tensor.randn(1, 8, 16);
        Lamp lamp = Lamp.fromAmp(a, 2, 1.0, Tying.TIED);
        assertThrows(ShapeMismatchException.class, () -> lamp.forward(null, Var.constant(Tensor.zeros(9, 2))));
        assertThrows(IllegalArgumentException.class, () -> lamp.forward(null, Var.constant(Tensor.zeros(8, 2)), 3));
        FixpointException e = assertThrows(FixpointException.class, () -> Lamp.fromAmp(a, 0, 1.0, Tying.TIED));
        assertTrue(e.getMessage().startsWith("[fixpoint/InvalidParameter]") && e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(FixpointException.class, () -> Lamp.fromAmp(a, 2, -1.0, Tying.TIED));
    }

    @Test
    void gradientsOfAnUntiedInstancePassTheCheck() {
        int m = 6;
        int n = 10;
        int layers = 3;
        Instance s = instanceAwayFromKinks(m, n, layers, false);
        // inputs: B_0, B_1, B_2, alpha_0..2, beta_0..2, y
        Tensor[] inputs = new Tensor[3 * layers + 1];
        for (int k = 0; k < layers; k++) {
            inputs[k] = s.b[k];
            inputs[layers + k] = Tensor.scalar(s.alpha[k]);
            inputs[2 * layers + k] = Tensor.scalar(s.beta[k]);
        }
        inputs[3 * layers] = s.y;
        GradientCheckReport report = GradientCheck.assertGradients("lamp (untied, 3 layers)", in -> {
            List<Var> bs = new ArrayList<>();
            List<Var> as = new ArrayList<>();
            List<Var> betas = new ArrayList<>();
            for (int k = 0; k < layers; k++) {
                bs.add(in[k]);
                as.add(in[layers + k]);
                betas.add(in[2 * layers + k]);
            }
            List<Var> out = Lamp.unroll(Var.constant(s.a), in[3 * layers], bs, as, betas, layers);
            return out.get(layers - 1);
        }, inputs);
        RESULTS.info("LAMP gradient check: {}", report);
    }

    @Test
    void gradientsOfATiedInstancePassTheCheck() {
        int layers = 3;
        Instance s = instanceAwayFromKinks(6, 10, layers, true);
        // inputs: B, alpha_0..2, beta_0..2, y; the one B receives the sum of three layers' cotangents
        Tensor[] inputs = new Tensor[2 * layers + 2];
        inputs[0] = s.b[0];
        for (int k = 0; k < layers; k++) {
            inputs[1 + k] = Tensor.scalar(s.alpha[k]);
            inputs[1 + layers + k] = Tensor.scalar(s.beta[k]);
        }
        inputs[2 * layers + 1] = s.y;
        GradientCheck.assertGradients("lamp (tied, 3 layers)", in -> {
            List<Var> as = new ArrayList<>();
            List<Var> betas = new ArrayList<>();
            for (int k = 0; k < layers; k++) {
                as.add(in[1 + k]);
                betas.add(in[1 + layers + k]);
            }
            return Lamp.unroll(Var.constant(s.a), in[2 * layers + 1], List.of(in[0]), as, betas, layers).get(layers - 1);
        }, inputs);
    }

    @Test
    void backwardFillsTheParameterGradients() {
        SparseRecoveryProblem p = new SparseRecoveryProblem(20, 40, 0.1, Double.POSITIVE_INFINITY, 31);
        SparseRecoveryBatch batch = p.sample(5, new SplittableRandom(32));
        Lamp lamp = Lamp.fromAmp(p.matrix(), 4, 1.2, Tying.TIED);
        try (Tape tape = new Tape()) {
            List<Var> out = lamp.forward(tape, Var.constant(batch.y()));
            Var loss = Ops.mse(out.get(3), Var.constant(batch.x()));
            tape.backward(loss);
        }
        for (Parameter q : lamp.parameters()) {
            assertTrue(q.grad() != null && q.grad().isFinite() && q.grad().norm() > 0, q.name());
        }
    }

    // ---------------------------------------------------------------- a small instance away from the kinks

    private record Instance(Tensor a, Tensor y, Tensor[] b, double[] alpha, double[] beta) {
    }

    /**
     * A random untied instance (B_k = Aᵀ + noise, α_k, β_k perturbed) whose pre-threshold values stay
     * at least 0.05 away from the thresholds in every layer, so that finite differences with steps
     * of about 1e-3 never cross a kink of η or change a nonzero count.
     */
    private static Instance instanceAwayFromKinks(int m, int n, int layers, boolean tied) {
        double best = 0;
        for (long seed = 1; seed < 5000; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Tensor a = SparseRecoveryProblem.gaussianUnitColumns(m, n, rng);
            Tensor x = Tensor.zeros(n, 2);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 2; j++) {
                    if (rng.nextDouble() < 0.2) {
                        x.set(rng.nextGaussian(), i, j);
                    }
                }
            }
            Tensor y = a.matmul(x).add(Tensor.randn(rng, m, 2).mul(0.05));
            Tensor[] b = new Tensor[layers];
            double[] alpha = new double[layers];
            double[] beta = new double[layers];
            for (int k = 0; k < layers; k++) {
                b[k] = tied && k > 0 ? b[0] : a.transpose().add(Tensor.randn(rng, n, m).mul(0.1));
                alpha[k] = 0.8 + 0.4 * rng.nextDouble();
                beta[k] = 0.9 + 0.2 * rng.nextDouble();
            }
            double mg = margin(a, y, b, alpha, beta);
            best = Math.max(best, mg);
            if (mg > 0.05) {
                return new Instance(a, y, b, alpha, beta);
            }
        }
        throw new AssertionError("no instance with pre-threshold values 0.05 away from the thresholds among 5000 seeds; best " + best);
    }

    /** min over layers and entries of ||r| − θ| for the forward pass at these parameters. */
    private static double margin(Tensor a, Tensor y, Tensor[] b, double[] alpha, double[] beta) {
        int m = a.dim(0);
        Tensor x = null;
        Tensor v = y;
        double worst = Double.POSITIVE_INFINITY;
        for (int k = 0; k < b.length; k++) {
            Tensor bv = b[k].matmul(v);
            Tensor r = x == null ? bv : x.add(bv);
            Tensor next = Tensor.zeros(r.shape());
            double[] count = new double[v.dim(1)];
            for (int j = 0; j < v.dim(1); j++) {
                double th = alpha[k] * v.slice(1, j, j + 1).norm() / Math.sqrt(m);
                for (int i = 0; i < r.dim(0); i++) {
                    double ri = r.get(i, j);
                    worst = Math.min(worst, Math.abs(Math.abs(ri) - th));
                    double e = Math.signum(ri) * Math.max(Math.abs(ri) - th, 0);
                    next.set(beta[k] * e, i, j);
                    count[j] += e != 0 ? 1 : 0;
                }
            }
            Tensor vNext = y.sub(a.matmul(next));
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < v.dim(1); j++) {
                    vNext.set(vNext.get(i, j) + beta[k] * count[j] / m * v.get(i, j), i, j);
                }
            }
            v = vNext;
            x = next;
        }
        return worst;
    }
}
