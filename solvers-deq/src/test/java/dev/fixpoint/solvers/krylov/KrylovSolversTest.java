package dev.fixpoint.solvers.krylov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.StoppingCriteria;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CG, GMRES and BiCGSTAB against a direct solve on random SPD and nonsymmetric systems; breakdowns. */
class KrylovSolversTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int N = 60;

    /** {@code QᵀQ/N + 0.5 I}: SPD with condition number about 10. */
    static Tensor spd(long seed) {
        Tensor q = Tensor.randn(seed, N, N);
        Tensor a = Tensor.matmul(q, true, q, false).mul(1.0 / N);
        return a.add(Tensor.eye(N).mul(0.5));
    }

    /** {@code 2I + G/√N}: nonsymmetric, eigenvalues in a disc of radius about 1 around 2. */
    static Tensor nonsymmetric(long seed) {
        return Tensor.eye(N).mul(2).add(Tensor.randn(seed, N, N).mul(1 / Math.sqrt(N)));
    }

    private static double relativeError(Tensor x, Tensor reference) {
        return x.sub(reference).norm() / reference.norm();
    }

    private static void check(String what, KrylovSolver solver, Tensor matrix, Tensor b, double tolerance) {
        SolverResult r = solver.solve(b, null);
        Tensor exact = LinearAlgebra.current().solve(matrix, b);
        double error = relativeError(r.solution(), exact);
        double trueResidual = matrix.matvec(r.solution()).sub(b).norm() / b.norm();
        RESULTS.info("krylov {} on {} (n = {}): {} after {} iterations, relative error vs LU {}, true residual {}",
                solver.name(), what, N, r.status(), r.iterations(), error, trueResidual);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(trueResidual <= 10 * tolerance, "true residual " + trueResidual);
        assertTrue(error <= 1e-8, "error " + error);
        double[] history = r.residualHistory();
        assertEquals(r.iterations(), history.length);
        assertTrue(history[history.length - 1] <= tolerance);
    }

    @Test
    void cgSolvesSpdSystem() {
        Tensor a = spd(1);
        Tensor b = Tensor.randn(2, N);
        StoppingCriteria stop = StoppingCriteria.of(1e-11, 500);
        check("SPD", Cg.of(LinearMap.ofMatrix(a)).withStopping(stop), a, b, 1e-11);
        // Jacobi preconditioner
        Tensor diag = Tensor.zeros(N);
        for (int i = 0; i < N; i++) {
            diag.set(1 / a.get(i, i), i);
        }
        check("SPD (Jacobi)", Cg.of(LinearMap.ofMatrix(a)).withPreconditioner(v -> v.mul(diag)).withStopping(stop),
                a, b, 1e-11);
    }

    @Test
    void gmresSolvesNonsymmetricSystemWithAndWithoutRestartsAndPreconditioner() {
        Tensor a = nonsymmetric(3);
        Tensor b = Tensor.randn(4, N);
        StoppingCriteria stop = StoppingCriteria.of(1e-11, 2000);
        check("nonsymmetric, full", Gmres.of(LinearMap.ofMatrix(a)).withRestart(N).withStopping(stop), a, b, 1e-11);
        check("nonsymmetric, restart 10", Gmres.of(LinearMap.ofMatrix(a)).withRestart(10).withStopping(stop), a, b, 1e-11);
        Tensor diag = Tensor.zeros(N);
        for (int i = 0; i < N; i++) {
            diag.set(1 / a.get(i, i), i);
        }
        check("nonsymmetric, right Jacobi", Gmres.of(LinearMap.ofMatrix(a)).withRestart(10).withPreconditioner(
                v -> v.mul(diag)).withStopping(stop), a, b, 1e-11);
    }

    @Test
    void gmresIsExactAfterNStepsAndWorksOnMatrixShapedUnknowns() {
        // full GMRES on an n-dimensional problem terminates (happy breakdown) in at most n steps
        Tensor a = nonsymmetric(5).add(Tensor.eye(N).mul(-1.9)); // badly conditioned, still nonsingular
        Tensor b = Tensor.randn(6, N);
        SolverResult r = Gmres.of(LinearMap.ofMatrix(a)).withRestart(N).withStopping(StoppingCriteria.of(1e-9, N + 5))
                .solve(b, null);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.iterations() <= N, r.toString());
        // a map on [6, 10] tensors: X ↦ X + 0.3·(X shifted), shape preserved
        Tensor m = nonsymmetric(7);
        LinearMap shaped = v -> m.matvec(v.reshape(N)).reshape(6, 10);
        Tensor rhs = Tensor.randn(8, 6, 10);
        SolverResult s = Gmres.of(shaped).withStopping(StoppingCriteria.of(1e-10, 500)).solve(rhs, null);
        assertEquals(SolverStatus.CONVERGED, s.status(), s.toString());
        assertTrue(relativeError(s.solution().reshape(N), LinearAlgebra.current().solve(m, rhs.reshape(N))) <= 1e-8);
    }

    @Test
    void biCgStabSolvesNonsymmetricAndSpdSystems() {
        StoppingCriteria stop = StoppingCriteria.of(1e-11, 500);
        Tensor a = nonsymmetric(9);
        check("nonsymmetric", BiCgStab.of(LinearMap.ofMatrix(a)).withStopping(stop), a, Tensor.randn(10, N), 1e-11);
        Tensor s = spd(11);
        check("SPD", BiCgStab.of(LinearMap.ofMatrix(s)).withStopping(stop), s, Tensor.randn(12, N), 1e-11);
    }

    @Test
    void startingPointAndZeroRightHandSide() {
        Tensor a = spd(13);
        Tensor b = Tensor.randn(14, N);
        Tensor exact = LinearAlgebra.current().solve(a, b);
        for (KrylovSolver solver : new KrylovSolver[]{Cg.of(LinearMap.ofMatrix(a)), Gmres.of(LinearMap.ofMatrix(a)),
                BiCgStab.of(LinearMap.ofMatrix(a))}) {
            SolverResult r = solver.solve(b, exact);
            assertEquals(SolverStatus.CONVERGED, r.status(), solver.name());
            assertEquals(0, r.iterations(), solver.name() + " from the exact solution");
            SolverResult zero = solver.solve(Tensor.zeros(N), Tensor.randn(15, N));
            assertEquals(0.0, zero.solution().norm(), solver.name());
        }
    }

    @Test
    void breakdownsAreReportedWithReasons() {
        // CG on an indefinite matrix
        Tensor indefinite = spd(16).add(Tensor.eye(N).mul(-3));
        SolverResult cg = Cg.of(LinearMap.ofMatrix(indefinite)).solve(Tensor.randn(17, N), null);
        assertEquals(SolverStatus.BREAKDOWN, cg.status());
        assertTrue(cg.stoppingReason().contains("curvature"), cg.stoppingReason());
        // GMRES on a singular system with b outside the range: the Krylov space becomes invariant
        Tensor singular = Tensor.zeros(N, N);
        for (int i = 1; i < N; i++) {
            singular.set(1.0, i, i);
        }
        Tensor b = Tensor.ones(N);
        SolverResult g = Gmres.of(LinearMap.ofMatrix(singular)).withRestart(N).solve(b, null);
        assertEquals(SolverStatus.BREAKDOWN, g.status(), g.toString());
        assertTrue(g.stoppingReason().contains("singular"), g.stoppingReason());
        // BiCGSTAB on a rotation by 90°: r̂ᵀAr = 0 at once
        Tensor rotation = Tensor.matrix(new double[][]{{0, -1}, {1, 0}});
        SolverResult bi = BiCgStab.of(LinearMap.ofMatrix(rotation)).solve(Tensor.vector(1, 0), null);
        assertEquals(SolverStatus.BREAKDOWN, bi.status(), bi.toString());
        assertTrue(bi.stoppingReason().contains("breakdown"), bi.stoppingReason());
    }

    @Test
    void iterationLimitNonFiniteAndShapeErrors() {
        Tensor a = nonsymmetric(18);
        SolverResult r = Gmres.of(LinearMap.ofMatrix(a)).withRestart(5).withStopping(StoppingCriteria.of(1e-14, 7))
                .solve(Tensor.randn(19, N), null);
        assertEquals(SolverStatus.MAX_ITERATIONS, r.status());
        assertEquals(7, r.iterations());
        SolverResult nan = BiCgStab.of(v -> v.mul(Double.NaN)).solve(Tensor.ones(N), null);
        assertEquals(SolverStatus.DIVERGED, nan.status(), nan.toString());
        assertThrows(ShapeMismatchException.class, () -> Cg.of(v -> Tensor.zeros(3)).solve(Tensor.ones(N), null));
        assertThrows(IllegalArgumentException.class, () -> Gmres.of(LinearMap.identity()).withRestart(0));
    }
}
