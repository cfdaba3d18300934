package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class JacobiansTest {
    private static final Logger LOG = LoggerFactory.getLogger(JacobiansTest.class);

    /** {@code tanh(W x + b)} for {@code x} of shape [n, 1]. */
    static Function<Var, Var> tanhLayer(Tensor w, Tensor b) {
        return x -> Ops.tanh(Ops.add(Ops.matmul(Var.constant(w), x), Var.constant(b)));
    }

    /** {@code diag(1 − t²) W}, {@code t = tanh(W x + b)}. */
    static Tensor tanhLayerJacobian(Tensor w, Tensor b, Tensor x) {
        Tensor t = Tensor.matmul(w, false, x, false).add(b).map(Math::tanh);
        Tensor j = w.copy();
        for (int i = 0; i < w.dim(0); i++) {
            double d = 1 - t.get(i, 0) * t.get(i, 0);
            for (int k = 0; k < w.dim(1); k++) {
                j.set(d * w.get(i, k), i, k);
            }
        }
        return j;
    }

    /**
     * A composition of matmul, broadcast add, tanh, exp and div on a batch {@code X} [k, p]:
     * {@code Y = X Wᵀ + b (row broadcast)}, {@code exp(Y) / (1 + tanh(Y)²)}.
     */
    static Function<Var, Var> composite(Tensor w, Tensor b) {
        return x -> {
            Var y = Ops.add(Ops.matmul(x, false, Var.constant(w), true), Var.constant(b));
            Var t = Ops.tanh(y);
            return Ops.div(Ops.exp(Ops.scale(y, 0.5)), Ops.add(Var.constant(1.0), Ops.mul(t, t)));
        };
    }

    static Tensor finiteDifferenceJacobian(Function<Var, Var> f, Tensor x, double h) {
        int n = x.size();
        Tensor y0 = f.apply(Var.constant(x)).value();
        int m = y0.size();
        Tensor j = Tensor.zeros(m, n);
        for (int c = 0; c < n; c++) {
            Tensor xp = x.copy();
            Tensor xm = x.copy();
            xp.data()[xp.offset() + c] += h;
            xm.data()[xm.offset() + c] -= h;
            Tensor d = f.apply(Var.constant(xp)).value().sub(f.apply(Var.constant(xm)).value()).mul(1 / (2 * h));
            for (int r = 0; r < m; r++) {
                j.set(d.flatten().get(r), r, c);
            }
        }
        return j;
    }

    @Test
    void bothModesGiveTheAnalyticJacobianOfATanhLayer() {
        for (int[] mn : new int[][]{{3, 7}, {7, 3}}) {
            int m = mn[0];
            int n = mn[1];
            Tensor w = Tensor.randn(10 + m, m, n);
            Tensor b = Tensor.randn(20 + m, m, 1);
            Tensor x = Tensor.randn(30 + m, n, 1).mul(0.5);
            Tensor expected = tanhLayerJacobian(w, b, x);
            for (Jacobians.Mode mode : Jacobians.Mode.values()) {
                Tensor j = Jacobians.jacobian(tanhLayer(w, b), x, mode);
                assertArrayEquals(new int[]{m, n}, j.shape());
                assertTrue(j.allClose(expected, 1e-14, 1e-14), mode + " Jacobian of a " + m + "×" + n + " tanh layer");
            }
        }
    }

    @Test
    void bothModesAgreeWithEachOtherAndWithFiniteDifferencesOnAComposition() {
        Tensor w = Tensor.randn(41, 4, 3).mul(0.7);
        Tensor b = Tensor.randn(42, 4);
        Function<Var, Var> f = composite(w, b);
        Tensor x = Tensor.randn(43, 5, 3).mul(0.5); // n = 15 inputs, m = 20 outputs
        Tensor rev = Jacobians.jacobian(f, x, Jacobians.Mode.REVERSE);
        Tensor fwd = Jacobians.jacobian(f, x, Jacobians.Mode.FORWARD);
        Tensor auto = Jacobians.jacobian(f, x);
        assertArrayEquals(new int[]{20, 15}, rev.shape());
        assertTrue(rev.allClose(fwd, 1e-13, 1e-14), "reverse and forward mode Jacobians differ");
        assertEquals(fwd, auto, "m > n: AUTO uses forward mode");
        Tensor fd = finiteDifferenceJacobian(f, x, 1e-6);
        double err = rev.sub(fd).norm() / fd.norm();
        LOG.debug("composite Jacobian: relative error vs finite differences {}", err);
        assertTrue(err <= 1e-8, "relative error vs finite differences " + err);
    }

    @Test
    void jacobianRowsAndColumnsAreTheVjpsAndJvps() {
        Tensor w = Tensor.randn(51, 4, 3);
        Tensor b = Tensor.randn(52, 4);
        Function<Var, Var> f = composite(w, b);
        Tensor x = Tensor.randn(53, 2, 3).mul(0.5);
        Tensor j = Jacobians.jacobian(f, x);
        Tensor v = Tensor.randn(54, 2, 3);
        Tensor u = Tensor.randn(55, 2, 4);
        Tensor jv = Jacobians.jvp(f, x, v).tangent();
        Tensor jtu = Jacobians.vjp(f, x, u).vjp();
        assertTrue(jv.flatten().allClose(j.matvec(v.flatten()), 1e-13, 1e-14));
        assertTrue(jtu.flatten().allClose(Tensor.matvecInto(1.0, j, true, u.flatten(), 0.0, null), 1e-13, 1e-14));
    }

    @Test
    void aFunctionThatIgnoresItsInputHasAZeroJacobian() {
        Tensor j = Jacobians.jacobian(x -> Var.constant(Tensor.ones(2, 2)), Tensor.vector(1, 2, 3));
        assertArrayEquals(new int[]{4, 3}, j.shape());
        assertArrayEquals(new double[12], j.toArray(), 0);
    }

    /** {@code 2x} with a VJP and no forward rule. */
    static final class Doubling extends Op {
        @Override
        public String name() {
            return "double";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].mul(2.0);
        }

        @Override
        protected Tensor[] vjp(OpContext ctx, Tensor g) {
            return new Tensor[]{g.mul(2.0)};
        }
    }

    @Test
    void autoModeFallsBackToReverseWithoutForwardRules() {
        // m = 6 > n = 2 would choose forward mode
        Function<Var, Var> f = x -> Ops.broadcastTo(new Doubling().apply(x), new int[]{3, 2});
        Tensor x = Tensor.vector(1, 2);
        Tensor j = Jacobians.jacobian(f, x);
        assertArrayEquals(new double[]{2, 0, 0, 2, 2, 0, 0, 2, 2, 0, 0, 2}, j.toArray(), 0);
        FixpointException e = assertThrows(FixpointException.class,
                () -> Jacobians.jacobian(f, x, Jacobians.Mode.FORWARD));
        assertEquals("NoJvp", e.id());
        assertTrue(e.getMessage().contains("'double'"), e.getMessage());
    }

    @Test
    void badInputGivesClearErrors() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> Jacobians.jacobian(x -> Ops.scale(x, 2.0), Tensor.zeros(5000)));
        assertEquals("JacobianTooLarge", e.id());
        assertTrue(e.getMessage().contains("5000 × 5000") && e.getMessage().contains(String.valueOf(Jacobians.MAX_ENTRIES))
                && e.getMessage().contains("vjp") && e.getMessage().contains("jvp"), e.getMessage());

        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> Jacobians.vjp(x -> Ops.mul(x, x), Tensor.zeros(3), Tensor.zeros(4)));
        assertTrue(s.getMessage().contains("[4]") && s.getMessage().contains("[3]"), s.getMessage());
        s = assertThrows(ShapeMismatchException.class,
                () -> Jacobians.jvp(x -> Ops.mul(x, x), Tensor.zeros(3), Tensor.zeros(3, 1)));
        assertTrue(s.getMessage().contains("[3, 1]") && s.getMessage().contains("[3]"), s.getMessage());
    }
}
