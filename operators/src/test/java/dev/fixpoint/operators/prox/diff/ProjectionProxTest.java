package dev.fixpoint.operators.prox.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.Proximals;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Simplex, L1-ball and L2-ball projections and group soft thresholding: forward against the
 * optimality (KKT) conditions, derivatives against finite differences at points scanned from fixed
 * seeds until every element is at least {@link ProxChecks#MARGIN} from its kink (the threshold
 * {@code θ}, the sphere, a group's threshold).
 */
class ProjectionProxTest {

    private static double simplexTheta(double[] v, double[] x) {
        for (int i = 0; i < v.length; i++) {
            if (x[i] > 0) {
                return v[i] - x[i];
            }
        }
        throw new AssertionError("empty support");
    }

    @Test
    void simplexForwardAndDerivatives() {
        double r = 1.5;
        Tensor v = null;
        double[] x = null;
        for (long seed = 1; v == null; seed++) {
            double[] c = ProxChecks.uniform(new SplittableRandom(seed), 8, -1, 2);
            double[] cx = DifferentiableProx.simplex(Var.constant(Tensor.vector(c)), Var.constant(r)).value().toArray();
            double theta = simplexTheta(c, cx);
            boolean ok = true;
            int support = 0;
            for (int i = 0; i < 8; i++) {
                ok &= Math.abs(c[i] - theta) >= ProxChecks.MARGIN;
                support += cx[i] > 0 ? 1 : 0;
            }
            if (ok && support >= 2 && support < 8) {
                v = Tensor.vector(c);
                x = cx;
            }
        }
        double theta = simplexTheta(v.data(), x);
        double sum = 0;
        for (int i = 0; i < 8; i++) {   // KKT: x = max(v − θ, 0) with Σx = r
            assertEquals(Math.max(v.data()[i] - theta, 0), x[i], 1e-14);
            sum += x[i];
        }
        assertEquals(r, sum, 1e-14);
        ProxChecks.assertDerivatives("simplex (v, r)", in -> DifferentiableProx.simplex(in[0], in[1]), v, Tensor.scalar(r));
    }

    @Test
    void simplexJacobianIsTheTangentProjection() {
        try (Tape tape = new Tape()) {
            Var v = tape.variable(Tensor.vector(2, 1.5, -3));   // support {0, 1}, θ = 1.25 for r = 1
            Var r = tape.variable(Tensor.scalar(1));
            Var x = DifferentiableProx.simplex(v, r);
            assertArrayEquals(new double[]{0.75, 0.25, 0}, x.value().toArray(), 1e-15);
            x.backward(Tensor.vector(1, 0, 5));
            assertArrayEquals(new double[]{0.5, -0.5, 0}, v.grad().toArray(), 1e-15);
            assertEquals(0.5, r.grad().item(), 1e-15);
        }
    }

    @Test
    void l1BallOutsideAndInside() {
        double r = 2.0;
        Tensor v = null;
        for (long seed = 1; v == null; seed++) {
            double[] c = ProxChecks.uniform(new SplittableRandom(seed), 9, -1.5, 1.5);
            double[] a = new double[9];
            double norm1 = 0;
            for (int i = 0; i < 9; i++) {
                a[i] = Math.abs(c[i]);
                norm1 += a[i];
            }
            double theta = simplexTheta(a, Proximals.simplex(r).prox(Tensor.vector(a), 1.0).toArray());
            boolean ok = norm1 > r + ProxChecks.MARGIN && theta > ProxChecks.MARGIN;
            for (int i = 0; i < 9; i++) {
                ok &= Math.abs(a[i] - theta) >= ProxChecks.MARGIN;
            }
            if (ok) {
                v = Tensor.vector(c);
            }
        }
        Tensor x = DifferentiableProx.l1Ball(Var.constant(v), Var.constant(r)).value();
        double norm1 = 0;
        for (double xi : x.toArray()) {
            norm1 += Math.abs(xi);
        }
        assertEquals(r, norm1, 1e-14);
        ProxChecks.assertDerivatives("L1 ball outside (v, r)", in -> DifferentiableProx.l1Ball(in[0], in[1]),
                v, Tensor.scalar(r));
        Tensor small = Tensor.vector(0.3, -0.2, 0.4);
        assertArrayEquals(small.toArray(), DifferentiableProx.l1Ball(Var.constant(small), Var.constant(r)).value().toArray(), 0.0);
        ProxChecks.assertDerivatives("L1 ball inside (v, r)", in -> DifferentiableProx.l1Ball(in[0], in[1]),
                small, Tensor.scalar(r));
    }

    @Test
    void l2BallOutsideAndInside() {
        SplittableRandom rng = new SplittableRandom(21);
        Tensor v = Tensor.of(ProxChecks.uniform(rng, 6, -2, 2), 2, 3);
        double r = v.norm() / 2;
        Tensor x = DifferentiableProx.l2Ball(Var.constant(v), Var.constant(r)).value();
        assertTrue(x.allClose(v.mul(r / v.norm()), 0, 1e-15));
        ProxChecks.assertDerivatives("L2 ball outside (v [2,3], r)", in -> DifferentiableProx.l2Ball(in[0], in[1]),
                v, Tensor.scalar(r));
        ProxChecks.assertDerivatives("L2 ball inside (v [2,3], r)", in -> DifferentiableProx.l2Ball(in[0], in[1]),
                v, Tensor.scalar(2 * v.norm()));
    }

    @Test
    void groupL1ForwardAndDerivatives() {
        int[] groupOf = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3};
        Tensor theta = Tensor.vector(0.8, 1.0, 0.6, 1.2);
        Tensor v = null;
        for (long seed = 1; v == null; seed++) {
            double[] c = ProxChecks.uniform(new SplittableRandom(seed), 12, -1.2, 1.2);
            double[] norms = new double[4];
            for (int i = 0; i < 12; i++) {
                norms[groupOf[i]] += c[i] * c[i];
            }
            boolean ok = true;
            int active = 0;
            for (int k = 0; k < 4; k++) {
                double gap = Math.sqrt(norms[k]) - theta.data()[k];
                ok &= Math.abs(gap) >= ProxChecks.MARGIN;
                active += gap > 0 ? 1 : 0;
            }
            if (ok && active >= 2 && active < 4) {
                v = Tensor.vector(c);
            }
        }
        Tensor x = DifferentiableProx.groupL1(Var.constant(v), Var.constant(theta), groupOf).value();
        for (int i = 0; i < 12; i++) {
            int k = groupOf[i];
            double norm = 0;
            for (int j = 0; j < 12; j++) {
                norm += groupOf[j] == k ? v.data()[j] * v.data()[j] : 0;
            }
            norm = Math.sqrt(norm);
            assertEquals(Math.max(1 - theta.data()[k] / norm, 0) * v.data()[i], x.data()[i], 1e-15);
        }
        ProxChecks.assertDerivatives("group L1 (v, θ[4])", in -> DifferentiableProx.groupL1(in[0], in[1], groupOf),
                v, theta);
        ProxChecks.assertDerivatives("L2,1 rows (v [4,3], θ)", in -> DifferentiableProx.l21Rows(in[0], in[1]),
                Tensor.of(ProxChecks.uniform(new SplittableRandom(22), 12, 0.5, 1.5), 4, 3), Tensor.scalar(1.0));
    }

    @Test
    void badGroupsAndRadiiAreNamed() {
        Var v = Var.constant(Tensor.ones(4));
        FixpointException gap = assertThrows(FixpointException.class,
                () -> DifferentiableProx.groupL1(v, Var.constant(1.0), new int[]{0, 0, 2, 2}));
        assertTrue(gap.getMessage().contains("group 1"), gap.getMessage());
        ShapeMismatchException count = assertThrows(ShapeMismatchException.class,
                () -> DifferentiableProx.groupL1(v, Var.constant(Tensor.ones(3)), new int[]{0, 0, 1, 1}));
        assertTrue(count.getMessage().contains("[3]") && count.getMessage().contains("[2]"), count.getMessage());
        FixpointException radius = assertThrows(FixpointException.class,
                () -> DifferentiableProx.simplex(v, Var.constant(-1.0)));
        assertTrue(radius.getMessage().contains("-1.0"), radius.getMessage());
    }
}
