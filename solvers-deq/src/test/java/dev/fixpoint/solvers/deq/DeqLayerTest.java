package dev.fixpoint.solvers.deq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.PicardIteration;
import org.junit.jupiter.api.Test;

/** The forward pass of DeqLayer: one recorded operation, per-sample statuses, warm start, divergence reported. */
class DeqLayerTest {
    private final TanhCell cell = new TanhCell(8, 5, 4, 0.7, 31);

    @Test
    void theForwardSolveRecordsOneOperationAndSolvesEverySample() {
        DeqLayer layer = DeqLayer.builder(TanhCell.F, 8).build();
        try (Tape tape = new Tape()) {
            Var w = tape.variable(cell.w);
            Var z = layer.apply(Var.constant(cell.x), w, Var.constant(cell.u), Var.constant(cell.b));
            assertEquals(1, tape.size(), "the iteration is not recorded");
            assertEquals(4, layer.lastForward().batchSize());
            for (int s = 0; s < 4; s++) {
                assertEquals(SolverStatus.CONVERGED, layer.lastForward().status(s));
            }
            // z* = f(z*) to the solver's tolerance
            Tensor f = TanhCell.F.apply(Var.constant(z.value()), Var.constant(cell.x),
                    new Var[]{Var.constant(cell.w), Var.constant(cell.u), Var.constant(cell.b)}).value();
            assertTrue(f.sub(z.value()).norm() <= 1e-9 * f.norm());
        }
    }

    @Test
    void aWarmStartAtTheEquilibriumNeedsOneEvaluationPerSample() {
        DeqLayer layer = DeqLayer.builder(TanhCell.F, 8).build();
        Var[] p = {Var.constant(cell.w), Var.constant(cell.u), Var.constant(cell.b)};
        Tensor z = layer.apply(Var.constant(cell.x), p).value();
        int cold = (int) layer.lastForward().totalEvaluations();
        layer.apply(Var.constant(cell.x), z, p);
        assertEquals(4, layer.lastForward().totalEvaluations());
        assertTrue(cold > 4 * 5);
    }

    @Test
    void aDivergingForwardSolveIsRaisedWithTheSample() {
        EquilibriumFunction expanding = (z, x, p) -> Ops.add(Ops.scale(z, 3.0), x);
        DeqLayer layer = DeqLayer.builder(expanding, 3)
                .forward(new PicardIteration(FixedPointSettings.of(1e-10, 500))).build();
        FixpointException e = assertThrows(FixpointException.class,
                () -> layer.apply(Var.constant(Tensor.ones(3, 2))));
        assertTrue(e.getMessage().startsWith("[fixpoint/ForwardSolveFailed]") && e.getMessage().contains("iteration"),
                e.getMessage());
    }
}
