package dev.fixpoint.benchmarks;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.TotalVariation1d;
import dev.fixpoint.operators.prox.TotalVariation2d;
import java.util.SplittableRandom;
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
 * Total-variation proximal maps: the exact 1-D prox ({@link TotalVariation1d}, Condat's direct
 * algorithm) at {@code N = 10⁶} and {@code 10⁷} samples, and the isotropic 2-D prox
 * ({@link TotalVariation2d}, FGP on the dual) on a 512×512 image to relative duality gap
 * {@code 1e-6}. Scores are milliseconds per prox; ns per sample of the 1-D prox is
 * {@code score·10⁶ / N}.
 *
 * <p><b>Workloads</b> (fixed seeds). 1-D: a piecewise-constant signal with levels uniform in
 * {@code [−1, 1)}, segment lengths uniform in {@code [1, 4000]} (about {@code N/2000} true jumps),
 * plus Gaussian noise of standard deviation 0.1, and {@code τλ = 5}; the output has about 3,100
 * segments at {@code N = 10⁶} and 31,600 at {@code 10⁷} (same statistics per sample, so linear-time
 * behaviour means equal ns per sample; the acceptance is {@code t(10⁷) ≤ 12·t(10⁶)}). 2-D: the sum of
 * 20 random rectangles of height uniform in {@code [−1, 1)} plus noise 0.1, {@code τλ = 0.1}.
 *
 * <p><b>Running.</b> {@code java -jar benchmarks/target/benchmarks.jar TotalVariationBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TotalVariationBenchmark {

    /** Signal length of the 1-D benchmark. */
    @Param({"1000000", "10000000"})
    public int n;

    private double[] signal;
    private double[] denoised;
    private Tensor image;
    private TotalVariation2d tv2d;

    /** Builds the signal and the image. */
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(2024);
        signal = new double[n];
        double level = 0;
        int remaining = 0;
        for (int i = 0; i < n; i++) {
            if (remaining == 0) {
                level = rng.nextDouble(-1, 1);
                remaining = 1 + rng.nextInt(4000);
            }
            remaining--;
            signal[i] = level + 0.1 * rng.nextGaussian();
        }
        denoised = new double[n];

        int side = 512;
        SplittableRandom irng = new SplittableRandom(42);
        double[] img = new double[side * side];
        for (int r = 0; r < 20; r++) {
            int i0 = irng.nextInt(side);
            int j0 = irng.nextInt(side);
            int hh = irng.nextInt(side / 2);
            int ww = irng.nextInt(side / 2);
            double val = irng.nextDouble(-1, 1);
            for (int i = i0; i < Math.min(side, i0 + hh); i++) {
                for (int j = j0; j < Math.min(side, j0 + ww); j++) {
                    img[i * side + j] += val;
                }
            }
        }
        for (int k = 0; k < img.length; k++) {
            img[k] += 0.1 * irng.nextGaussian();
        }
        image = Tensor.wrap(img, side, side);
        tv2d = new TotalVariation2d(0.1, TotalVariation2d.Norm.ISOTROPIC, 1e-6, 100_000);
    }

    /** @return the exact 1-D TV prox of the N-sample signal (τλ = 5) */
    @Benchmark
    public double[] tv1dExact() {
        TotalVariation1d.denoise(signal, 0, denoised, 0, n, 5.0);
        return denoised;
    }

    /**
     * @return the isotropic 2-D TV prox of the 512×512 image to relative gap 1e-6 (independent of
     *         {@code n}; run it with {@code -p n=1000000} to avoid measuring it twice)
     */
    @Benchmark
    public TotalVariation2d.Result tv2dIsotropic512() {
        return tv2d.solve(image, 1.0, null);
    }
}
