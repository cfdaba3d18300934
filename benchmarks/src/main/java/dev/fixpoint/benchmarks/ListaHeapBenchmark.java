package dev.fixpoint.benchmarks;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.io.AtomicFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap stability of training (issue 3, item c): one invocation runs {@value #STEPS} training steps
 * of the LISTA workload (new tape per step, forward, backward, plain SGD update in place) and samples
 * the used heap after a full GC every {@value #EVERY} steps. The samples are written to
 * {@code lista-heap.csv} in the working directory (atomically) at tear-down: step, used heap in MiB.
 * A flat training loop shows the same retained heap at step 100 and step 1000.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ListaHeapBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class ListaHeapBenchmark {
    static final int STEPS = 1000;
    static final int EVERY = 100;
    private ListaWorkload lista;
    private final StringBuilder csv = new StringBuilder("step,used_heap_mib\n");

    /** Builds the workload. */
    @Setup(Level.Trial)
    public void setUp() {
        lista = new ListaWorkload(250, 500, 256, 42);
    }

    /** @return the final loss after {@value #STEPS} steps */
    @Benchmark
    public double train() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double loss = Double.NaN;
        sample(memory, 0);
        for (int step = 1; step <= STEPS; step++) {
            lista.parameters.zeroGrad();
            try (Tape tape = new Tape()) {
                Var l = lista.loss(tape);
                tape.backward(l);
                loss = l.item();
            }
            for (Parameter p : lista.parameters) {
                p.value().axpyInPlace(-1e-3, p.grad());
            }
            if (step % EVERY == 0) {
                sample(memory, step);
            }
        }
        return loss;
    }

    private void sample(MemoryMXBean memory, int step) {
        System.gc();
        System.gc();
        double mib = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        csv.append(step).append(',').append(String.format(java.util.Locale.ROOT, "%.1f", mib)).append('\n');
    }

    /** Writes the samples. */
    @TearDown(Level.Trial)
    public void write() throws IOException {
        AtomicFiles.writeString(Path.of("lista-heap.csv"), csv.toString());
    }
}
