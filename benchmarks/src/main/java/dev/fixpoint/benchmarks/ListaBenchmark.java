package dev.fixpoint.benchmarks;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The LISTA workload ({@link ListaWorkload}: 16 untied layers, m = 250, n = 500, batch 256) on the
 * selected backend (set {@code -Dfixpoint.backend=} in {@code -jvmArgs} to choose):
 * {@code forward} records the forward pass and the loss on a tape; {@code forwardBackward} also
 * runs backward into the parameters' gradients; {@code rawMatmuls} calls the same 32 gemms directly
 * on the backend. Targets (issue 3): forwardBackward ≤ 2.5 × forward; forward ≤ 1.3 × rawMatmuls.
 *
 * <p>The forks use the throughput collector ({@code -XX:+UseParallelGC}); the recorded figures in
 * benchmarks/RESULTS.md were measured so. {@link ListaLayerProbe} compares collectors.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ListaBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class ListaBenchmark {
    private ListaWorkload lista;
    private LinearAlgebraBackend backend;
    private double[][] buffers;

    /** Builds the workload with a fixed seed. */
    @Setup
    public void setUp() {
        lista = new ListaWorkload(250, 500, 256, 42);
        backend = Backends.current();
        buffers = new double[][]{new double[500 * 256], new double[500 * 256]};
    }

    /** @return the loss (forward pass recorded on a tape, then released) */
    @Benchmark
    public double forward() {
        try (Tape tape = new Tape()) {
            return lista.loss(tape).item();
        }
    }

    /** @return the loss after forward and backward (gradients accumulated into the parameters) */
    @Benchmark
    public double forwardBackward() {
        lista.parameters.zeroGrad();
        try (Tape tape = new Tape()) {
            Var loss = lista.loss(tape);
            tape.backward(loss);
            return loss.item();
        }
    }

    /** @return an element of the result of the 32 gemms called directly */
    @Benchmark
    public double rawMatmuls() {
        return lista.rawMatmuls(backend, buffers);
    }
}
