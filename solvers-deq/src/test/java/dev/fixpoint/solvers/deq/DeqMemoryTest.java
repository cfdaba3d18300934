package dev.fixpoint.solvers.deq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.fixedpoint.FixedPointSettings;
import dev.fixpoint.solvers.fixedpoint.PicardIteration;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory of the backward pass at 10, 100 and 1,000 forward iterations (tanh cell, d = 64, B = 16): the
 * DEQ's backward holds one recorded f (5 operations, each output [d, B]) whatever the forward iteration
 * count, while unrolled backprop holds 5 operations per iteration. Measured deterministically as
 * operations on the live tape × d·B doubles (every operation of the cell outputs a [d, B] tensor), and as
 * the JVM heap retained after a full GC: by the recorded graph between forward and backward, and, for the
 * DEQ, also in the middle of the adjoint solve (backward tape and Anderson history live), relative to the
 * heap before the forward pass.
 */
class DeqMemoryTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    private static final int D = 64;
    private static final int B = 16;

    @Test
    void deqBackwardMemoryDoesNotGrowWithForwardIterationsWhileUnrollingDoes() {
        TanhCell cell = new TanhCell(D, 32, B, 0.9, 5);
        Tensor seed = Tensor.randn(3, D, B);
        int[] iterations = {10, 10, 100, 1000}; // the first run warms up (class loading), its figures are dropped
        int[] deqNodes = new int[4];
        int[] unrolledNodes = new int[4];
        long[] deqHeap = new long[4];
        long[] deqBackwardHeap = new long[4];
        long[] unrolledHeap = new long[4];
        for (int i = 0; i < iterations.length; i++) {
            int n = iterations[i];
            long[] during = new long[1];
            BackwardSolver measuring = (jt, g) -> {
                int[] calls = {0};
                return BackwardSolver.defaultSolver().solve(u -> {
                    if (++calls[0] == 8) { // Anderson's memory (m = 5) is full: the backward's live set is at its peak
                        during[0] = retainedHeap();
                    }
                    return jt.apply(u);
                }, g);
            };
            DeqLayer layer = DeqLayer.builder(TanhCell.F, D)
                    .forward(new PicardIteration(FixedPointSettings.defaults()
                            .withStopping(StoppingCriteria.fixedIterations(n).withHistory(false))))
                    .backward(BackwardMode.exact(measuring)).build();
            long base = retainedHeap();
            try (Tape tape = new Tape()) {
                Var[] in = variables(tape, cell);
                Var z = TanhCell.apply(layer, in);
                assertEquals(n, layer.lastForward().evaluations(0));
                deqHeap[i] = retainedHeap() - base;
                z.backward(seed);
                deqBackwardHeap[i] = during[0] - base;
                deqNodes[i] = layer.lastBackward().tapeNodes();
                assertTrue(in[1].grad().norm() > 0);
            }
            base = retainedHeap();
            try (Tape tape = new Tape()) {
                Var[] in = variables(tape, cell);
                Var z = layer.unrolled(in[0], n, in[1], in[2], in[3]);
                unrolledNodes[i] = tape.size();
                unrolledHeap[i] = retainedHeap() - base;
                z.backward(seed);
            }
            if (i == 0) {
                continue;
            }
            RESULTS.info("DEQ memory at {} forward iterations (tanh d=64, B=16): exact-backward tape {} ops = {} doubles, "
                    + "heap retained after forward {} KiB, during the adjoint solve {} KiB; unrolled tape {} ops = {} doubles, "
                    + "heap retained {} KiB", n, deqNodes[i], (long) deqNodes[i] * D * B, deqHeap[i] / 1024,
                    deqBackwardHeap[i] / 1024, unrolledNodes[i],
                    (long) unrolledNodes[i] * D * B, unrolledHeap[i] / 1024);
        }
        deqNodes = java.util.Arrays.copyOfRange(deqNodes, 1, 4);
        unrolledNodes = java.util.Arrays.copyOfRange(unrolledNodes, 1, 4);
        deqHeap = java.util.Arrays.copyOfRange(deqHeap, 1, 4);
        deqBackwardHeap = java.util.Arrays.copyOfRange(deqBackwardHeap, 1, 4);
        unrolledHeap = java.util.Arrays.copyOfRange(unrolledHeap, 1, 4);
        assertEquals(deqNodes[0], deqNodes[1]);
        assertEquals(deqNodes[0], deqNodes[2]);
        assertEquals(5, deqNodes[0], "one recorded f: two matmuls, two adds, tanh");
        assertEquals(10 * unrolledNodes[0], unrolledNodes[1]);
        assertEquals(100 * unrolledNodes[0], unrolledNodes[2]);
        // the DEQ backward's live heap does not grow with the forward iterations (GC noise: ±25 % + 64 KiB)
        assertTrue(deqBackwardHeap[2] <= 1.25 * deqBackwardHeap[0] + 65536, java.util.Arrays.toString(deqBackwardHeap));
        // the heap retained by the unrolled graph grows roughly linearly (≥ 5× per decade); the DEQ's does not
        assertTrue(unrolledHeap[2] > 5 * unrolledHeap[1] && unrolledHeap[1] > 5 * unrolledHeap[0],
                java.util.Arrays.toString(unrolledHeap));
        assertTrue(deqHeap[2] < unrolledHeap[1] / 10, "DEQ retained " + deqHeap[2] + " B at 1000 iterations");
        // the DEQ backward's live heap at 1000 forward iterations is below the unrolled graph's at 100
        assertTrue(deqBackwardHeap[2] < unrolledHeap[1] / 4, java.util.Arrays.toString(deqBackwardHeap));
    }

    private static Var[] variables(Tape tape, TanhCell cell) {
        Tensor[] v = cell.inputs();
        Var[] in = new Var[v.length];
        for (int i = 0; i < v.length; i++) {
            in[i] = tape.variable(v[i]);
        }
        return in;
    }

    /** @return heap in use after repeated full collections (bytes) */
    static long retainedHeap() {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, bean.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
