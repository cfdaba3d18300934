package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void gradientOfASumOfSquaresIsTwiceTheInput() {
        Tensor g = Autodiff.grad(x -> Ops.sum(Ops.mul(x, x)), Tensor.vector(1, 2, 3));
        assertArrayEquals(new double[]{2, 4, 6}, g.toArray(), 0);
    }

    @Test
    void broadcastingGradientsAreSummedBackToTheOperandShapes() {
        try (Tape tape = new Tape()) {
            Var m = tape.variable(Tensor.of(new double[]{1, 2, 3, 4, 5, 6}, 2, 3));
            Var row = tape.variable(Tensor.vector(10, 20, 30));
            Var col = tape.variable(Tensor.of(new double[]{1, 2}, 2, 1));
            Var s = tape.variable(Tensor.scalar(2));
            Var y = Ops.sum(Ops.mul(Ops.add(Ops.add(m, row), col), s));
            tape.backward(y);
            assertArrayEquals(new double[]{2, 2, 2, 2, 2, 2}, m.grad().toArray(), 0);
            assertArrayEquals(new double[]{4, 4, 4}, row.grad().toArray(), 0);
            assertArrayEquals(new int[]{2, 1}, col.grad().shape());
            assertArrayEquals(new double[]{6, 6}, col.grad().toArray(), 0);
            // d/ds Σ (m + row + col) s = Σ (m + row + col) = 21 + 2·60 + 3·3
            assertEquals(21 + 120 + 9, s.grad().item(), 0);
        }
    }

    @Test
    void matmulGradientsUseTheTransposedProducts() {
        Tensor a = Tensor.randn(1, 3, 4);
        Tensor b = Tensor.randn(2, 4, 2);
        try (Tape tape = new Tape()) {
            Var av = tape.variable(a);
            Var bv = tape.variable(b);
            tape.backward(Ops.sum(Ops.matmul(av, bv)));
            Tensor ones = Tensor.ones(3, 2);
            assertTrue(av.grad().allClose(Tensor.matmul(ones, false, b, true), 1e-14, 1e-14));
            assertTrue(bv.grad().allClose(Tensor.matmul(a, true, ones, false), 1e-14, 1e-14));
        }
    }

    @Test
    void secondDerivativesThroughCreateGraph() {
        // f(x) = Σ exp(x)·x ; ∇f = exp(x)(1 + x) ; H = diag(exp(x)(2 + x))
        Tensor x0 = Tensor.vector(0.1, -0.5, 1.2);
        Tensor v = Tensor.vector(1, 2, -1);
        try (Tape tape = new Tape()) {
            Var x = tape.variable(x0);
            Var f = Ops.sum(Ops.mul(Ops.exp(x), x));
            Var g = tape.gradients(f, null, new Var[]{x}, true)[0];
            assertTrue(g.requiresGrad());
            Var gv = Ops.sum(Ops.mul(g, Var.constant(v)));
            Tensor hv = tape.gradients(gv, null, new Var[]{x}, false)[0].value();
            for (int i = 0; i < 3; i++) {
                double xi = x0.get(i);
                assertEquals(Math.exp(xi) * (2 + xi) * v.get(i), hv.get(i), 1e-14);
            }
        }
    }

    @Test
    void parametersAccumulateAcrossBackwardCallsUntilZeroed() {
        Parameter p = new Parameter("w", Tensor.vector(3));
        for (int step = 0; step < 2; step++) {
            try (Tape tape = new Tape()) {
                Var w = tape.watch(p);
                Ops.sum(Ops.mul(w, w)).backward();
            }
        }
        assertEquals(12, p.grad().get(0), 0);
        p.zeroGrad();
        assertEquals(0, p.grad().get(0), 0);
    }

    @Test
    void badInputGivesClearErrors() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.vector(1, 2));
        Var y = Ops.mul(x, x);
        FixpointException e = assertThrows(FixpointException.class, y::backward);
        assertEquals("NonScalarOutput", e.id());
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("seed"), e.getMessage());

        Ops.sum(y).backward();
        assertTrue(tape.isReleased());
        e = assertThrows(FixpointException.class, () -> Ops.add(x, x));
        assertEquals("ReleasedTape", e.id());
        assertTrue(e.getMessage().contains("backward()") && e.getMessage().contains("new Tape"), e.getMessage());

        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> Ops.add(Var.constant(Tensor.zeros(2, 3)), Var.constant(Tensor.zeros(2))));
        assertTrue(s.getMessage().contains("[2, 3]") && s.getMessage().contains("[2]"), s.getMessage());
    }

    @Test
    void noGradScopesRecordNothing() {
        try (Tape tape = new Tape()) {
            Var x = tape.variable(Tensor.vector(1, 2));
            try (NoGrad scope = NoGrad.enter()) {
                Var y = Ops.mul(x, x);
                assertFalse(y.requiresGrad());
            }
            assertEquals(0, tape.size());
            assertTrue(Ops.mul(x, x).requiresGrad());
            assertEquals(1, tape.size());
        }
    }

    @Test
    void forwardModeMatchesTheAnalyticDirectionalDerivative() {
        Tensor x = Tensor.vector(0.3, -1.0);
        Tensor v = Tensor.vector(2.0, 0.5);
        ForwardMode.OutputAndJvp r = ForwardMode.jvp(z -> Ops.tanh(Ops.mul(z, z)), x, v);
        for (int i = 0; i < 2; i++) {
            double xi = x.get(i);
            double th = Math.tanh(xi * xi);
            assertEquals(th, r.output().get(i), 0);
            assertEquals((1 - th * th) * 2 * xi * v.get(i), r.tangent().get(i), 1e-15);
        }
    }

    /** A VJP that linearises a function on a private tape (as implicit layers do) needs NoGrad.resume. */
    @Test
    void resumeRecordsInsideAVjpAndRestoresTheEnclosingScopes() {
        Op cube = new Op() {
            @Override
            public String name() {
                return "cube-by-private-tape";
            }

            @Override
            protected Tensor forward(OpContext ctx, Tensor[] inputs) {
                return inputs[0].map(v -> v * v * v);
            }

            @Override
            protected Tensor[] vjp(OpContext ctx, Tensor upstream) {
                assertFalse(NoGrad.recording());
                try (NoGrad on = NoGrad.resume(); Tape inner = new Tape()) {
                    assertTrue(NoGrad.recording());
                    Var x = inner.variable(ctx.input(0).value());
                    Var y = x.mul(x).mul(x);
                    return new Tensor[]{inner.gradients(y, upstream, new Var[]{x}, false)[0].value()};
                } finally {
                    assertFalse(NoGrad.recording());
                }
            }
        };
        try (Tape tape = new Tape()) {
            Var x = tape.variable(Tensor.vector(1.0, -2.0));
            cube.apply(x).sum().backward();
            assertEquals(3.0, x.grad().get(0), 0.0);
            assertEquals(12.0, x.grad().get(1), 0.0);
        }
        try (NoGrad outer = NoGrad.enter(); NoGrad inner = NoGrad.enter()) {
            try (NoGrad on = NoGrad.resume()) {
                assertTrue(NoGrad.recording());
            }
            assertFalse(NoGrad.recording());
        }
        assertTrue(NoGrad.recording());
    }
}
