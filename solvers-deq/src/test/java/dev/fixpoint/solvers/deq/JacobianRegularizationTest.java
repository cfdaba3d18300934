package dev.fixpoint.solvers.deq;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hutchinson estimate of ‖∂f/∂z‖²_F on the tanh cell (d = 8, B = 3): close to the exact value
 * Σ_s Σ_ij (1 − z*_si²)² W_ij² / B, and its gradient with respect to W equal to finite differences of the
 * same estimate (same probes, z* held fixed).
 */
class JacobianRegularizationTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private final TanhCell cell = new TanhCell(8, 5, 3, 0.5, 21);
    private final Tensor zStar = equilibrium();

    private Tensor equilibrium() {
        DeqLayer layer = DeqLayer.builder(TanhCell.F, 8).build();
        return layer.apply(Var.constant(cell.x), Var.constant(cell.w), Var.constant(cell.u), Var.constant(cell.b)).value();
    }

    private double exact() {
        double s = 0;
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 8; i++) {
                double g = 1 - Math.pow(zStar.get(i, b), 2);
                for (int j = 0; j < 8; j++) {
                    s += g * g * Math.pow(cell.w.get(i, j), 2);
                }
            }
        }
        return s / 3;
    }

    private double estimate(Tensor w, int probes, long seed, Tensor[] gradW) {
        try (Tape tape = new Tape()) {
            Var wv = tape.variable(w);
            Var[] p = {wv, Var.constant(cell.u), Var.constant(cell.b)};
            Var r = JacobianRegularization.hutchinson(TanhCell.F, zStar, Var.constant(cell.x), p, probes, new SplittableRandom(seed));
            if (gradW != null) {
                r.backward();
                gradW[0] = wv.grad();
            }
            return r.item();
        }
    }

    @Test
    void estimatesTheFrobeniusNorm() {
        double exact = exact();
        double est = estimate(cell.w, 2000, 5, null);
        double rel = Math.abs(est - exact) / exact;
        RESULTS.info("Hutchinson ‖J‖²_F (2000 Gaussian probes, tanh d=8): estimate {} exact {} relative error {}", est, exact, rel);
        // the relative standard deviation of 2000 Gaussian probes is ≤ √(2/2000) ≈ 0.032: allow 3σ
        assertTrue(rel < 0.095, "relative error " + rel);
    }

    @Test
    void isDifferentiableWithRespectToTheParameters() {
        Tensor[] g = new Tensor[1];
        estimate(cell.w, 4, 9, g);
        double h = 1e-6;
        Tensor fd = Tensor.zeros(8, 8);
        for (int e = 0; e < 64; e++) {
            Tensor plus = cell.w.copy();
            Tensor minus = cell.w.copy();
            plus.data()[e] += h;
            minus.data()[e] -= h;
            fd.data()[e] = (estimate(plus, 4, 9, null) - estimate(minus, 4, 9, null)) / (2 * h);
        }
        double rel = g[0].sub(fd).norm() / fd.norm();
        RESULTS.info("Hutchinson penalty gradient vs finite differences (h=1e-6): relative error {}", rel);
        assertTrue(rel < 1e-6, "relative error " + rel);
    }

    @Test
    void needsAVariableOnATape() {
        assertThrows(FixpointException.class, () -> JacobianRegularization.hutchinson(TanhCell.F, zStar,
                Var.constant(cell.x), new Var[]{Var.constant(cell.w), Var.constant(cell.u), Var.constant(cell.b)}, 1,
                new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> JacobianRegularization.hutchinson(TanhCell.F, zStar,
                Var.constant(cell.x), new Var[0], 0, new SplittableRandom(1)));
    }
}
