package dev.fixpoint.operators.prox.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.operators.prox.Proximals;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable prox computes the same point as the non-differentiable library function
 * ({@link Proximals}, {@link dev.fixpoint.operators.prox.TotalVariation1d} is covered in its own test)
 * at random points, including points near and at kinks (forward values do not depend on conventions).
 */
class ForwardMatchesLibraryTest {
    private static final double TAU = 0.7;

    private static void same(ProximalFunction f, double tau, Tensor v, Function<Var, Var> diff) {
        assertArrayEquals(f.prox(v, tau).toArray(), diff.apply(Var.constant(v)).value().toArray(), 1e-13, f.name());
    }

    @Test
    void everyEntryMatchesItsLibraryProx() {
        SplittableRandom rng = new SplittableRandom(41);
        for (int trial = 0; trial < 5; trial++) {
            Tensor v = Tensor.randn(rng, 12).mul(1.5);
            v.data()[0] = 0.7 * 0.8;            // exactly at the L1 kink |v| = τλ
            Tensor w = Tensor.uniform(rng, 0.5, 2.0, 12);
            Var tau = Var.constant(TAU);
            same(Proximals.l1(0.8), TAU, v, x -> DifferentiableProx.weightedL1(x, tau, Var.constant(0.8), Var.constant(1.0)));
            same(Proximals.weightedL1(0.8, w), TAU, v,
                    x -> DifferentiableProx.weightedL1(x, tau, Var.constant(0.8), Var.constant(w)));
            same(Proximals.elasticNet(0.8, 0.5), TAU, v,
                    x -> DifferentiableProx.elasticNet(x, tau, Var.constant(0.8), Var.constant(0.5)));
            same(Proximals.squaredL2(0.9), TAU, v, x -> DifferentiableProx.squaredL2(x, tau, Var.constant(0.9)));
            same(Proximals.huber(0.6), TAU, v, x -> DifferentiableProx.huber(x, tau, Var.constant(0.6)));
            same(Proximals.box(-0.5, 1.0), TAU, v, x -> DifferentiableProx.box(x, Var.constant(-0.5), Var.constant(1.0)));
            same(Proximals.linfBall(0.9), TAU, v, x -> DifferentiableProx.lInfBall(x, Var.constant(0.9)));
            same(Proximals.simplex(1.3), TAU, v, x -> DifferentiableProx.simplex(x, Var.constant(1.3)));
            same(Proximals.l1Ball(2.0), TAU, v, x -> DifferentiableProx.l1Ball(x, Var.constant(2.0)));
            same(Proximals.l2Ball(2.0), TAU, v, x -> DifferentiableProx.l2Ball(x, Var.constant(2.0)));
            same(Proximals.l2Norm(0.8), TAU, v,   // one group: block soft thresholding = prox of τλ‖·‖₂
                    x -> DifferentiableProx.groupL1(x, Var.constant(TAU * 0.8), new int[12]));
        }
    }

    @Test
    void groupL1AndQuadraticMatchTheirLibraryProx() {
        SplittableRandom rng = new SplittableRandom(42);
        Tensor v = Tensor.randn(rng, 4, 3).mul(1.5);
        double[] weights = {0.5, 1.0, 2.0, 1.5};
        int[][] rows = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 10, 11}};
        Tensor theta = Tensor.vector(weights).mul(TAU * 0.8);
        same(Proximals.groupL1(0.8, new int[]{4, 3}, rows, weights), TAU, v,
                x -> DifferentiableProx.l21Rows(x, Var.constant(theta)));
        Tensor b = Tensor.randn(rng, 5, 5);
        Tensor q2 = Tensor.matmul(b, true, b, false);
        Tensor q1 = Tensor.randn(rng, 5);
        Tensor u = Tensor.randn(rng, 5);
        same(Proximals.quadratic(q2, q1), TAU, u, x -> DifferentiableProx.quadratic(x, Var.constant(TAU), q2, q1));
    }
}
