package dev.fixpoint.autodiff.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The checker itself: it passes right derivatives and catches wrong ones, and says where. */
class GradientCheckTest {

    /** {@code x³} elementwise, with a derivative that is off by {@code factor} at element {@code bad}. */
    private static final class FaultyCube extends Op {
        private final double factor;
        private final int bad;

        FaultyCube(double factor, int bad) {
            this.factor = factor;
            this.bad = bad;
        }

        @Override
        public String name() {
            return "faultyCube";
        }

        private Tensor derivative(Tensor x) {
            Tensor d = x.map(v -> 3 * v * v);
            d.data()[bad] *= factor;
            return d;
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].map(v -> v * v * v);
        }

        @Override
        protected Tensor[] vjp(OpContext ctx, Tensor g) {
            return new Tensor[]{g.mul(derivative(ctx.input(0).value()))};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return t[0].mul(derivative(ctx.input(0).value()));
        }
    }

    @Test
    void aCorrectDerivativePassesEveryCheck() {
        Tensor x = Tensor.randn(3, 2, 3);
        GradientCheckReport r = GradientCheck.check("cube", v -> new FaultyCube(1.0, 0).apply(v[0]), x);
        assertTrue(r.passes(1e-9, 1.9), r::toString);
        assertEquals(2.0, r.taylor().rate(), 0.05, r::toString);
        assertTrue(r.toString().contains("gradient check of cube"), r::toString);
    }

    @Test
    void aWrongDerivativeIsCaughtWithItsLocation() {
        Tensor x = Tensor.of(new double[]{0.5, -1.2, 0.8, 1.5, -0.7, 0.9}, 2, 3);
        GradientCheckReport r = GradientCheck.check("faulty cube", v -> new FaultyCube(1.01, 4).apply(v[0]), x);
        assertFalse(r.passes(1e-6, 1.9));
        assertEquals(0, r.gradient().input());
        assertArrayEquals(new int[]{1, 1}, r.gradient().index(), r::toString);
        assertEquals(0.01 / 1.01, r.gradient().error(), 1e-6);
        assertArrayEquals(new int[]{1, 1}, r.jvp().index(), r::toString);
        assertTrue(r.taylor().rate() < 1.5, r::toString); // the first-order term is wrong: r(h) = O(h)
        AssertionError e = assertThrows(AssertionError.class, () -> r.assertPasses(1e-6, 1.9));
        assertTrue(e.getMessage().contains("input 0 index [1, 1]"), e.getMessage());
    }

    @Test
    void theDotProductTestCatchesModesThatDisagree() {
        Op inconsistent = new Op() {
            @Override
            public String name() {
                return "inconsistent";
            }

            @Override
            protected Tensor forward(OpContext ctx, Tensor[] in) {
                return in[0].mul(2.0);
            }

            @Override
            protected Tensor[] vjp(OpContext ctx, Tensor g) {
                return new Tensor[]{g.mul(2.0)};
            }

            @Override
            protected Tensor jvp(OpContext ctx, Tensor[] t) {
                return t[0].mul(2.0 + 1e-6);
            }
        };
        GradientCheckReport r = GradientCheck.check("inconsistent", v -> inconsistent.apply(v[0]), Tensor.randn(5, 4));
        assertTrue(r.gradient().within(1e-9), r::toString);
        assertTrue(r.dotProductError() > 1e-8, r::toString);
        assertFalse(r.passes(1e-6, 1.9));
    }

    @Test
    void linearFunctionsReportAnInfiniteTaylorRateAndZeroSizedInputsCompareNothing() {
        GradientCheckReport lin = GradientCheck.check("scale", v -> Ops.scale(v[0], 3.0), Tensor.randn(7, 4));
        assertEquals(Double.POSITIVE_INFINITY, lin.taylor().rate(), lin::toString);
        GradientCheckReport empty = GradientCheck.check("empty", v -> Ops.sum(v[0]), Tensor.zeros(0, 3));
        assertEquals(0, empty.gradient().count());
        assertTrue(empty.passes(1e-6, 1.9), empty::toString);
    }

    @Test
    void hessianVectorProductsAreCheckedAgainstDifferencesOfGradients() {
        Tensor x = Tensor.randn(11, 4);
        Discrepancy d = GradientCheck.assertHessianVector("exp·x", v -> Ops.sum(Ops.mul(Ops.exp(v[0]), v[0])), x);
        assertTrue(d.error() < 1e-8, d::toString);
    }

    @Test
    void inputsAreNotModified() {
        Tensor x = Tensor.randn(2, 3);
        Tensor before = x.copy();
        GradientCheck.check("tanh", v -> Ops.tanh(v[0]), x);
        assertEquals(before, x);
    }
}
