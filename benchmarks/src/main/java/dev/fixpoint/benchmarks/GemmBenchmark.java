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
 * Dense matrix product {@code C ← A·B} ({@code DGEMM}, {@code n×n}, {@code beta = 0}) on each
 * linear-algebra backend. Reports the average time per product.
 *
 * <p><b>GFLOPS.</b> A product performs {@code 2n³} floating-point operations, so with the reported score
 * {@code t} in milliseconds per operation, {@code GFLOPS = 2n³ / (t · 10⁶)}; for {@code n = 2000}
 * that is {@code 16000 / t} (160 ms/op ≈ 100 GFLOPS).
 *
 * <p><b>Running.</b> {@code mvn -pl benchmarks -am package -DskipTests}, then for example
 * <pre>
 * OPENBLAS_CORETYPE=Haswell java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p backend=openblas,jblas -p n=2000
 * </pre>
 * {@code OPENBLAS_CORETYPE=Haswell} matters for jblas on AVX-512 machines, whose bundled OpenBLAS
 * otherwise misdetects the CPU and runs at about half speed; JMH's forks inherit the environment.
 * The system OpenBLAS uses one thread per core (set {@code OPENBLAS_NUM_THREADS} to change), jblas'
 * bundled OpenBLAS is single-threaded: record the thread counts with the numbers. A backend that is
 * not available on the machine fails its own parameter combinations in {@code @Setup} with the reason,
 * and the others still run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmBenchmark {

    /** Provider name of the backend under test. */
    @Param({"openblas", "jblas", "java"})
    public String backend;

    /** Matrix order. */
    @Param({"500", "1000", "2000"})
    public int n;

    private LinearAlgebraBackend blas;
    private double[] a;
    private double[] b;
    private double[] c;

    /** Loads the backend (or fails this combination with the reason) and fills the operands. */
    @Setup
    public void setUp() {
        blas = BenchmarkBackends.require(backend);
        a = BenchmarkBackends.random(1, n * n);
        b = BenchmarkBackends.random(2, n * n);
        c = new double[n * n];
    }

    /** @return the product, so that JMH consumes it */
    @Benchmark
    public double[] gemm() {
        blas.gemm(Transpose.NO, Transpose.NO, n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
        return c;
    }
}
