package dev.fixpoint.benchmarks;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.imaging.ct.ParallelBeamGeometry;
import dev.fixpoint.imaging.ct.RayTransform;
import dev.fixpoint.imaging.phantom.ImageGrid;
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
 * The Joseph ray transform of the imaging plugin ({@code RayTransform}, parallel beam): forward and adjoint
 * projection of an {@code n × n} unit-pixel image with {@code angles} equispaced angles over [0, π) and {@code bins}
 * detector bins of unit width (725 ≥ 512·√2 covers the diagonal), into preallocated outputs, on {@code threads}
 * threads (results are identical for every thread count, so the 1- and 2-thread times compare the same work).
 * Reports the average time per projection.
 *
 * <p><b>Running.</b> {@code mvn -B -o -q -DskipTests package -pl benchmarks -am}, then
 * {@code java -jar benchmarks/target/benchmarks.jar RayTransformBenchmark -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RayTransformBenchmark {

    /** Image side. */
    @Param({"512"})
    public int n;

    /** Projection angles. */
    @Param({"720"})
    public int angles;

    /** Detector bins (unit width). */
    @Param({"725"})
    public int bins;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private RayTransform a;
    private Tensor image;
    private Tensor sinogram;
    private Tensor imageOut;
    private Tensor sinogramOut;

    /** Builds the transform (its ray table), the inputs and the outputs. */
    @Setup
    public void setUp() {
        a = RayTransform.of(ParallelBeamGeometry.uniform(ImageGrid.unitPixels(n), angles, bins, 1.0), threads);
        image = Tensor.randn(1, n, n);
        sinogram = Tensor.randn(2, angles, bins);
        imageOut = Tensor.zeros(n, n);
        sinogramOut = Tensor.zeros(angles, bins);
    }

    /** @return {@code A x} */
    @Benchmark
    public Tensor forward() {
        return a.applyInto(image, sinogramOut);
    }

    /** @return {@code Aᵀ y} */
    @Benchmark
    public Tensor adjoint() {
        return a.adjointInto(sinogram, imageOut);
    }
}
