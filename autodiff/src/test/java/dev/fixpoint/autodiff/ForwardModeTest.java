package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ForwardModeTest {

    /** Compositions of matmul, broadcast add, tanh, exp, div (and the other built-in ops) on a [5, 3] input. */
    static List<Function<Var, Var>> compositions() {
        Tensor w = Tensor.randn(1, 4, 3).mul(0.6);
        Tensor row = Tensor.randn(2, 4);
        Tensor col = Tensor.randn(3, 5, 1);
        Tensor m = Tensor.randn(4, 3, 3);
        return List.of(
                JacobiansTest.composite(w, row),
                x -> {   // transposed matmul, column broadcast, relu, sub, sum to a column, reshape
                    Var y = Ops.add(Ops.matmul(Var.constant(m), false, x, true), Var.constant(Tensor.randn(5, 3, 1)));
                    Var z = Ops.sub(Ops.exp(Ops.scale(Ops.tanh(y), 0.8)), Ops.relu(y));
                    return Ops.reshape(Ops.sumTo(Ops.mul(z, z), new int[]{3, 1}), 3);
                },
                x -> {   // x both numerator and denominator, a broadcast column, a scalar output
                    Var d = Ops.add(Var.constant(2.0), Ops.tanh(Ops.mul(x, Var.constant(col))));
                    return Ops.sum(Ops.div(Ops.exp(Ops.scale(x, 0.3)), d));
                },
                x -> Ops.broadcastTo(Ops.sum(Ops.matmul(x, true, x, false)), new int[]{2, 2}));
    }

    @Test
    void forwardAndReverseModeSatisfyTheAdjointIdentity() {
        Tensor x = Tensor.randn(10, 5, 3).mul(0.5);
        int k = 0;
        for (Function<Var, Var> f : compositions()) {
            for (long seed = 0; seed < 3; seed++) {
                Tensor v = Tensor.randn(20 + seed, 5, 3);
                ForwardMode.OutputAndJvp fw = ForwardMode.jvp(f, x, v);
                Tensor u = Tensor.randn(30 + seed, fw.output().shape());
                Autodiff.OutputAndVjp rv = Autodiff.vjp(f, x, u);
                assertEquals(rv.output(), fw.output());
                double lhs = u.dot(fw.tangent());
                double rhs = rv.vjp().dot(v);
                assertEquals(rhs, lhs, 1e-12 * Math.max(1, Math.abs(rhs)), "composition " + k + ": ⟨u, Jv⟩ ≠ ⟨Jᵀu, v⟩");
            }
            k++;
        }
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        Function<Var, Var> f = compositions().get(0);
        Tensor x = Tensor.randn(11, 5, 3).mul(0.5);
        Tensor v = Tensor.randn(12, 5, 3);
        double h = 1e-6;
        Tensor fd = f.apply(Var.constant(x.add(v.mul(h)))).value()
                .sub(f.apply(Var.constant(x.sub(v.mul(h)))).value()).mul(1 / (2 * h));
        Tensor jv = ForwardMode.jvp(f, x, v).tangent();
        assertTrue(jv.sub(fd).norm() <= 1e-8 * fd.norm());
    }

    @Test
    void multiInputTangentsAddUpAndNullMeansZero() {
        Tensor a = Tensor.randn(13, 2, 3);
        Tensor b = Tensor.randn(14, 3);
        Tensor va = Tensor.randn(15, 2, 3);
        Tensor vb = Tensor.randn(16, 3);
        Function<Var[], Var> f = xs -> Ops.mul(Ops.exp(xs[0]), Ops.tanh(xs[1]));
        Tensor both = ForwardMode.jvp(f, new Tensor[]{a, b}, new Tensor[]{va, vb}).tangent();
        Tensor onlyA = ForwardMode.jvp(f, new Tensor[]{a, b}, new Tensor[]{va, null}).tangent();
        Tensor onlyB = ForwardMode.jvp(f, new Tensor[]{a, b}, new Tensor[]{null, vb}).tangent();
        assertTrue(both.allClose(onlyA.add(onlyB), 1e-15, 1e-15));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double e = Math.exp(a.get(i, j));
                double t = Math.tanh(b.get(j));
                assertEquals(e * t * va.get(i, j), onlyA.get(i, j), 1e-14);
                assertEquals(e * (1 - t * t) * vb.get(j), onlyB.get(i, j), 1e-14);
            }
        }
        Tensor none = ForwardMode.jvp(f, new Tensor[]{a, b}, new Tensor[]{null, null}).tangent();
        assertArrayEquals(new double[6], none.toArray(), 0);
    }

    @Test
    void aFunctionThatIgnoresItsInputHasZeroTangent() {
        ForwardMode.OutputAndJvp r = ForwardMode.jvp(x -> Var.constant(Tensor.ones(2)), Tensor.zeros(3), Tensor.ones(3));
        assertArrayEquals(new double[2], r.tangent().toArray(), 0);
    }

    /** {@code 2x} with a VJP and no forward rule. */
    static final class Twice extends Op {
        @Override
        public String name() {
            return "twice";
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
    void badInputGivesClearErrors() {
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> ForwardMode.jvp(x -> Ops.tanh(x), Tensor.zeros(3), Tensor.zeros(2, 2)));
        assertTrue(s.getMessage().startsWith("[fixpoint/ShapeMismatch]")
                && s.getMessage().contains("[2, 2]") && s.getMessage().contains("[3]"), s.getMessage());

        FixpointException e = assertThrows(FixpointException.class,
                () -> ForwardMode.jvp(x -> Ops.tanh(new Twice().apply(x)), Tensor.zeros(3), Tensor.ones(3)));
        assertEquals("NoJvp", e.id());
        assertTrue(e.getMessage().startsWith("[fixpoint/NoJvp]") && e.getMessage().contains("'twice'"), e.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> ForwardMode.jvp(xs -> xs[0], new Tensor[]{Tensor.zeros(1)}, new Tensor[0]));
    }
}
