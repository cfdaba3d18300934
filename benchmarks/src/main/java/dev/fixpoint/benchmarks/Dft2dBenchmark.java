package dev.fixpoint.benchmarks;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.FourierOperators;
import dev.fixpoint.operators.LinearOperator;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The unitary 2-D DFT operator ({@code FourierOperators.dft2d}) on an {@code n × n} complex image
 * held as real pairs ({@code [n, n, 2]}): apply and adjoint into a preallocated output, and as the
 * peer the bare JTransforms {@code DoubleFFT_2D.complexForward} on the same data (copy of the
 * input + in-place transform, without the operator's shape checks and {@code 1/√N} scaling), so
 * the operator's overhead is the ratio of the two. Reports the average time per transform.
 *
 * <p>{@code threads} sets JTransforms' global thread count ({@code ConcurrencyUtils}); 0 keeps its
 * default, the number of available processors. Images of 65 536 pixels or more are transformed in
 * parallel when more than one thread is allowed.
 *
 * <p><b>Running.</b> {@code mvn -B -o -q -DskipTests package -pl benchmarks -am}, then
 * {@code java -jar benchmarks/target/benchmarks.jar Dft2dBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Dft2dBenchmark {

    /** Image side. */
    @Param({"512"})
    public int n;

    /** JTransforms threads; 0 = its default (available processors). */
    @Param({"0", "1"})
    public int threads;

    private LinearOperator dft;
    private DoubleFFT_2D raw;
    private Tensor x;
    private Tensor out;
    private double[] work;

    /** Builds the operator (and its FFT plan), the input and the outputs. */
    @Setup
    public void setUp() {
        if (threads > 0) {
            ConcurrencyUtils.setNumberOfThreads(threads);
        }
        dft = FourierOperators.dft2d(n, n);
        raw = new DoubleFFT_2D(n, n);
        x = Tensor.randn(1, n, n, 2);
        out = Tensor.zeros(n, n, 2);
        work = new double[2 * n * n];
    }

    /** @return {@code F x} */
    @Benchmark
    public Tensor apply() {
        return dft.applyInto(x, out);
    }

    /** @return {@code Fᵀ x} (the inverse unitary DFT) */
    @Benchmark
    public Tensor adjoint() {
        return dft.adjointInto(x, out);
    }

    /** @return the unnormalised JTransforms forward transform of a copy of the input */
    @Benchmark
    public double[] jtransformsComplexForward() {
        System.arraycopy(x.data(), 0, work, 0, work.length);
        raw.complexForward(work);
        return work;
    }
}
