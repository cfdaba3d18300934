package dev.fixpoint.benchmarks;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;
import java.util.concurrent.TimeUnit;
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

/**
 * Matrix-vector product {@code y ← A·x} ({@code DGEMV}, {@code A} is {@code n×n}, {@code beta = 0}) on
 * each linear-algebra backend. Reports the average time per product.
 *
 * <p><b>GFLOPS.</b> A product performs {@code 2n²} floating-point operations, so with the reported score
 * {@code t} in microseconds per operation, {@code GFLOPS = 2n² / (t · 10³)}; for {@code n = 4000} that is
 * {@code 32000 / t}. gemv reads each element of {@code A} once, so it is bound by memory bandwidth
 * ({@code 8n²} bytes per product: {@code GB/s = 8n² / (t · 10³)}) rather than by arithmetic; at
 * {@code n = 4000} the 128 MB matrix does not fit in cache.
 *
 * <p><b>Running.</b> See {@link GemmBenchmark}; for example
 * {@code java -jar benchmarks/target/benchmarks.jar GemvBenchmark -p backend=openblas,jblas}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemvBenchmark {

    /** Provider name of the backend under test. */
    @Param({"openblas", "jblas", "java"})
    public String backend;

    /** Matrix order. */
    @Param({"1000", "2000", "4000"})
    public int n;

    private LinearAlgebraBackend blas;
    private double[] a;
    private double[] x;
    private double[] y;

    /** Loads the backend (or fails this combination with the reason) and fills the operands. */
    @Setup
    public void setUp() {
        blas = BenchmarkBackends.require(backend);
        a = BenchmarkBackends.random(1, n * n);
        x = BenchmarkBackends.random(2, n);
        y = new double[n];
    }

    /** @return the product, so that JMH consumes it */
    @Benchmark
    public double[] gemv() {
        blas.gemv(Transpose.NO, n, n, 1.0, a, 0, n, x, 0, 1, 0.0, y, 0, 1);
        return y;
    }
}
