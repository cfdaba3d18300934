package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ComplexPairs;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Convolution2d} against naive loops, its centring convention, and the DFT diagonalisation. */
class ConvolutionTest {
    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    /** Naive "same" convolution, {@code Σ k[a,b]·x[i+ch−a, j+cw−b]}, with explicit boundary handling. */
    static Tensor naive(Tensor k, Tensor x, ConvolutionBoundary boundary) {
        int kh = k.dim(0);
        int kw = k.dim(1);
        int h = x.dim(0);
        int w = x.dim(1);
        Tensor out = Tensor.zeros(h, w);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double s = 0;
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int si = i + kh / 2 - a;
                        int sj = j + kw / 2 - b;
                        if (boundary == ConvolutionBoundary.PERIODIC) {
                            s += k.get(a, b) * x.get(Math.floorMod(si, h), Math.floorMod(sj, w));
                        } else if (si >= 0 && si < h && sj >= 0 && sj < w) {
                            s += k.get(a, b) * x.get(si, sj);
                        }
                    }
                }
                out.set(s, i, j);
            }
        }
        return out;
    }

    /** The dense matrix of an operator on {@code [h, w]} images, built column by column. */
    static Tensor matrix(LinearOperator op) {
        int n = op.domainSize();
        Tensor m = Tensor.zeros(op.rangeSize(), n);
        for (int c = 0; c < n; c++) {
            Tensor e = Tensor.zeros(op.domainShape());
            e.data()[c] = 1;
            Tensor col = op.apply(e);
            for (int r = 0; r < op.rangeSize(); r++) {
                m.set(col.data()[r], r, c);
            }
        }
        return m;
    }

    @Test
    void matchesNaiveLoopsForBothBoundaries() {
        SplittableRandom rng = new SplittableRandom(10);
        int[][] cases = {{3, 3, 8, 8}, {5, 3, 7, 9}, {1, 1, 4, 4}, {2, 4, 5, 6}, {7, 7, 4, 5}, {3, 1, 1, 6}};
        for (int[] c : cases) {
            Tensor k = Tensor.randn(rng, c[0], c[1]);
            Tensor x = Tensor.randn(rng, c[2], c[3]);
            for (ConvolutionBoundary b : ConvolutionBoundary.values()) {
                LinearOperator op = FourierOperators.convolution2d(k, c[2], c[3], b);
                double err = op.apply(x).sub(naive(k, x, b)).normInf();
                assertTrue(err < 1e-13, op.name() + ": differs from naive loops by " + err);
            }
        }
    }

    @Test
    void theAdjointIsTheExactTransposeIncludingBorders() {
        SplittableRandom rng = new SplittableRandom(11);
        for (ConvolutionBoundary b : ConvolutionBoundary.values()) {
            LinearOperator op = FourierOperators.convolution2d(Tensor.randn(rng, 3, 4), 5, 6, b);
            Tensor m = matrix(op);
            Tensor mt = matrix(op.transposed());
            double err = mt.sub(m.transpose()).normInf();
            assertTrue(err < 1e-15, op.name() + ": adjoint matrix differs from the transpose by " + err);
        }
    }

    @Test
    void anImpulseReproducesTheKernelCentredOnIt() {
        Tensor k = Tensor.matrix(new double[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Tensor x = Tensor.zeros(5, 5);
        x.set(1, 2, 2);
        Tensor y = FourierOperators.convolution2d(k, 5, 5, ConvolutionBoundary.ZERO).apply(x);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertTrue(y.get(1 + a, 1 + b) == k.get(a, b), "convolution, not correlation: y = " + y);
            }
        }
        assertTrue(Math.abs(y.sum() - 45) < 1e-14);
        // with periodic boundary an impulse in the corner wraps the kernel around
        Tensor corner = Tensor.zeros(4, 4);
        corner.set(1, 0, 0);
        Tensor z = FourierOperators.convolution2d(k, 4, 4, ConvolutionBoundary.PERIODIC).apply(corner);
        assertTrue(z.get(0, 0) == 5 && z.get(3, 3) == 1 && z.get(1, 1) == 9 && z.get(3, 0) == 2, "wrapped: " + z);
    }

    @Test
    void periodicConvolutionIsDiagonalisedByTheDft() {
        // F(k ∗ x) = √(hw) · F(k̃) ⊙ F(x), k̃ the kernel zero-padded to h×w with its centre moved to (0, 0)
        int h = 12;
        int w = 10;
        SplittableRandom rng = new SplittableRandom(12);
        Tensor k = Tensor.randn(rng, 5, 3);
        Tensor x = Tensor.randn(rng, h, w);
        Tensor padded = Tensor.zeros(h, w);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 3; b++) {
                padded.set(k.get(a, b), Math.floorMod(a - 2, h), Math.floorMod(b - 1, w));
            }
        }
        LinearOperator f = FourierOperators.dft2d(h, w);
        Tensor fk = f.apply(ComplexPairs.of(padded, Tensor.zeros(h, w)));
        Tensor fx = f.apply(ComplexPairs.of(x, Tensor.zeros(h, w)));
        Tensor conv = FourierOperators.convolution2d(k, h, w, ConvolutionBoundary.PERIODIC).apply(x);
        Tensor lhs = f.apply(ComplexPairs.of(conv, Tensor.zeros(h, w)));
        Tensor rhs = ComplexPairs.mul(fk, fx).mul(Math.sqrt(h * w));
        double err = lhs.sub(rhs).norm() / lhs.norm();
        RESULTS.info("periodic convolution vs DFT diagonalisation (12×10, 5×3 kernel): relative error {}", err);
        assertTrue(err < 1e-13, "F(k∗x) ≠ √N F(k)F(x): relative error " + err);
    }

    @Test
    void badArgumentsAreRejectedNamingThem() {
        Tensor k = Tensor.ones(3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FourierOperators.convolution2d(Tensor.ones(3), 4, 4, ConvolutionBoundary.ZERO));
        assertTrue(e.getMessage().contains("[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.convolution2d(k, 0, 4, ConvolutionBoundary.ZERO));
        assertTrue(e.getMessage().contains("0×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FourierOperators.convolution2d(k, 4, 4, null));
        assertTrue(e.getMessage().contains("PERIODIC"), e.getMessage());
        Tensor nan = Tensor.ones(2, 2);
        nan.set(Double.NaN, 1, 1);
        assertThrows(RuntimeException.class, () -> FourierOperators.convolution2d(nan, 4, 4, ConvolutionBoundary.ZERO));
    }
}
