package dev.fixpoint.solvers.deq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.FixedPointSolvers;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradients of a contractive tanh DEQ (d = 8, p = 5, B = 3, ‖W‖₂ = 0.5) through L = Σ c ⊙ z*: the exact
 * implicit gradient against central finite differences and against unrolled backprop run to convergence;
 * the Neumann series within its geometric bound; phantom(k, 1) equal to Neumann(k); failures of the adjoint
 * solve raised or fallen back.
 */
class DeqGradientTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int D = 8;
    private final TanhCell cell = new TanhCell(D, 5, 3, 0.5, 11);
    private final Tensor c = Tensor.randn(99, D, 3);

    private DeqLayer layer(BackwardMode mode) {
        return DeqLayer.builder(TanhCell.F, D)
                .forward(FixedPointSolvers.create("anderson", FixedPointSettings.of(1e-14, 500)))
                .backward(mode).build();
    }

    /** @return gradients of L with respect to x, W, U, b */
    private Tensor[] gradients(BackwardMode mode) {
        DeqLayer layer = layer(mode);
        try (Tape tape = new Tape()) {
            Var[] in = variables(tape);
            TanhCell.apply(layer, in).backward(c);
            return grads(in);
        }
    }

    private Var[] variables(Tape tape) {
        Tensor[] v = cell.inputs();
        Var[] in = new Var[v.length];
        for (int i = 0; i < v.length; i++) {
            in[i] = tape.variable(v[i].copy());
        }
        return in;
    }

    private static Tensor[] grads(Var[] in) {
        Tensor[] g = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            g[i] = in[i].grad();
        }
        return g;
    }

    private static double relativeError(Tensor[] a, Tensor[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += Math.pow(a[i].sub(b[i]).norm(), 2);
            den += Math.pow(b[i].norm(), 2);
        }
        return Math.sqrt(num / den);
    }

    private double loss(Tensor[] inputs) {
        DeqLayer layer = layer(BackwardMode.jacobianFree());
        Var z = layer.apply(Var.constant(inputs[0]), Var.constant(inputs[1]), Var.constant(inputs[2]), Var.constant(inputs[3]));
        return z.value().mul(c).sum();
    }

    @Test
    void exactGradientAgreesWithFiniteDifferences() {
        Tensor[] exact = gradients(BackwardMode.exact());
        Tensor[] fd = new Tensor[exact.length];
        double h = 1e-5;
        for (int i = 0; i < exact.length; i++) {
            Tensor[] inputs = cell.inputs();
            Tensor g = Tensor.zeros(inputs[i].shape());
            for (int e = 0; e < inputs[i].size(); e++) {
                Tensor[] plus = copies(inputs);
                Tensor[] minus = copies(inputs);
                plus[i].data()[plus[i].offset() + e] += h;
                minus[i].data()[minus[i].offset() + e] -= h;
                g.data()[e] = (loss(plus) - loss(minus)) / (2 * h);
            }
            fd[i] = g;
        }
        double err = relativeError(exact, fd);
        RESULTS.info("DEQ exact implicit gradient vs central finite differences (h=1e-5, tanh d=8, ‖W‖=0.5): relative error {}", err);
        assertTrue(err <= 1e-6, "relative error " + err);
    }

    private static Tensor[] copies(Tensor[] t) {
        Tensor[] out = new Tensor[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i].copy();
        }
        return out;
    }

    @Test
    void exactGradientAgreesWithUnrolledBackpropToConvergence() {
        Tensor[] exact = gradients(BackwardMode.exact(BackwardSolver.fixedPoint("anderson", FixedPointSettings.of(1e-14, 500))));
        Tensor[] unrolled;
        DeqLayer layer = layer(BackwardMode.exact());
        try (Tape tape = new Tape()) {
            Var[] in = variables(tape);
            layer.unrolled(in[0], 120, in[1], in[2], in[3]).backward(c); // 0.5^120 ≈ 1e-36
            unrolled = grads(in);
        }
        double err = relativeError(exact, unrolled);
        RESULTS.info("DEQ exact implicit gradient vs unrolled backprop (120 Picard steps): relative error {}", err);
        assertTrue(err <= 1e-8, "relative error " + err);
        Tensor[] gmres = gradients(BackwardMode.exact(BackwardSolver.gmres(20, StoppingCriteria.of(1e-13, 200))));
        double errGmres = relativeError(gmres, unrolled);
        RESULTS.info("DEQ exact implicit gradient with the GMRES adjoint solve vs unrolled backprop: relative error {}", errGmres);
        assertTrue(errGmres <= 1e-8, "GMRES relative error " + errGmres);
    }

    @Test
    void neumannSeriesIsWithinItsGeometricBound() {
        Tensor[] exact = gradients(BackwardMode.exact(BackwardSolver.fixedPoint("anderson", FixedPointSettings.of(1e-14, 500))));
        double q = cell.wNorm; // ‖J‖₂ = ‖diag(1 − tanh²)·W‖₂ ≤ ‖W‖₂ for every sample
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 12; k++) {
            Tensor[] nk = gradients(BackwardMode.neumann(k));
            // grad_x = Uᵀ diag(1 − tanh²) u, so ‖Δgrad_x‖_F ≤ ‖U‖₂ ‖u_k − u*‖_F ≤ ‖U‖₂ q^k/(1 − q) ‖c‖_F
            double errX = nk[0].sub(exact[0]).norm();
            double bound = cell.uNorm * Math.pow(q, k) / (1 - q) * c.norm();
            RESULTS.info("DEQ Neumann k={}: ‖grad_x − grad_x*‖ = {} ≤ bound ‖U‖·‖W‖^k/(1−‖W‖)·‖g‖ = {}", k, errX, bound);
            assertTrue(errX <= bound, "k=" + k + ": " + errX + " > " + bound);
            assertTrue(errX < previous);
            previous = errX;
        }
    }

    @Test
    void phantomWithUnitDampingEqualsNeumannAndJfbEqualsOneTerm() {
        for (int k : new int[]{1, 3, 6}) {
            double err = relativeError(gradients(BackwardMode.phantom(k, 1.0)), gradients(BackwardMode.neumann(k)));
            assertTrue(err < 1e-12, "k=" + k + ": " + err);
        }
        assertTrue(relativeError(gradients(BackwardMode.jacobianFree()), gradients(BackwardMode.neumann(1))) < 1e-14);
        assertTrue(relativeError(gradients(BackwardMode.phantom(5, 0.5)), gradients(BackwardMode.exact())) < 0.5);
    }

    @Test
    void aFailedAdjointSolveIsRaisedWithItsResidualOrFallsBack() {
        BackwardSolver weak = BackwardSolver.fixedPoint("picard", FixedPointSettings.of(1e-12, 3));
        FixpointException e = assertThrows(FixpointException.class, () -> gradients(BackwardMode.exact(weak)));
        assertTrue(e.getMessage().startsWith("[fixpoint/BackwardSolveFailed]") && e.getMessage().contains("residual"),
                e.getMessage());
        DeqLayer layer = layer(BackwardMode.exact(weak).withFallback(true));
        Tensor[] fallback;
        try (Tape tape = new Tape()) {
            Var[] in = variables(tape);
            TanhCell.apply(layer, in).backward(c);
            fallback = grads(in);
        }
        assertTrue(layer.lastBackward().fellBack());
        assertTrue(relativeError(fallback, gradients(BackwardMode.jacobianFree())) < 1e-14);
        assertTrue(fallback[1].norm() > 0, "no silent zero gradient");
    }

    @Test
    void badModesAreRejectedWithTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> BackwardMode.neumann(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackwardMode.phantom(3, 1.5));
        assertTrue(e.getMessage().contains("(0, 1]") && e.getMessage().contains("1.5"));
        DeqLayer layer = layer(BackwardMode.exact());
        assertThrows(dev.fixpoint.core.ShapeMismatchException.class,
                () -> layer.apply(Var.constant(Tensor.zeros(5)), Var.constant(cell.w)));
        assertThrows(dev.fixpoint.core.ShapeMismatchException.class,
                () -> layer.apply(Var.constant(cell.x), Tensor.zeros(D, 2), Var.constant(cell.w), Var.constant(cell.u), Var.constant(cell.b)));
        assertEquals(BackwardMode.Kind.EXACT, layer.backwardMode().kind());
    }
}
