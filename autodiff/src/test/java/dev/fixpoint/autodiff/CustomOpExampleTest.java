package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The custom-operation example of the package documentation ({@code package-info.java}), copied
 * verbatim: it must compile as documented and give the right gradient, JVP and Jacobian.
 */
class CustomOpExampleTest {

    // ---- verbatim from package-info.java (first example) ----
    static
    final class ApplyOperator extends Op {
        private final Tensor a;                        // the matrix, a constant of the operation
        ApplyOperator(Tensor a) { this.a = a; }
        public String name() { return "A·x"; }
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return a.matvec(in[0]);
        }
        protected Tensor[] vjp(OpContext ctx, Tensor g) {   // Aᵀ g
            return new Tensor[]{Tensor.matvecInto(1.0, a, true, g, 0.0, null)};
        }
        protected Tensor jvp(OpContext ctx, Tensor[] t) {   // optional: forward mode, A ẋ
            return a.matvec(t[0]);
        }
    }
    // ---- end of the example ----

    // ---- verbatim from package-info.java (second example: differentiable to any order) ----
    static
    final class ApplyOperatorTwice extends Op {
        private final Tensor a;
        ApplyOperatorTwice(Tensor a) { this.a = a; }
        public String name() { return "A·x"; }
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return a.matvec(in[0]);
        }
        protected Var[] vjp(OpContext ctx, Var g) {         // Aᵀ g with differentiable operations
            Var column = Ops.reshape(g, -1, 1);
            return new Var[]{Ops.reshape(Ops.matmul(Var.constant(a), true, column, false), -1)};
        }
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return a.matvec(t[0]);
        }
    }
    // ---- end of the example ----

    private final Tensor a = Tensor.randn(7, 4, 6);
    private final Tensor x0 = Tensor.randn(8, 6);

    @Test
    void theDocumentedUsageGivesAxAndItsGradient() {
        Tensor u = Tensor.randn(9, 4);
        try (Tape tape = new Tape()) {
            Var x = tape.variable(x0);
            Var y = new ApplyOperator(a).apply(x);
            assertTrue(y.value().allClose(a.matvec(x0), 0, 0));
            Ops.sum(Ops.mul(y, Var.constant(u))).backward();
            assertTrue(x.grad().allClose(Tensor.matvecInto(1.0, a, true, u, 0.0, null), 1e-14, 1e-14));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesThroughANonlinearity() {
        Function<Var, Var> f = x -> Ops.sum(Ops.tanh(new ApplyOperator(a).apply(x)));
        Tensor g = Autodiff.grad(f, x0);
        double h = 1e-6;
        for (int j = 0; j < 6; j++) {
            Tensor e = Tensor.zeros(6);
            e.set(h, j);
            double fd = (f.apply(Var.constant(x0.add(e))).item() - f.apply(Var.constant(x0.sub(e))).item()) / (2 * h);
            assertEquals(fd, g.get(j), 1e-8);
        }
    }

    @Test
    void jvpJacobianAndAdjointIdentity() {
        Tensor v = Tensor.randn(10, 6);
        ForwardMode.OutputAndJvp r = ForwardMode.jvp(x -> new ApplyOperator(a).apply(x), x0, v);
        assertTrue(r.tangent().allClose(a.matvec(v), 0, 0));
        for (Jacobians.Mode mode : Jacobians.Mode.values()) {
            assertTrue(Jacobians.jacobian(x -> new ApplyOperator(a).apply(x), x0, mode).allClose(a, 1e-15, 1e-15),
                    mode.toString());
        }
        Tensor u = Tensor.randn(11, 4);
        Function<Var, Var> f = x -> Ops.exp(Ops.scale(new ApplyOperator(a).apply(Ops.tanh(x)), 0.3));
        double lhs = u.dot(ForwardMode.jvp(f, x0, v).tangent());
        double rhs = Autodiff.vjp(f, x0, u).vjp().dot(v);
        assertEquals(rhs, lhs, 1e-12 * Math.abs(rhs));
    }

    @Test
    void aTensorVjpIsDifferentiableOnceAndAVarVjpToAnyOrder() {
        Tensor v = Tensor.randn(12, 6);
        FixpointException e = assertThrows(FixpointException.class,
                () -> Hessians.hvp(x -> Ops.sum(Ops.tanh(new ApplyOperator(a).apply(x))), x0, v));
        assertEquals("OnceDifferentiable", e.id());
        assertTrue(e.getMessage().contains("'A·x'"), e.getMessage());

        // Σ tanh(Ax)²: H = Aᵀ diag(2(1 − t²)(1 − 3t²)) A
        Tensor hv = Hessians.hvp(x -> {
            Var t = Ops.tanh(new ApplyOperatorTwice(a).apply(x));
            return Ops.sum(Ops.mul(t, t));
        }, x0, v);
        Tensor expected = HessiansTest.tanhSquaresHessian(a, x0).matvec(v);
        assertTrue(hv.sub(expected).norm() <= 1e-12 * expected.norm());
        assertArrayEquals(Autodiff.grad(x -> Ops.sum(new ApplyOperator(a).apply(x)), x0).toArray(),
                Autodiff.grad(x -> Ops.sum(new ApplyOperatorTwice(a).apply(x)), x0).toArray(), 1e-15);
    }
}
