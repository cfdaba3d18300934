package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ComplexPairs;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The unitary DFTs against naive O(n²) sums, their unitarity, views and concurrent use. */
class DftTest {
    /** Measured figures, shown with -DargLine=-Dfixpoint.results=INFO. */
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    /** Naive unitary 2-D DFT of a {@code [h, w, 2]} tensor; sign −1 forward, +1 inverse. */
    static Tensor naiveDft2d(Tensor x, int h, int w, int sign) {
        Tensor out = Tensor.zeros(h, w, 2);
        double scale = 1 / Math.sqrt((double) h * w);
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        double phase = sign * 2 * Math.PI * (((long) i * k % h) / (double) h + ((long) j * l % w) / (double) w);
                        double c = Math.cos(phase);
                        double s = Math.sin(phase);
                        double xr = x.get(i, j, 0);
                        double xi = x.get(i, j, 1);
                        re += xr * c - xi * s;
                        im += xr * s + xi * c;
                    }
                }
                out.set(re * scale, k, l, 0);
                out.set(im * scale, k, l, 1);
            }
        }
        return out;
    }

    @Test
    void dft1dMatchesTheNaiveSumForAllKindsOfLength() {
        SplittableRandom rng = new SplittableRandom(1);
        double worst = 0;
        for (int n : new int[]{1, 2, 3, 4, 5, 7, 8, 12, 16, 17, 30}) {
            LinearOperator f = FourierOperators.dft1d(n);
            Tensor x = Tensor.randn(rng, n, 2);
            Tensor expected = naiveDft2d(x.reshape(1, n, 2), 1, n, -1).reshape(n, 2);
            Tensor expectedInverse = naiveDft2d(x.reshape(1, n, 2), 1, n, +1).reshape(n, 2);
            double err = Math.max(f.apply(x).sub(expected).norm(), f.adjoint(x).sub(expectedInverse).norm()) / x.norm();
            worst = Math.max(worst, err);
            assertTrue(err < 1e-13, "n = " + n + ": relative error " + err + " against the naive DFT");
        }
        RESULTS.info("Dft1d vs naive DFT, n in 1..30: worst relative error {}", worst);
    }

    @Test
    void dft2dMatchesTheNaiveSum() {
        SplittableRandom rng = new SplittableRandom(2);
        double worst = 0;
        int[][] sizes = {{1, 1}, {1, 5}, {4, 1}, {2, 2}, {3, 5}, {4, 4}, {6, 7}, {8, 16}, {9, 9}};
        for (int[] s : sizes) {
            LinearOperator f = FourierOperators.dft2d(s[0], s[1]);
            Tensor x = Tensor.randn(rng, s[0], s[1], 2);
            double err = Math.max(f.apply(x).sub(naiveDft2d(x, s[0], s[1], -1)).norm(),
                    f.adjoint(x).sub(naiveDft2d(x, s[0], s[1], +1)).norm()) / x.norm();
            worst = Math.max(worst, err);
            assertTrue(err < 1e-13, s[0] + "×" + s[1] + ": relative error " + err + " against the naive DFT");
        }
        RESULTS.info("Dft2d vs naive DFT, sizes up to 9×9 and 8×16: worst relative error {}", worst);
    }

    @Test
    void theTransformsAreUnitary() {
        SplittableRandom rng = new SplittableRandom(3);
        double worstNorm = 0;
        double worstInverse = 0;
        List<LinearOperator> ops = List.of(FourierOperators.dft1d(64), FourierOperators.dft1d(97),
                FourierOperators.dft2d(32, 32), FourierOperators.dft2d(15, 20), FourierOperators.dft2d(64, 48));
        for (LinearOperator f : ops) {
            Tensor x = Tensor.randn(rng, f.domainShape());
            Tensor fx = f.apply(x);
            double normErr = Math.abs(fx.norm() - x.norm()) / x.norm();
            double adjNormErr = Math.abs(f.adjoint(x).norm() - x.norm()) / x.norm();
            double invErr = f.adjoint(fx).sub(x).norm() / x.norm();
            double invErr2 = f.apply(f.adjoint(x)).sub(x).norm() / x.norm();
            worstNorm = Math.max(worstNorm, Math.max(normErr, adjNormErr));
            worstInverse = Math.max(worstInverse, Math.max(invErr, invErr2));
            assertTrue(normErr < 1e-12 && adjNormErr < 1e-12, f.name() + ": ‖Fx‖/‖x‖ − 1 = " + normErr
                    + ", ‖Fᵀx‖/‖x‖ − 1 = " + adjNormErr);
            assertTrue(invErr < 1e-12 && invErr2 < 1e-12, f.name() + ": ‖FᵀFx − x‖/‖x‖ = " + invErr
                    + ", ‖FFᵀx − x‖/‖x‖ = " + invErr2);
        }
        RESULTS.info("unitary DFTs: worst |‖Fx‖/‖x‖ − 1| = {}, worst ‖FᵀFx − x‖/‖x‖ = {}", worstNorm, worstInverse);
    }

    @Test
    void aConstantImageTransformsToTheZeroFrequency() {
        Tensor ones = ComplexPairs.of(Tensor.ones(4, 6), Tensor.zeros(4, 6));
        Tensor f = FourierOperators.dft2d(4, 6).apply(ones);
        Tensor expected = Tensor.zeros(4, 6, 2);
        expected.set(Math.sqrt(24), 0, 0, 0);
        assertTrue(f.sub(expected).normInf() < 1e-14, "F(1) = √N·δ expected, got " + f);
    }

    @Test
    void outputViewsAreWrittenInPlaceAndTheirNeighboursLeftAlone() {
        SplittableRandom rng = new SplittableRandom(4);
        for (LinearOperator f : List.of(FourierOperators.dft2d(4, 5), FourierOperators.dft1d(7))) {
            int[] shape = f.domainShape();
            Tensor x = Tensor.randn(rng, shape);
            int[] big = shape.clone();
            big[0] += 2;
            Tensor storage = Tensor.full(42.0, big);
            Tensor view = storage.rows(1, 1 + shape[0]);
            f.applyInto(x, view);
            assertTrue(view.sub(f.apply(x)).normInf() == 0, f.name() + ": output view differs");
            f.adjointInto(x, view);
            assertTrue(view.sub(f.adjoint(x)).normInf() == 0, f.name() + ": adjoint into a view differs");
            assertTrue(storage.rows(0, 1).sub(Tensor.full(42.0, storage.rows(0, 1).shape())).normInf() == 0
                    && storage.rows(1 + shape[0], big[0]).sub(Tensor.full(42.0, storage.rows(0, 1).shape())).normInf() == 0,
                    f.name() + " wrote outside its output view");
        }
    }

    @Test
    void oneOperatorServesConcurrentCallers() throws Exception {
        // JTransforms plans keep only read-only tables; check that concurrent use gives the serial results.
        List<LinearOperator> ops = List.of(FourierOperators.dft2d(24, 20), FourierOperators.dft1d(97),
                FourierOperators.dft1d(60), FourierOperators.dft2d(16, 16));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (LinearOperator f : ops) {
                List<Tensor> inputs = new ArrayList<>();
                List<Tensor> serial = new ArrayList<>();
                SplittableRandom rng = new SplittableRandom(5);
                for (int t = 0; t < 16; t++) {
                    Tensor x = Tensor.randn(rng, f.domainShape());
                    inputs.add(x);
                    serial.add(t % 2 == 0 ? f.apply(x) : f.adjoint(x));
                }
                List<Future<Boolean>> results = new ArrayList<>();
                for (int rep = 0; rep < 20; rep++) {
                    for (int t = 0; t < inputs.size(); t++) {
                        int i = t;
                        results.add(pool.submit(() -> {
                            Tensor y = i % 2 == 0 ? f.apply(inputs.get(i)) : f.adjoint(inputs.get(i));
                            return y.sub(serial.get(i)).normInf() == 0;
                        }));
                    }
                }
                for (Future<Boolean> r : results) {
                    assertTrue(r.get(), f.name() + ": a concurrent call differs from the serial result");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badSizesAreRejectedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.dft1d(0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.dft2d(3, -2));
        assertTrue(e.getMessage().contains("3×-2"), e.getMessage());
    }
}
