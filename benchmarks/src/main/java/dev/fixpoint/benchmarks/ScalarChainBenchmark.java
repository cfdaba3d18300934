package dev.fixpoint.benchmarks;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Framework overhead of the autodiff tape on graphs of tiny operations: a chain of
 * {@value #CHAIN} scalar operations (cycling add, mul, tanh) recorded on a fresh tape and
 * differentiated; the score is the time per operation, forward plus backward.
 *
 * <p>Target (issue 3): ≤ 2 µs per operation. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ScalarChainBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalarChainBenchmark {
    static final int CHAIN = 10_000;

    /** Whether to run backward too (false measures the forward recording alone). */
    @Param({"true", "false"})
    public boolean backward;

    private Tensor x0;
    private Var a;
    private Var b;

    /** Creates the input and the constants. */
    @Setup
    public void setUp() {
        x0 = Tensor.scalar(0.3);
        a = Var.constant(1.0001);
        b = Var.constant(0.001);
    }

    /** @return the gradient at the input (consumed by JMH) */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public double chain() {
        try (Tape tape = new Tape()) {
            Var x = tape.variable(x0);
            Var y = x;
            for (int i = 0; i < CHAIN; i++) {
                switch (i % 3) {
                    case 0 -> y = Ops.add(y, b);
                    case 1 -> y = Ops.mul(y, a);
                    default -> y = Ops.tanh(y);
                }
            }
            if (!backward) {
                return y.item();
            }
            tape.backward(y);
            return x.grad().item();
        }
    }
}
