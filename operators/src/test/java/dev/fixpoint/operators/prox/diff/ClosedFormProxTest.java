package dev.fixpoint.operators.prox.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The closed-form entries (L1, weighted L1, elastic net, squared L2, Huber, box, L∞ ball, quadratic):
 * forward against the formula, derivatives against finite differences at points away from kinks
 * ({@link ProxChecks}), and the kink conventions at exact kinks.
 */
class ClosedFormProxTest {

    private static double softThreshold(double v, double t) {
        return Math.signum(v) * Math.max(Math.abs(v) - t, 0);
    }

    @Test
    void weightedL1ForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(11);
        double tau = 0.5;
        double lambda = 0.8;
        double[] w = ProxChecks.uniform(rng, 5, 0.5, 2.0);
        double[] thr = new double[20];
        for (int i = 0; i < 20; i++) {
            thr[i] = tau * lambda * w[i % 5];
        }
        Tensor v = Tensor.of(ProxChecks.awayFromThreshold(rng, 20, thr), 4, 5);
        Tensor x = DifferentiableProx.weightedL1(Var.constant(v), Var.constant(tau), Var.constant(lambda),
                Var.constant(Tensor.vector(w))).value();
        for (int i = 0; i < 20; i++) {
            assertEquals(softThreshold(v.data()[i], thr[i]), x.data()[i], 1e-15);
        }
        ProxChecks.assertDerivatives("weighted L1 (v, τ, λ, w[5] broadcast over [4,5])",
                in -> DifferentiableProx.weightedL1(in[0], in[1], in[2], in[3]),
                v, Tensor.scalar(tau), Tensor.scalar(lambda), Tensor.vector(w));
    }

    @Test
    void l1DerivativeConventionAtTheKinkIsTheThresholdedSide() {
        try (Tape tape = new Tape()) {
            Var v = tape.variable(Tensor.vector(1.0, -1.0, 2.0, 0.5));
            Var t = tape.variable(Tensor.scalar(1.0));
            DifferentiableProx.l1(v, t).sum().backward();
            assertArrayEquals(new double[]{0, 0, 1, 0}, v.grad().toArray(), 0.0);
            assertEquals(-1.0, t.grad().item(), 0.0);   // only the element 2.0 is beyond the threshold
        }
    }

    @Test
    void elasticNetForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(12);
        double tau = 0.7;
        double l1 = 0.6;
        double l2 = 0.9;
        Tensor v = Tensor.vector(ProxChecks.awayFromThreshold(rng, 8, tau * l1));
        Tensor x = DifferentiableProx.elasticNet(Var.constant(v), Var.constant(tau), Var.constant(l1),
                Var.constant(l2)).value();
        for (int i = 0; i < 8; i++) {
            assertEquals(softThreshold(v.data()[i], tau * l1) / (1 + tau * l2), x.data()[i], 1e-15);
        }
        ProxChecks.assertDerivatives("elastic net (v, τ, λ₁, λ₂)",
                in -> DifferentiableProx.elasticNet(in[0], in[1], in[2], in[3]),
                v, Tensor.scalar(tau), Tensor.scalar(l1), Tensor.scalar(l2));
    }

    @Test
    void squaredL2ForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(13);
        Tensor v = Tensor.of(ProxChecks.uniform(rng, 12, -3, 3), 3, 4);
        Tensor lambda = Tensor.vector(ProxChecks.uniform(rng, 4, 0.1, 2));
        Tensor x = DifferentiableProx.squaredL2(Var.constant(v), Var.constant(0.4), Var.constant(lambda)).value();
        for (int i = 0; i < 12; i++) {
            assertEquals(v.data()[i] / (1 + 0.4 * lambda.data()[i % 4]), x.data()[i], 1e-15);
        }
        ProxChecks.assertDerivatives("squared L2 (v, τ, λ[4] over [3,4])",
                in -> DifferentiableProx.squaredL2(in[0], in[1], in[2]), v, Tensor.scalar(0.4), lambda);
    }

    @Test
    void huberForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(14);
        double tau = 0.5;
        double[] delta = ProxChecks.uniform(rng, 10, 0.4, 1.2);
        double[] kink = new double[10];
        for (int i = 0; i < 10; i++) {
            kink[i] = delta[i] * (1 + tau);
        }
        Tensor v = Tensor.vector(ProxChecks.awayFromThreshold(rng, 10, kink));
        Tensor x = DifferentiableProx.huber(Var.constant(v), Var.constant(tau), Var.constant(Tensor.vector(delta))).value();
        for (int i = 0; i < 10; i++) {
            double vi = v.data()[i];
            // optimality: x − v + τ·h'(x) = 0 with h'(x) = clip(x, −δ, δ)
            double xi = x.data()[i];
            assertEquals(0.0, xi - vi + tau * Math.max(-delta[i], Math.min(delta[i], xi)), 1e-14);
        }
        ProxChecks.assertDerivatives("Huber (v, τ, δ[10])",
                in -> DifferentiableProx.huber(in[0], in[1], in[2]), v, Tensor.scalar(tau), Tensor.vector(delta));
        ProxChecks.assertDerivatives("Huber (v, τ[10], δ)",
                in -> DifferentiableProx.huber(in[0], in[1], in[2]), v, Tensor.full(tau, 10), Tensor.scalar(0.8));
    }

    @Test
    void huberAtTheKinkTakesTheLinearRegion() {
        try (Tape tape = new Tape()) {
            Var v = tape.variable(Tensor.vector(1.5));      // δ(1 + τ) = 1·1.5
            Var tau = tape.variable(Tensor.scalar(0.5));
            Var delta = tape.variable(Tensor.scalar(1.0));
            DifferentiableProx.huber(v, tau, delta).sum().backward();
            assertEquals(1.0, v.grad().item(), 0.0);
            assertEquals(-1.0, tau.grad().item(), 0.0);
            assertEquals(-0.5, delta.grad().item(), 0.0);
        }
    }

    @Test
    void boxForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(15);
        int n = 12;
        double[] lo = ProxChecks.uniform(rng, n, -1.5, -0.5);
        double[] hi = ProxChecks.uniform(rng, n, 0.5, 1.5);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int side = i % 3;   // below, inside, above — each at least MARGIN from its bound
            v[i] = side == 0 ? lo[i] - ProxChecks.MARGIN - rng.nextDouble()
                    : side == 2 ? hi[i] + ProxChecks.MARGIN + rng.nextDouble()
                    : lo[i] + ProxChecks.MARGIN + (hi[i] - lo[i] - 2 * ProxChecks.MARGIN) * rng.nextDouble();
        }
        Tensor x = DifferentiableProx.box(Var.constant(Tensor.vector(v)), Var.constant(Tensor.vector(lo)),
                Var.constant(Tensor.vector(hi))).value();
        for (int i = 0; i < n; i++) {
            assertEquals(Math.min(Math.max(v[i], lo[i]), hi[i]), x.data()[i], 0.0);
        }
        ProxChecks.assertDerivatives("box (v, lo[12], hi[12])", in -> DifferentiableProx.box(in[0], in[1], in[2]),
                Tensor.vector(v), Tensor.vector(lo), Tensor.vector(hi));
        ProxChecks.assertDerivatives("box (v, lo, hi scalars)", in -> DifferentiableProx.box(in[0], in[1], in[2]),
                Tensor.vector(v), Tensor.scalar(-1.0), Tensor.scalar(1.0));
        // piecewise linear with a VJP written in differentiable operations: Hessian-vector products exist (= 0)
        GradientCheck.assertHessianVector("box, second order", in -> {
            Var y = DifferentiableProx.box(in[0], in[1], in[2]);
            return y.mul(y).sum();
        }, Tensor.vector(v), Tensor.vector(lo), Tensor.vector(hi));
    }

    @Test
    void boxAndLInfBallConventionsAtTheBounds() {
        try (Tape tape = new Tape()) {
            Var v = tape.variable(Tensor.vector(-1.0, 0.0, 1.0, 3.0));
            Var r = tape.variable(Tensor.scalar(1.0));
            Var x = DifferentiableProx.lInfBall(v, r);
            assertArrayEquals(new double[]{-1, 0, 1, 1}, x.value().toArray(), 0.0);
            x.sum().backward();
            assertArrayEquals(new double[]{0, 1, 0, 0}, v.grad().toArray(), 0.0);   // on a bound: clamped
            assertEquals(-1 + 1 + 1, r.grad().item(), 0.0);                          // ∂x/∂r = sign(v)·[|v| ≥ r]
        }
    }

    @Test
    void lInfBallDerivatives() {
        SplittableRandom rng = new SplittableRandom(16);
        Tensor v = Tensor.vector(ProxChecks.awayFromThreshold(rng, 9, 1.2));
        ProxChecks.assertDerivatives("L∞ ball (v, r)", in -> DifferentiableProx.lInfBall(in[0], in[1]),
                v, Tensor.scalar(1.2));
    }

    @Test
    void quadraticForwardAndDerivatives() {
        SplittableRandom rng = new SplittableRandom(17);
        int n = 5;
        Tensor b = Tensor.randn(rng, n, n).mul(0.5);
        Tensor q2 = Tensor.matmul(b, true, b, false).add(Tensor.randn(rng, n, n).mul(0.1)); // PSD + a skew part
        Tensor q1 = Tensor.randn(rng, n);
        Tensor v = Tensor.randn(rng, n);
        double tau = 0.3;
        Tensor x = DifferentiableProx.quadratic(Var.constant(v), Var.constant(tau), q2, q1).value();
        Tensor qs = q2.add(q2.transpose()).mul(0.5);
        Tensor residual = x.sub(v).add(qs.matvec(x).add(q1).mul(tau));   // optimality x − v + τ(Qs x + q) = 0
        assertTrue(residual.normInf() < 1e-12, "optimality residual " + residual.normInf());
        ProxChecks.assertDerivatives("quadratic (v, τ, Q, q)",
                in -> DifferentiableProx.quadratic(in[0], in[1], in[2], in[3]), v, Tensor.scalar(tau), q2, q1);
        // the forward-mode rule alone, τ only: −(I + τQs)⁻¹(Qs x + q)
        Tensor dtau = ForwardMode.jvp(in -> DifferentiableProx.quadratic(in[0], in[1], in[2], in[3]),
                new Tensor[]{v, Tensor.scalar(tau), q2, q1}, new Tensor[]{null, Tensor.scalar(1.0), null, null}).tangent();
        Tensor a = Tensor.eye(n).add(qs.mul(tau));
        assertTrue(a.matvec(dtau).add(qs.matvec(x).add(q1)).normInf() < 1e-12);
    }

    @Test
    void badShapesAndParametersAreNamed() {
        Var v = Var.constant(Tensor.zeros(3, 4));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> DifferentiableProx.huber(v, Var.constant(Tensor.ones(3)), Var.constant(1.0)));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[3, 4]"), e.getMessage());
        FixpointException bad = assertThrows(FixpointException.class,
                () -> DifferentiableProx.box(v, Var.constant(1.0), Var.constant(0.0)));
        assertTrue(bad.getMessage().contains("BadParameter") && bad.getMessage().contains("1.0"), bad.getMessage());
        FixpointException delta = assertThrows(FixpointException.class,
                () -> DifferentiableProx.huber(v, Var.constant(1.0), Var.constant(-2.0)));
        assertTrue(delta.getMessage().contains("-2.0"), delta.getMessage());
        ShapeMismatchException q = assertThrows(ShapeMismatchException.class,
                () -> DifferentiableProx.quadratic(Var.constant(Tensor.zeros(3)), Var.constant(1.0), Tensor.eye(4),
                        Tensor.zeros(3)));
        assertTrue(q.getMessage().contains("[4, 4]") && q.getMessage().contains("[3]"), q.getMessage());
    }
}
