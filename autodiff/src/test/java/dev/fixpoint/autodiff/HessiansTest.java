package dev.fixpoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HessiansTest {
    private static final Logger LOG = LoggerFactory.getLogger(HessiansTest.class);

    // ------------------------------------------------------------------ test functions

    /** A random symmetric positive definite matrix {@code BᵀB + n·I}. */
    static Tensor spd(long seed, int n) {
        Tensor b = Tensor.randn(seed, n, n);
        return Tensor.matmul(b, true, b, false).add(Tensor.eye(n).mul(n));
    }

    /** {@code ½ xᵀAx + bᵀx} for {@code x} of shape [n], through matmul. */
    static Var quadratic(Var x, Tensor a, Tensor b) {
        int n = x.size();
        Var xc = Ops.reshape(x, n, 1);
        Var ax = Ops.matmul(Var.constant(a), xc);
        Var xax = Ops.matmul(xc, true, ax, false);
        return Ops.add(Ops.scale(Ops.sum(xax), 0.5), Ops.sum(Ops.mul(Var.constant(b), x)));
    }

    /** {@code Σ tanh(Wx)²} for {@code x} of shape [n]. */
    static Var tanhSquares(Var x, Tensor w) {
        Var t = Ops.tanh(Ops.matmul(Var.constant(w), Ops.reshape(x, x.size(), 1)));
        return Ops.sum(Ops.mul(t, t));
    }

    /** Rosenbrock {@code Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)²}, the shifts as selection matrices. */
    static Var rosenbrock(Var x) {
        int n = x.size();
        Tensor lo = Tensor.zeros(n - 1, n);
        Tensor hi = Tensor.zeros(n - 1, n);
        for (int i = 0; i < n - 1; i++) {
            lo.set(1.0, i, i);
            hi.set(1.0, i, i + 1);
        }
        Var xc = Ops.reshape(x, n, 1);
        Var a = Ops.matmul(Var.constant(lo), xc);
        Var b = Ops.matmul(Var.constant(hi), xc);
        Var r = Ops.sub(b, Ops.mul(a, a));
        Var s = Ops.sub(Var.constant(1.0), a);
        return Ops.add(Ops.scale(Ops.sum(Ops.mul(r, r)), 100.0), Ops.sum(Ops.mul(s, s)));
    }

    static Tensor rosenbrockHessian(Tensor x) {
        int n = x.size();
        Tensor h = Tensor.zeros(n, n);
        for (int j = 0; j < n; j++) {
            double d = 0;
            if (j < n - 1) {
                d += 1200 * x.get(j) * x.get(j) - 400 * x.get(j + 1) + 2;
                h.set(-400 * x.get(j), j, j + 1);
                h.set(-400 * x.get(j), j + 1, j);
            }
            if (j > 0) {
                d += 200;
            }
            h.set(d, j, j);
        }
        return h;
    }

    /** {@code Wᵀ diag(2(1 − t²)(1 − 3t²)) W} with {@code t = tanh(Wx)}. */
    static Tensor tanhSquaresHessian(Tensor w, Tensor x) {
        Tensor t = w.matvec(x).map(Math::tanh);
        Tensor d = t.map(s -> 2 * (1 - s * s) * (1 - 3 * s * s));
        int m = w.dim(0);
        int n = w.dim(1);
        Tensor dw = Tensor.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                dw.set(d.get(i) * w.get(i, j), i, j);
            }
        }
        return Tensor.matmul(w, true, dw, false);
    }

    /** Central differences of the reverse-mode gradient along {@code v}. */
    static Tensor finiteDifferenceHvp(Function<Var, Var> f, Tensor x, Tensor v, double h) {
        Tensor gp = Autodiff.grad(f, x.add(v.mul(h)));
        Tensor gm = Autodiff.grad(f, x.sub(v.mul(h)));
        return gp.sub(gm).mul(1.0 / (2 * h));
    }

    static double relativeError(Tensor actual, Tensor expected) {
        return actual.sub(expected).norm() / expected.norm();
    }

    // ------------------------------------------------------------------ quadratics: exact

    @Test
    void hvpOfAQuadraticIsExactlyTheMatrixTimesTheDirection() {
        int n = 12;
        Tensor a = spd(11, n);
        Tensor b = Tensor.randn(12, n);
        double worst = 0;
        for (long seed = 0; seed < 5; seed++) {
            Tensor x = Tensor.randn(100 + seed, n);
            Tensor v = Tensor.randn(200 + seed, n);
            Tensor hv = Hessians.hvp(z -> quadratic(z, a, b), x, v);
            double err = relativeError(hv, a.matvec(v));
            worst = Math.max(worst, err);
            assertTrue(err <= 1e-12, "relative error " + err);
        }
        org.slf4j.LoggerFactory.getLogger("dev.fixpoint.results").info(
                "HVP of a quadratic (n=12, random SPD A, 5 points): worst relative error vs A·v {}", worst);
    }

    @Test
    void valueGradientAndHvpComeFromOneRecording() {
        int n = 7;
        Tensor a = spd(21, n);
        Tensor b = Tensor.randn(22, n);
        Tensor x = Tensor.randn(23, n);
        Tensor v = Tensor.randn(24, n);
        Hessians.ValueGradHvp r = Hessians.valueGradHvp(z -> quadratic(z, a, b), x, v);
        Tensor ax = a.matvec(x);
        assertEquals(0.5 * x.dot(ax) + b.dot(x), r.value(), 1e-12 * Math.abs(r.value()));
        assertTrue(relativeError(r.grad(), ax.add(b)) <= 1e-13);
        assertTrue(relativeError(r.hvp(), a.matvec(v)) <= 1e-12);
    }

    @Test
    void denseHessianOfAQuadraticIsTheMatrix() {
        int n = 9;
        Tensor a = spd(31, n);
        Tensor b = Tensor.randn(32, n);
        Tensor h = Hessians.hessian(z -> quadratic(z, a, b), Tensor.randn(33, n));
        assertArrayEquals(new int[]{n, n}, h.shape());
        assertTrue(h.allClose(a, 1e-13, 1e-13 * a.normInf()));
        assertTrue(h.allClose(h.transpose(), 0, 1e-13 * a.normInf()));
    }

    // ------------------------------------------------------------------ smooth non-quadratic functions

    @Test
    void hvpOfSumOfSquaredTanhMatchesFiniteDifferencesAndTheAnalyticHessian() {
        Tensor w = Tensor.randn(41, 5, 8).mul(0.5);
        Function<Var, Var> f = z -> tanhSquares(z, w);
        double worstFd = 0;
        for (long seed = 0; seed < 4; seed++) {
            Tensor x = Tensor.randn(300 + seed, 8);
            Tensor v = Tensor.randn(400 + seed, 8);
            Tensor hv = Hessians.hvp(f, x, v);
            double fd = relativeError(hv, finiteDifferenceHvp(f, x, v, 1e-5));
            worstFd = Math.max(worstFd, fd);
            assertTrue(fd <= 1e-6, "relative error vs finite differences " + fd);
            assertTrue(relativeError(hv, tanhSquaresHessian(w, x).matvec(v)) <= 1e-12);
        }
        LOG.debug("tanh² HVP: worst relative error vs finite differences {}", worstFd);
        Tensor x = Tensor.randn(350, 8);
        Tensor h = Hessians.hessian(f, x);
        Tensor expected = tanhSquaresHessian(w, x);
        assertTrue(h.allClose(expected, 1e-12, 1e-13), "dense Hessian differs from Wᵀ diag(d) W");
        assertTrue(h.allClose(h.transpose(), 0, 1e-14));
    }

    @Test
    void hvpOfRosenbrockMatchesFiniteDifferencesAndTheAnalyticHessian() {
        Tensor x = Tensor.vector(-1.2, 1.0, 0.5, -0.3, 0.8, 1.1);
        Tensor hExact = rosenbrockHessian(x);
        double worstFd = 0;
        for (long seed = 0; seed < 4; seed++) {
            Tensor v = Tensor.randn(500 + seed, 6);
            Tensor hv = Hessians.hvp(HessiansTest::rosenbrock, x, v);
            double fd = relativeError(hv, finiteDifferenceHvp(HessiansTest::rosenbrock, x, v, 1e-5));
            worstFd = Math.max(worstFd, fd);
            assertTrue(fd <= 1e-6, "relative error vs finite differences " + fd);
            assertTrue(relativeError(hv, hExact.matvec(v)) <= 1e-13);
        }
        LOG.debug("Rosenbrock HVP: worst relative error vs finite differences {}", worstFd);
        Tensor h = Hessians.hessian(HessiansTest::rosenbrock, x);
        assertTrue(h.allClose(hExact, 1e-14, 1e-12), "dense Rosenbrock Hessian differs from the analytic one");
        assertTrue(h.allClose(h.transpose(), 0, 0), "Rosenbrock Hessian not symmetric");
    }

    @Test
    void affineFunctionsHaveZeroHessian() {
        Tensor c = Tensor.vector(1, -2, 3);
        Tensor hv = Hessians.hvp(z -> Ops.sum(Ops.mul(Var.constant(c), z)), Tensor.vector(4, 5, 6), Tensor.ones(3));
        assertArrayEquals(new double[3], hv.toArray(), 0);
        assertArrayEquals(new double[9], Hessians.hessian(z -> Ops.sum(z), Tensor.ones(3)).toArray(), 0);
    }

    // ------------------------------------------------------------------ parameter sets

    /** A loss over W [3, 4] and b [3, 1]; W is watched twice (data term and a regulariser). */
    static Var parameterLoss(Tape tape, ParameterSet ps, Tensor data) {
        Var w = tape.watch(ps.get("W"));
        Var b = tape.watch(ps.get("b"));
        Var t = Ops.tanh(Ops.add(Ops.matmul(w, Var.constant(data)), b));
        Var fit = Ops.sum(Ops.mul(t, t));
        Var reg = Ops.scale(Ops.sum(Ops.exp(Ops.scale(tape.watch(ps.get("W")), 0.3))), 0.1);
        return Ops.add(fit, reg);
    }

    static ParameterSet parameters() {
        ParameterSet ps = new ParameterSet();
        ps.add("W", Tensor.randn(61, 3, 4).mul(0.5));
        ps.add("b", Tensor.randn(62, 3, 1).mul(0.5));
        return ps;
    }

    @Test
    void parameterSetHvpMatchesFiniteDifferencesAndLeavesTheParametersAlone() {
        ParameterSet ps = parameters();
        Tensor data = Tensor.randn(63, 4, 2);
        Function<Tape, Var> loss = tape -> parameterLoss(tape, ps, data);
        double[] before = ps.flatten();
        double[] v = Tensor.randn(64, ps.size()).toArray();

        double[] hv = Hessians.hvp(ps, loss, v);
        assertArrayEquals(before, ps.flatten(), 0, "parameters must not be modified");
        assertArrayEquals(new double[ps.size()], ps.flattenGrad(), 0, "parameter gradients must not be touched");

        // central differences of the backward() gradients along v
        double h = 1e-5;
        double[] gp = gradientAt(ps, loss, before, v, h);
        double[] gm = gradientAt(ps, loss, before, v, -h);
        ps.assign(before);
        double[] fd = new double[hv.length];
        for (int i = 0; i < fd.length; i++) {
            fd[i] = (gp[i] - gm[i]) / (2 * h);
        }
        double err = relativeError(Tensor.vector(hv), Tensor.vector(fd));
        LOG.debug("parameter-set HVP: relative error vs finite differences {}", err);
        assertTrue(err <= 1e-6, "relative error vs finite differences " + err);

        // per-parameter form: the same numbers, split by parameter, plus value and gradient
        Tensor[] dir = {Tensor.of(java.util.Arrays.copyOfRange(v, 0, 12), 3, 4),
                Tensor.of(java.util.Arrays.copyOfRange(v, 12, 15), 3, 1)};
        Hessians.ParameterValueGradHvp r = Hessians.valueGradHvp(ps, loss, dir);
        assertArrayEquals(hv, r.flatHvp(), 0);
        assertArrayEquals(new int[]{3, 1}, r.hvps()[1].shape());
        assertArrayEquals(gradientAt(ps, loss, before, v, 0), r.flatGrad(), 1e-14);
        ps.assign(before);
        try (Tape tape = new Tape()) {
            assertEquals(loss.apply(tape).item(), r.value(), 0);
        }
        assertArrayEquals(hv, concat(Hessians.hvp(ps, loss, dir)), 0);
    }

    @Test
    void parameterSetHvpOfAQuadraticIsExact() {
        int n = 6;
        Tensor a = spd(71, n);
        Tensor b = Tensor.randn(72, n);
        ParameterSet ps = new ParameterSet();
        ps.add("x", Tensor.randn(73, n));
        ps.add("unused", Tensor.ones(2));
        Tensor v = Tensor.randn(74, n);
        Tensor[] hv = Hessians.hvp(ps, tape -> quadratic(tape.watch(ps.get("x")), a, b),
                new Tensor[]{v, Tensor.ones(2)});
        assertTrue(relativeError(hv[0], a.matvec(v)) <= 1e-12);
        assertArrayEquals(new double[2], hv[1].toArray(), 0);
    }

    private static double[] gradientAt(ParameterSet ps, Function<Tape, Var> loss, double[] theta, double[] v, double h) {
        double[] shifted = theta.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += h * v[i];
        }
        ps.assign(shifted);
        ps.zeroGrad();
        try (Tape tape = new Tape()) {
            loss.apply(tape).backward();
        }
        double[] g = ps.flattenGrad();
        ps.zeroGrad();
        return g;
    }

    private static double[] concat(Tensor[] parts) {
        return Tensor.concat(0, parts[0].flatten(), parts[1].flatten()).toArray();
    }

    // ------------------------------------------------------------------ bad input

    /** {@code x³} elementwise with a tensor VJP only: differentiable once. */
    static final class Cube extends Op {
        @Override
        public String name() {
            return "cube";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return in[0].map(v -> v * v * v);
        }

        @Override
        protected Tensor[] vjp(OpContext ctx, Tensor g) {
            return new Tensor[]{g.mul(ctx.input(0).value().map(v -> 3 * v * v))};
        }
    }

    @Test
    void hvpThroughAOnceDifferentiableOpIsRefused() {
        Tensor x = Tensor.vector(0.5, -1, 2);
        Tensor v = Tensor.ones(3);
        // first order works
        assertArrayEquals(new double[]{0.75, 3, 12}, Autodiff.grad(z -> Ops.sum(new Cube().apply(z)), x).toArray(), 1e-15);
        // second order does not, whether or not the cotangent reaching the op depends on x
        for (Function<Var, Var> f : java.util.List.<Function<Var, Var>>of(
                z -> Ops.sum(new Cube().apply(z)),
                z -> Ops.sum(Ops.tanh(new Cube().apply(z))))) {
            FixpointException e = assertThrows(FixpointException.class, () -> Hessians.hvp(f, x, v));
            assertEquals("OnceDifferentiable", e.id());
            assertTrue(e.getMessage().startsWith("[fixpoint/OnceDifferentiable]") && e.getMessage().contains("'cube'"),
                    e.getMessage());
            assertEquals("OnceDifferentiable",
                    assertThrows(FixpointException.class, () -> Hessians.hessian(f, x)).id());
        }
    }

    @Test
    void badInputGivesClearErrors() {
        Function<Var, Var> f = z -> Ops.sum(Ops.mul(z, z));
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> Hessians.hvp(f, Tensor.zeros(3), Tensor.zeros(2, 2)));
        assertTrue(s.getMessage().contains("[2, 2]") && s.getMessage().contains("[3]"), s.getMessage());

        FixpointException e = assertThrows(FixpointException.class,
                () -> Hessians.hvp(z -> Ops.mul(z, z), Tensor.zeros(3), Tensor.zeros(3)));
        assertEquals("NonScalarOutput", e.id());
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("Ops.sum"), e.getMessage());

        e = assertThrows(FixpointException.class, () -> Hessians.hessian(f, Tensor.zeros(5000)));
        assertEquals("HessianTooLarge", e.id());
        assertTrue(e.getMessage().contains(String.valueOf(Jacobians.MAX_ENTRIES))
                && e.getMessage().contains("Hessians.hvp"), e.getMessage());

        ParameterSet ps = parameters();
        Tensor data = Tensor.randn(63, 4, 2);
        Function<Tape, Var> loss = tape -> parameterLoss(tape, ps, data);
        s = assertThrows(ShapeMismatchException.class, () -> Hessians.hvp(ps, loss, new double[14]));
        assertTrue(s.getMessage().contains("14") && s.getMessage().contains("15"), s.getMessage());
        s = assertThrows(ShapeMismatchException.class,
                () -> Hessians.hvp(ps, loss, new Tensor[]{Tensor.zeros(3, 4), Tensor.zeros(3)}));
        assertTrue(s.getMessage().contains("'b'") && s.getMessage().contains("[3]")
                && s.getMessage().contains("[3, 1]"), s.getMessage());
        s = assertThrows(ShapeMismatchException.class, () -> Hessians.hvp(ps, loss, new Tensor[]{Tensor.zeros(3, 4)}));
        assertTrue(s.getMessage().contains("W[3, 4]"), s.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Hessians.hvp(new ParameterSet(), tape -> Var.constant(0), new double[0]));
        assertSame(ShapeMismatchException.class, s.getClass());
    }
}
