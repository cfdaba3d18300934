package dev.fixpoint.solvers.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ridge regression {@code w*(λ, y) = (XᵀX + λI)⁻¹Xᵀy}: implicit VJPs and JVPs of its optimality
 * condition and of the gradient-descent fixed point against the closed form, with every linear
 * solver; the solution map as an operation inside a larger tape; failed solves.
 */
class ImplicitDifferentiationTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int M = 40;
    private static final int N = 15;
    private static final Tensor X = Tensor.randn(1, M, N).mul(1 / Math.sqrt(M));
    private static final Tensor Y = Tensor.randn(2, M);
    private static final double LAMBDA = 0.3;

    /** {@code F(w; λ, y) = Xᵀ(Xw − y) + λw}: the gradient of ½‖Xw − y‖² + ½λ‖w‖² (symmetric Jacobian). */
    static Var condition(Var w, Var[] theta) {
        Var x = Var.constant(X);
        Var residual = Ops.sub(Ops.matvec(x, false, w), theta[1]);
        return Ops.add(Ops.matvec(x, true, residual), Ops.mul(theta[0], w));
    }

    static Tensor hessian(double lambda) {
        return Tensor.matmul(X, true, X, false).add(Tensor.eye(N).mul(lambda));
    }

    static Tensor solution(double lambda, Tensor y) {
        return LinearAlgebra.current().solveSpd(hessian(lambda), Tensor.matvecInto(1, X, true, y, 0, null));
    }

    private static double relative(Tensor a, Tensor b) {
        return a.sub(b).norm() / b.norm();
    }

    @Test
    void vjpAndJvpOfTheOptimalityConditionMatchTheClosedFormForEverySolver() {
        Tensor w = solution(LAMBDA, Y);
        Tensor g = Tensor.randn(3, N);
        Tensor hInvG = LinearAlgebra.current().solveSpd(hessian(LAMBDA), g);
        double dLambda = -hInvG.dot(w);                        // gᵀ dw/dλ = −gᵀH⁻¹w
        Tensor dY = X.matvec(hInvG);                           // gᵀ dw/dy = (X H⁻¹ g)ᵀ
        Tensor vY = Tensor.randn(4, M);
        Tensor jvpExpected = LinearAlgebra.current().solveSpd(hessian(LAMBDA),
                Tensor.matmul(X, true, vY.reshape(M, 1), false).reshape(N).sub(w.mul(0.7)));
        for (LinearSolveMethod method : new LinearSolveMethod[]{LinearSolveMethod.CG, LinearSolveMethod.GMRES,
                LinearSolveMethod.BICGSTAB}) {
            ImplicitDifferentiation diff = ImplicitDifferentiation.ofCondition(ImplicitDifferentiationTest::condition)
                    .symmetric(true).method(method).stopping(StoppingCriteria.of(1e-12, 500));
            try (Linearization lin = diff.at(w, Tensor.scalar(LAMBDA), Y)) {
                Tensor[] vjp = lin.vjp(g);
                double e1 = Math.abs(vjp[0].item() - dLambda) / Math.abs(dLambda);
                double e2 = relative(vjp[1], dY);
                Tensor jvp = lin.jvp(Tensor.scalar(0.7), vY);
                double e3 = relative(jvp, jvpExpected);
                RESULTS.info("implicit ridge ({}): VJP λ error {}, VJP y error {}, JVP error {}, {} iterations",
                        method, e1, e2, e3, lin.lastSolve().iterations());
                assertTrue(e1 <= 1e-9 && e2 <= 1e-9 && e3 <= 1e-9, method + ": " + e1 + " " + e2 + " " + e3);
            }
        }
        assertEquals(LinearSolveMethod.CG, ImplicitDifferentiation.ofCondition(ImplicitDifferentiationTest::condition)
                .symmetric(true).effectiveMethod());
        assertEquals(LinearSolveMethod.GMRES, ImplicitDifferentiation.ofCondition(ImplicitDifferentiationTest::condition)
                .effectiveMethod());
    }

    @Test
    void fixedPointOfGradientDescentWithNeumannAndGmres() {
        // T(w; λ, η) = w − η(Xᵀ(Xw − y) + λw): the fixed point does not depend on η
        FixedPointEquation step = (w, theta) -> Ops.sub(w, Ops.mul(theta[1], condition(w, new Var[]{theta[0],
                Var.constant(Y)})));
        Tensor w = solution(LAMBDA, Y);
        Tensor g = Tensor.randn(5, N);
        double dLambda = -LinearAlgebra.current().solveSpd(hessian(LAMBDA), g).dot(w);
        for (LinearSolveMethod method : new LinearSolveMethod[]{LinearSolveMethod.NEUMANN, LinearSolveMethod.GMRES}) {
            ImplicitDifferentiation diff = ImplicitDifferentiation.ofFixedPoint(step).method(method)
                    .stopping(StoppingCriteria.of(1e-12, 5000));
            Tensor[] vjp = diff.vjp(w, new Tensor[]{Tensor.scalar(LAMBDA), Tensor.scalar(0.5)}, g);
            double error = Math.abs(vjp[0].item() - dLambda) / Math.abs(dLambda);
            RESULTS.info("implicit fixed point of GD ({}): VJP λ relative error {}, dη {}", method, error, vjp[1].item());
            assertTrue(error <= 1e-9, method + " error " + error);
            assertTrue(Math.abs(vjp[1].item()) <= 1e-9 * Math.abs(dLambda), "dη = " + vjp[1].item());
            Tensor jvp = diff.jvp(w, new Tensor[]{Tensor.scalar(LAMBDA), Tensor.scalar(0.5)},
                    new Tensor[]{Tensor.scalar(1), null});
            Tensor expected = LinearAlgebra.current().solveSpd(hessian(LAMBDA), w).neg();
            assertTrue(relative(jvp, expected) <= 1e-9, method + " JVP " + relative(jvp, expected));
        }
    }

    @Test
    void solutionMapAsAnOperationInsideALargerTape() {
        Tensor target = Tensor.randn(6, N);
        ImplicitSolution map = ImplicitSolution.of(theta -> solution(theta[0].item(), theta[1]),
                ImplicitDifferentiation.ofCondition(ImplicitDifferentiationTest::condition).symmetric(true)
                        .stopping(StoppingCriteria.of(1e-12, 500)));
        java.util.function.BiFunction<Var, Var, Var> loss = (lambda, y) -> {
            Var w = map.apply(Ops.exp(lambda), y); // λ = exp(log λ): the operation composes with others
            return Ops.sum(Ops.mul(Ops.sub(w, Var.constant(target)), Ops.sub(w, Var.constant(target))));
        };
        double logLambda = Math.log(LAMBDA);
        Tensor gradLog;
        Tensor gradY;
        try (Tape tape = new Tape()) {
            Var l = tape.variable(Tensor.scalar(logLambda));
            Var y = tape.variable(Y);
            tape.backward(loss.apply(l, y));
            gradLog = l.grad();
            gradY = y.grad();
        }
        double h = 1e-5;
        double fd = (loss.apply(Var.constant(logLambda + h), Var.constant(Y)).item()
                - loss.apply(Var.constant(logLambda - h), Var.constant(Y)).item()) / (2 * h);
        double error = Math.abs(gradLog.item() - fd) / Math.abs(fd);
        RESULTS.info("implicit solution operation: d loss / d log λ = {} vs central FD {} (relative {})",
                gradLog.item(), fd, error);
        assertTrue(error <= 1e-7, "error " + error);
        // forward mode through the operation gives the same directional derivative
        Tensor dirY = Tensor.randn(7, M);
        double jvp = ForwardMode.jvp(v -> loss.apply(v[0], v[1]), new Tensor[]{Tensor.scalar(logLambda), Y},
                new Tensor[]{Tensor.scalar(1), dirY}).tangent().item();
        double reverse = gradLog.item() + gradY.dot(dirY);
        assertTrue(Math.abs(jvp - reverse) <= 1e-8 * Math.abs(reverse), jvp + " vs " + reverse);
    }

    @Test
    void aFailedSolveIsAnErrorNeverAZeroGradient() {
        Tensor w = solution(LAMBDA, Y);
        // η = 50 makes T expansive: the Neumann series diverges
        FixedPointEquation expansive = (z, theta) -> Ops.sub(z, Ops.scale(condition(z, new Var[]{theta[0],
                Var.constant(Y)}), 50));
        ImplicitDifferentiation neumann = ImplicitDifferentiation.ofFixedPoint(expansive).method(LinearSolveMethod.NEUMANN)
                .stopping(StoppingCriteria.of(1e-10, 200));
        FixpointException e = assertThrows(FixpointException.class,
                () -> neumann.vjp(w, new Tensor[]{Tensor.scalar(LAMBDA)}, Tensor.ones(N)));
        assertEquals("ImplicitSolveFailed", e.id());
        assertTrue(e.getMessage().contains("relative residual"), e.getMessage());
        // a singular Jacobian: F(w; λ) = λ·(first coordinate only) — CG breaks down, GMRES cannot converge
        OptimalityCondition singular = (z, theta) -> Ops.mul(theta[0], Ops.mul(z, Var.constant(
                Tensor.vector(new double[N]).add(0).zipWith(Tensor.arange(N), (a, i) -> i == 0 ? 1 : 0))));
        for (LinearSolveMethod method : new LinearSolveMethod[]{LinearSolveMethod.CG, LinearSolveMethod.GMRES}) {
            FixpointException f = assertThrows(FixpointException.class, () -> ImplicitDifferentiation
                    .ofCondition(singular).method(method).stopping(StoppingCriteria.of(1e-10, 100))
                    .vjp(Tensor.ones(N), new Tensor[]{Tensor.scalar(1)}, Tensor.ones(N)));
            assertEquals("ImplicitSolveFailed", f.id(), method.toString());
        }
    }
}
