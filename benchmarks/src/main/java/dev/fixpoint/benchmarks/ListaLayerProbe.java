package dev.fixpoint.benchmarks;

import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-alone probe (not JMH) of the 16 LISTA layers written with plain tensor operations,
 * timing the gemms, the add passes and the threshold passes separately (median over 40
 * repetitions after 10 warm-ups: the typical cost, garbage-collection interference included). Its purpose is comparing garbage collectors, which JMH's
 * annotations fix per benchmark class:
 *
 * <pre>
 * java -XX:+UseG1GC       -cp benchmarks/target/benchmarks.jar dev.fixpoint.benchmarks.ListaLayerProbe
 * java -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar dev.fixpoint.benchmarks.ListaLayerProbe
 * </pre>
 *
 * The result is logged at INFO (SLF4J) on one line.
 */
public final class ListaLayerProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ListaLayerProbe.class);

    private ListaLayerProbe() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        SplittableRandom rng = new SplittableRandom(1);
        int m = 250;
        int n = 500;
        int batch = 256;
        Tensor[] w1 = new Tensor[ListaWorkload.LAYERS];
        Tensor[] w2 = new Tensor[ListaWorkload.LAYERS];
        for (int k = 0; k < w1.length; k++) {
            w1[k] = Tensor.randn(rng, n, m).mul(0.06);
            w2[k] = Tensor.randn(rng, n, n).mul(0.02);
        }
        Tensor y = Tensor.randn(rng, m, batch);
        double[] gemm = new double[40];
        double[] add = new double[40];
        double[] threshold = new double[40];
        for (int rep = 0; rep < 50; rep++) {
            long tg = 0;
            long ta = 0;
            long tt = 0;
            Tensor x = Tensor.zeros(n, batch);
            for (int k = 0; k < w1.length; k++) {
                long s0 = System.nanoTime();
                Tensor p1 = w1[k].matmul(y);
                Tensor p2 = w2[k].matmul(x);
                long s1 = System.nanoTime();
                Tensor z = p1.add(p2);
                long s2 = System.nanoTime();
                x = z.map(v -> Math.abs(v) > 0.05 ? v - Math.copySign(0.05, v) : 0.0);
                long s3 = System.nanoTime();
                tg += s1 - s0;
                ta += s2 - s1;
                tt += s3 - s2;
            }
            if (rep >= 10) {
                gemm[rep - 10] = tg * 1e-6;
                add[rep - 10] = ta * 1e-6;
                threshold[rep - 10] = tt * 1e-6;
            }
        }
        String gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
        LOG.info(String.format(java.util.Locale.ROOT,
                "16 LISTA layers, median of 40 repetitions, collector %s: gemms %.1f ms, add passes %.1f ms, "
                        + "threshold passes %.1f ms", gc, median(gemm), median(add), median(threshold)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return 0.5 * (s[(s.length - 1) / 2] + s[s.length / 2]);
    }
}
