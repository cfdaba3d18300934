package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.Operators;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class UnrolledSolverTest {
    private static final int M = 8;
    private static final int N = 12;
    private static final int B = 3;
    private static final int K = 6;
    private static final Tensor A = SparseRecoveryProblem.gaussianUnitColumns(M, N, new SplittableRandom(7));
    private static final Tensor Y = Tensor.randn(11L, M, B);
    private static final double LAMBDA = 0.1;

    /** Largest |network − reference| over layers and samples, relative to max(1, max|reference|). */
    private static double deviation(List<Var> outputs, double[][][] reference) {
        double worst = 0;
        double scale = 1;
        for (int b = 0; b < reference.length; b++) {
            for (int k = 0; k < reference[b].length; k++) {
                double[] net = ClassicalIterations.column(outputs.get(k).value(), b);
                for (int j = 0; j < net.length; j++) {
                    worst = Math.max(worst, Math.abs(net[j] - reference[b][k][j]));
                    scale = Math.max(scale, Math.abs(reference[b][k][j]));
                }
            }
        }
        return worst / scale;
    }

    private interface Reference {
        double[][] run(double[] y);
    }

    private static double[][][] perSample(Reference r) {
        double[][][] out = new double[B][][];
        for (int b = 0; b < B; b++) {
            out[b] = r.run(ClassicalIterations.column(Y, b));
        }
        return out;
    }

    private static double lipschitz() {
        double s = dev.fixpoint.core.linalg.LinearAlgebra.current().svd(A).s().data()[0];
        return s * s;
    }

    // ------------------------------------------------------------------ classical iterations, exactly

    @Test
    void untrainedIstaIsIstaForEachProx() {
        ClassicalIterations ref = new ClassicalIterations(A);
        double tau = 1 / lipschitz();
        Object[][] cases = {
                {UnrolledProx.softThreshold(), ClassicalIterations.SOFT},
                {UnrolledProx.nonNegativeSoftThreshold(), (DoubleBinaryOperator) (v, t) -> Math.max(v - t, 0)},
                {UnrolledProx.nonNegative(), (DoubleBinaryOperator) (v, t) -> Math.max(v, 0)},
                {UnrolledProx.box(-0.2, 0.3), (DoubleBinaryOperator) (v, t) -> Math.min(Math.max(v, -0.2), 0.3)},
        };
        for (Object[] c : cases) {
            UnrolledProx prox = (UnrolledProx) c[0];
            DoubleBinaryOperator p = (DoubleBinaryOperator) c[1];
            UnrolledSolver net = UnrolledAlgorithm.ISTA.over(A).layers(K).prox(prox).weight(LAMBDA).build();
            double d = deviation(net.forward(null, Var.constant(Y)), perSample(y -> ref.ista(y, tau, LAMBDA, p, K)));
            assertTrue(d <= 1e-12, prox.name() + ": deviation " + d);
        }
    }

    @Test
    void untrainedNetworksWithLearnedButUntrainedParametersAreStillClassical() {
        ClassicalIterations ref = new ClassicalIterations(A);
        double tau = 1 / lipschitz();
        LearningSpec all = LearningSpec.none().learn(Quantity.STEP, Tying.UNTIED)
                .learn(Quantity.THRESHOLD, Tying.TIED).learn(Quantity.MOMENTUM, Tying.UNTIED)
                .learn(Quantity.LINEAR_MAP, Tying.TIED);
        UnrolledSolver net = UnrolledAlgorithm.FISTA.over(A).layers(K).weight(LAMBDA).learn(all).build();
        double d = deviation(net.forward(null, Var.constant(Y)), perSample(y -> ref.fista(y, tau, LAMBDA, Double.NaN, K)));
        assertTrue(d <= 1e-12, "FISTA deviation " + d);
        // K steps + 1 weight + K−1 momenta + 1 matrix
        assertEquals(K + 1 + (K - 1) + 1, net.parameters().count());
    }

    @Test
    void untrainedFistaIsFistaWithClassicalAndConstantMomentum() {
        ClassicalIterations ref = new ClassicalIterations(A);
        double tau = 0.8 / lipschitz();
        UnrolledSolver classical = UnrolledAlgorithm.FISTA.over(A).layers(K).step(tau).weight(LAMBDA).build();
        assertTrue(deviation(classical.forward(null, Var.constant(Y)),
                perSample(y -> ref.fista(y, tau, LAMBDA, Double.NaN, K))) <= 1e-12);
        UnrolledSolver constant = UnrolledAlgorithm.FISTA.over(A).layers(K).step(tau).weight(LAMBDA).momentum(0.5)
                .learn(LearningSpec.of(Quantity.MOMENTUM, Tying.TIED)).build();
        double d = deviation(constant.forward(null, Var.constant(Y)), perSample(y -> ref.fista(y, tau, LAMBDA, 0.5, K)));
        assertTrue(d <= 1e-12, "constant-momentum FISTA deviation " + d);
    }

    @Test
    void untrainedAdmmIsAdmm() {
        ClassicalIterations ref = new ClassicalIterations(A);
        for (double rho : new double[]{0.3, 2.0}) {
            UnrolledSolver net = UnrolledAlgorithm.ADMM.over(A).layers(K).penalty(rho).weight(LAMBDA)
                    .learn(LearningSpec.of(Quantity.PENALTY, Tying.UNTIED)).build();
            double d = deviation(net.forward(null, Var.constant(Y)),
                    perSample(y -> ref.admm(y, rho, LAMBDA, ClassicalIterations.SOFT, K)));
            assertTrue(d <= 1e-12, "ADMM ρ = " + rho + ": deviation " + d);
        }
    }

    @Test
    void untrainedPdhgIsPdhg() {
        ClassicalIterations ref = new ClassicalIterations(A);
        double step = 0.99 / Math.sqrt(lipschitz());
        UnrolledSolver net = UnrolledAlgorithm.PDHG.over(A).layers(K).weight(LAMBDA).build();
        double d = deviation(net.forward(null, Var.constant(Y)), perSample(y -> ref.pdhg(y, step, step, LAMBDA, K)));
        assertTrue(d <= 1e-12, "PDHG deviation " + d);
        UnrolledSolver other = UnrolledAlgorithm.PDHG.over(A).layers(K).step(0.5).dualStep(0.7).weight(LAMBDA).build();
        double d2 = deviation(other.forward(null, Var.constant(Y)), perSample(y -> ref.pdhg(y, 0.5, 0.7, LAMBDA, K)));
        assertTrue(d2 <= 1e-12, "PDHG (τ, σ) = (0.5, 0.7) deviation " + d2);
    }

    @Test
    void aLinearOperatorGivesTheSameNetworkAsItsMatrix() {
        LearningSpec spec = LearningSpec.of(Quantity.STEP, Tying.UNTIED);
        for (UnrolledAlgorithm alg : UnrolledAlgorithm.values()) {
            LearningSpec s = alg == UnrolledAlgorithm.ADMM ? LearningSpec.of(Quantity.PENALTY, Tying.UNTIED) : spec;
            UnrolledSolver dense = alg.over(A).layers(4).weight(LAMBDA).learn(s).build();
            UnrolledSolver op = alg.over(Operators.dense(A)).layers(4).weight(LAMBDA).learn(s).build();
            Tensor a = dense.reconstruct(Y);
            Tensor b = op.reconstruct(Y);
            assertTrue(a.allClose(b, 1e-12, 1e-12), alg + ": operator and matrix networks differ");
            assertEquals(dense.parameters().count(), op.parameters().count());
        }
    }

    // ------------------------------------------------------------------ gradients w.r.t. the learned parameters

    /**
     * The default finite-difference step (1e-3 relative) crosses kinks of the soft threshold at some
     * of these points (FISTA's tied step: relative error 9e-5; ADMM's W: 0.9 at 1e-3, but 5e-9 at
     * 1e-4, the analytic gradient unchanged), so the differences use 1e-4; likewise the Taylor test
     * starts at 5e-4 instead of 1e-2 (ADMM's tied spec: remainders O(h) down to h = 1.9e-4, then rate
     * 2.00 at every smaller step). Tolerance and minimum Taylor rate stay at their defaults.
     */
    private static final GradientCheck.Settings KINK_SAFE = new GradientCheck.Settings(1e-4, 1e-3, 20240611L, 5e-4, 8);

    private static void checkGradients(UnrolledSolver net, Tensor y) {
        Tensor[] point = net.parameters().list().stream().map(p -> p.value().copy()).toArray(Tensor[]::new);
        GradientCheck.check(net.architecture() + " " + net.spec(),
                vars -> net.forwardWith(vars, Var.constant(y), net.depth()).get(net.depth() - 1), KINK_SAFE, point)
                .assertPasses(GradientCheck.DEFAULT_TOLERANCE, GradientCheck.DEFAULT_MIN_RATE);
    }

    @Test
    void everyAlgorithmPassesTheGradientCheckForEveryLearnableQuantity() {
        int layers = 3;
        Tensor y = Y.slice(1, 0, 2);
        for (UnrolledAlgorithm alg : UnrolledAlgorithm.values()) {
            for (Tying tying : Tying.values()) {
                LearningSpec spec = LearningSpec.none();
                for (Quantity q : alg.learnable()) {
                    spec = spec.learn(q, tying);
                }
                UnrolledSolver net = alg.over(A).layers(layers).weight(0.05).learn(spec).build();
                checkGradients(net, y);
            }
        }
    }

    @Test
    void gradientsFlowThroughALinearOperatorAndProjections() {
        Tensor y = Y.slice(1, 0, 2);
        UnrolledSolver ista = UnrolledAlgorithm.ISTA.over(Operators.dense(A)).layers(3).prox(UnrolledProx.box(-0.3, 0.4))
                .learn(LearningSpec.of(Quantity.STEP, Tying.UNTIED)).build();
        checkGradients(ista, y);
        UnrolledSolver admm = UnrolledAlgorithm.ADMM.over(Operators.dense(A)).layers(3)
                .prox(UnrolledProx.nonNegativeSoftThreshold()).weight(0.05)
                .learn(LearningSpec.of(Quantity.PENALTY, Tying.TIED).learn(Quantity.THRESHOLD, Tying.UNTIED)).build();
        checkGradients(admm, y);
    }

    @Test
    void forwardOnATapeAccumulatesParameterGradients() {
        UnrolledSolver net = UnrolledAlgorithm.ISTA.over(A).layers(K).weight(LAMBDA)
                .learn(LearningSpec.of(Quantity.STEP, Tying.TIED).learn(Quantity.THRESHOLD, Tying.UNTIED)).build();
        Tensor target = Tensor.randn(3L, N, B);
        try (Tape tape = new Tape()) {
            List<Var> out = net.forward(tape, Var.constant(Y));
            tape.backward(Ops.mse(out.get(K - 1), Var.constant(target)));
        }
        for (Parameter p : net.parameters()) {
            assertTrue(p.grad().normInf() > 0, p.name() + " got no gradient");
        }
        assertEquals(List.of("step", "layer0.weight"), net.layerParameters(0).list().stream().map(Parameter::name).toList());
        assertEquals(List.of("layer5.weight"), net.layerParameters(5).list().stream().map(Parameter::name).toList());
        assertEquals("unrolled-ista", net.configuration().get("architecture"));
        assertEquals("step=tied,threshold=untied", net.configuration().get("learn"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsRefusedWithTheValueAndTheRange() {
        FixpointException e = assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).layers(0));
        assertTrue(e.getMessage().contains("[fixpoint/InvalidParameter]") && e.getMessage().contains("K = 0"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).step(-0.1));
        assertTrue(e.getMessage().contains("-0.1") && e.getMessage().contains("> 0"), e.getMessage());
        assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ADMM.over(A).penalty(0));
        assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).weight(Double.NaN));
        e = assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).weight(0.1).build());
        assertTrue(e.getMessage().contains("layers(K)"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).layers(3).build());
        assertTrue(e.getMessage().contains("weight(λ)"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).layers(3).weight(0.1)
                .learn(LearningSpec.of(Quantity.MOMENTUM, Tying.UNTIED)).build());
        assertTrue(e.getMessage().contains("momentum") && e.getMessage().contains("step, threshold, linear-map"), e.getMessage());
        assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).layers(3).weight(0.1).penalty(1).build());
        assertThrows(FixpointException.class, () -> UnrolledAlgorithm.ISTA.over(A).layers(3).prox(UnrolledProx.nonNegative())
                .learn(LearningSpec.of(Quantity.THRESHOLD, Tying.TIED)).build());
        assertThrows(FixpointException.class, () -> UnrolledProx.box(1, 0));
        assertThrows(ShapeMismatchException.class, () -> UnrolledAlgorithm.ISTA.over(Tensor.zeros(3)));

        UnrolledSolver net = UnrolledAlgorithm.ISTA.over(A).layers(3).weight(0.1)
                .learn(LearningSpec.of(Quantity.STEP, Tying.UNTIED)).build();
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> net.forward(null, Var.constant(Tensor.zeros(M + 1, 2))));
        assertTrue(s.getMessage().contains("[9, 2]") && s.getMessage().contains("[8, -1]"), s.getMessage());
        assertThrows(FixpointException.class, () -> net.forward(null, Var.constant(Y), 4));
        assertThrows(FixpointException.class, () -> net.forward(null, Var.constant(Y), 0));
        assertThrows(FixpointException.class, () -> net.layerParameters(3));
        assertThrows(FixpointException.class, () -> net.forwardWith(new Var[1], Var.constant(Y), 3));
        net.parameters().get("layer1.step").value().fill(-0.01); // as if a training step overshot
        e = assertThrows(FixpointException.class, () -> net.forward(null, Var.constant(Y)));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("-0.01"), e.getMessage());
    }

    @Test
    void specTextFormRoundTrips() {
        LearningSpec s = LearningSpec.parse("step=untied, dual-step=tied,linear-map=untied");
        assertEquals(Tying.TIED, s.tying(Quantity.DUAL_STEP));
        assertEquals(s, LearningSpec.parse(s.toString()));
        assertEquals(LearningSpec.none(), LearningSpec.parse("none"));
        FixpointException e = assertThrows(FixpointException.class, () -> LearningSpec.parse("stepsize=tied"));
        assertTrue(e.getMessage().contains("stepsize") && e.getMessage().contains("momentum"), e.getMessage());
        assertThrows(FixpointException.class, () -> LearningSpec.parse("step=shared"));
    }
}
