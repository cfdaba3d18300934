package dev.fixpoint.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimizerMemoryTest {

    @Test
    void stepsAllocateNothingAfterConstruction() {
        ThreadMxBean bean = ThreadMxBean.get();
        assumeTrue(bean != null, "per-thread allocation counters are not available on this JVM");
        ParameterSet params = new ParameterSet();
        params.add("W", Tensor.randn(1, 64, 64)).accumulateGrad(Tensor.randn(2, 64, 64));
        params.add("b", Tensor.randn(3, 64)).accumulateGrad(Tensor.randn(4, 64));
        for (Function<ParameterSet, Optimizer> factory : java.util.List.<Function<ParameterSet, Optimizer>>of(
                p -> Sgd.builder(p).learningRate(1e-6).momentum(0.9).nesterov(true).weightDecay(1e-4).build(),
                p -> Adam.builder(p).learningRate(1e-6).amsgrad(true).build(),
                p -> AdamW.builder(p).learningRate(1e-6).build())) {
            Optimizer opt = factory.apply(params);
            opt.setSchedule(LearningRateSchedule.linearWarmup(10, LearningRateSchedule.cosineAnnealing(1e-6, 0, 5000)));
            for (int k = 0; k < 2000; k++) {  // warm up the JIT
                opt.step();
            }
            long before = bean.allocatedBytes();
            for (int k = 0; k < 2000; k++) {
                opt.step();
            }
            long allocated = bean.allocatedBytes() - before;
            // a single 16-byte object per step would be 32 kB
            assertTrue(allocated < 4096, opt.type() + " allocated " + allocated + " bytes in 2000 steps");
        }
    }

    @Test
    void tapesOfFinishedStepsAreNotRetained() {
        SineRegression task = new SineRegression(64, 0.1, 16, 9);
        Optimizer adam = Adam.builder(task.params).build();
        WeakReference<?>[] first = firstStep(task, adam);   // in its own frame, so no local keeps the tape alive
        for (int k = 0; k < 200; k++) {
            task.step(adam);
        }
        WeakReference<Object> control = new WeakReference<>(new Object[1024]);
        for (int attempt = 0; attempt < 20 && (first[0].get() != null || first[1].get() != null || control.get() != null); attempt++) {
            System.gc();
            Thread.onSpinWait();
        }
        assumeTrue(control.get() == null, "System.gc() did not collect (explicit GC disabled?)");
        assertNull(first[0].get(), "the tape of step 1 is still reachable after 200 more steps");
        assertNull(first[1].get(), "a variable of step 1 is still reachable after 200 more steps");
    }

    private static WeakReference<?>[] firstStep(SineRegression task, Optimizer adam) {
        adam.zeroGrad();
        WeakReference<?>[] refs;
        try (Tape tape = new Tape()) {
            Var loss = task.loss(tape);
            tape.backward(loss);
            refs = new WeakReference<?>[]{new WeakReference<>(tape), new WeakReference<>(loss)};
        }
        adam.step();
        return refs;
    }

    /** HotSpot's per-thread allocation counter, if present. */
    private record ThreadMxBean(com.sun.management.ThreadMXBean bean) {
        static ThreadMxBean get() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                    && b.isThreadAllocatedMemorySupported()) {
                b.setThreadAllocatedMemoryEnabled(true);
                return new ThreadMxBean(b);
            }
            return null;
        }

        long allocatedBytes() {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
    }
}
