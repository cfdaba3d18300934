package dev.fixpoint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TensorTest {

    /** Naive reference: op(A)·op(B) with explicit index arithmetic on row-major arrays. */
    private static double[][] naiveMatmul(Tensor a, boolean ta, Tensor b, boolean tb) {
        int m = ta ? a.dim(1) : a.dim(0);
        int k = ta ? a.dim(0) : a.dim(1);
        int n = tb ? b.dim(0) : b.dim(1);
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a.get(p, i) : a.get(i, p);
                    double y = tb ? b.get(j, p) : b.get(p, j);
                    s += x * y;
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} ta={3} tb={4}")
    @CsvSource({"3,4,5,false,false", "3,4,5,true,false", "3,4,5,false,true", "3,4,5,true,true",
            "1,1,1,false,false", "7,1,3,true,true", "0,3,2,false,false", "2,0,3,false,false",
            "65,33,47,false,true", "40,70,20,true,false"})
    void matmulMatchesNaiveLoopsForAllTranspositions(int m, int k, int n, boolean ta, boolean tb) {
        SplittableRandom rng = new SplittableRandom(7);
        Tensor a = ta ? Tensor.randn(rng, k, m) : Tensor.randn(rng, m, k);
        Tensor b = tb ? Tensor.randn(rng, n, k) : Tensor.randn(rng, k, n);
        Tensor c = Tensor.matmul(a, ta, b, tb);
        assertArrayEquals(new int[]{m, n}, c.shape());
        double[][] ref = naiveMatmul(a, ta, b, tb);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(ref[i][j], c.get(i, j), 1e-13 * Math.max(1, k), "C(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void matmulIntoAccumulatesWithAlphaBetaAndWorksOnRowViews() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor big = Tensor.randn(rng, 10, 4);
        Tensor a = big.rows(3, 8); // 5×4 view at offset 12
        Tensor b = Tensor.randn(rng, 4, 6);
        Tensor out = Tensor.randn(rng, 5, 6);
        Tensor before = out.copy();
        Tensor.matmulInto(2.0, a, false, b, false, 0.5, out);
        double[][] ref = naiveMatmul(a.copy(), false, b, false);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(2 * ref[i][j] + 0.5 * before.get(i, j), out.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void matvecMatchesNaiveLoopsPlainAndTransposed() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor a = Tensor.randn(rng, 6, 4);
        Tensor x = Tensor.randn(rng, 4);
        Tensor z = Tensor.randn(rng, 6);
        Tensor y = a.matvec(x);
        Tensor yt = Tensor.matvecInto(1.0, a, true, z, 0.0, null);
        for (int i = 0; i < 6; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                s += a.get(i, j) * x.get(j);
            }
            assertEquals(s, y.get(i), 1e-13);
        }
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int i = 0; i < 6; i++) {
                s += a.get(i, j) * z.get(i);
            }
            assertEquals(s, yt.get(j), 1e-13);
        }
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4, 5);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
        assertTrue(e.getMessage().startsWith("[fixpoint/ShapeMismatch]"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.add(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.matvec(Tensor.zeros(2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2]"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Tensor.concat(0, a, Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2, 4]"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.reshape(4, 2));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 2]"), e.getMessage());
    }

    @Test
    void elementwiseArithmeticMatchesLoops() {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor a = Tensor.randn(rng, 3, 4, 2);
        Tensor b = Tensor.uniform(rng, 0.5, 2.0, 3, 4, 2);
        Tensor sum = a.add(b);
        Tensor diff = a.sub(b);
        Tensor prod = a.mul(b);
        Tensor quot = a.div(b);
        Tensor scaled = a.mul(-2.5);
        Tensor shifted = a.add(1.5);
        double[] ad = a.toArray();
        double[] bd = b.toArray();
        for (int i = 0; i < ad.length; i++) {
            assertEquals(ad[i] + bd[i], sum.data()[i]);
            assertEquals(ad[i] - bd[i], diff.data()[i]);
            assertEquals(ad[i] * bd[i], prod.data()[i]);
            assertEquals(ad[i] / bd[i], quot.data()[i]);
            assertEquals(-2.5 * ad[i], scaled.data()[i], 1e-15);
            assertEquals(ad[i] + 1.5, shifted.data()[i]);
            assertEquals(Math.exp(ad[i]), a.exp().data()[i]);
            assertEquals(Math.abs(ad[i]), a.abs().data()[i]);
            assertEquals(Math.sqrt(bd[i]), b.sqrt().data()[i]);
            assertEquals(Math.log(bd[i]), b.log().data()[i]);
        }
        assertArrayEquals(ad, a.toArray(), "operands are unchanged (value semantics)");
    }

    @Test
    void inPlaceAndIntoVariantsModifyOnlyTheirTarget() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor y = Tensor.vector(10, 20, 30);
        y.axpyInPlace(2.0, x);
        assertArrayEquals(new double[]{12, 24, 36}, y.toArray());
        assertArrayEquals(new double[]{1, 2, 3}, x.toArray());
        x.scaleInPlace(3.0);
        assertArrayEquals(new double[]{3, 6, 9}, x.toArray());
        Tensor out = Tensor.zeros(3);
        Tensor r = x.addInto(y, out);
        assertTrue(r == out);
        assertArrayEquals(new double[]{15, 30, 45}, out.toArray());
        assertThrows(ShapeMismatchException.class, () -> x.addInto(y, Tensor.zeros(4)));
    }

    @Test
    void reductionsAlongAxesMatchLoops() {
        SplittableRandom rng = new SplittableRandom(13);
        Tensor t = Tensor.randn(rng, 2, 3, 4);
        for (int axis = 0; axis < 3; axis++) {
            Tensor s = t.sum(axis);
            Tensor mx = t.max(axis);
            Tensor mn = t.min(axis);
            Tensor me = t.mean(axis);
            int[] shape = t.shape();
            int[] outShape = s.shape();
            assertEquals(2, outShape.length);
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    for (int k = 0; k < shape[2]; k++) {
                        int[] full = {i, j, k};
                        int[] red = new int[2];
                        for (int q = 0, w = 0; q < 3; q++) {
                            if (q != axis) {
                                red[w++] = full[q];
                            }
                        }
                        assertTrue(t.get(full) <= mx.get(red) && t.get(full) >= mn.get(red));
                    }
                }
            }
            double total = 0;
            for (double v : s.toArray()) {
                total += v;
            }
            assertEquals(t.sum(), total, 1e-12);
            assertEquals(s.get(0, 0) / shape[axis], me.get(0, 0), 1e-15);
        }
        double ref = 0;
        double sq = 0;
        for (double v : t.toArray()) {
            ref += v;
            sq += v * v;
        }
        assertEquals(ref, t.sum(), 1e-12);
        assertEquals(ref / 24, t.mean(), 1e-12);
        assertEquals(Math.sqrt(sq), t.norm(), 1e-12);
        assertEquals(sq, t.dot(t), 1e-12);
        assertEquals(t.max(), t.toArray()[t.argmax()]);
    }

    @Test
    void reshapeAndRowsAreViewsEverythingElseCopies() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        Tensor flat = t.reshape(-1);
        flat.set(100, 0);
        assertEquals(100, t.get(0, 0), "reshape shares storage");
        Tensor row = t.rows(1, 2);
        row.set(-1, 0, 2);
        assertEquals(-1, t.get(1, 2), "rows shares storage");
        Tensor sl = t.slice(1, 0, 2);
        sl.set(55, 0, 0);
        assertEquals(100, t.get(0, 0), "slice copies");
        Tensor tr = t.transpose();
        assertNotSame(t.data(), tr.data());
        assertArrayEquals(new int[]{3, 2}, tr.shape());
        assertEquals(t.get(1, 2), tr.get(2, 1));
        assertThrows(ShapeMismatchException.class, () -> t.reshape(-1, -1));
    }

    @Test
    void sliceAndConcatMatchLoopsOnEveryAxis() {
        SplittableRandom rng = new SplittableRandom(17);
        Tensor t = Tensor.randn(rng, 3, 4, 5);
        for (int axis = 0; axis < 3; axis++) {
            int len = t.dim(axis);
            Tensor left = t.slice(axis, 0, 1);
            Tensor right = t.slice(axis, 1, len);
            Tensor joined = Tensor.concat(axis, left, right);
            assertEquals(t, joined, "concat(slice, slice) == original on axis " + axis);
            Tensor mid = t.slice(axis, 1, 3);
            for (int i = 0; i < mid.dim(0); i++) {
                for (int j = 0; j < mid.dim(1); j++) {
                    for (int k = 0; k < mid.dim(2); k++) {
                        int[] src = {i, j, k};
                        src[axis] += 1;
                        assertEquals(t.get(src), mid.get(i, j, k));
                    }
                }
            }
        }
        assertEquals(0, t.slice(2, 2, 2).size());
        assertThrows(IndexOutOfBoundsException.class, () -> t.slice(0, 2, 5));
    }

    @Test
    void seededRandomTensorsAreReproducible() {
        assertEquals(Tensor.randn(42, 5, 5), Tensor.randn(42, 5, 5));
        assertFalse(Tensor.randn(42, 5, 5).equals(Tensor.randn(43, 5, 5)));
        Tensor u = Tensor.uniform(new SplittableRandom(1), -1, 1, 1000);
        assertTrue(u.min() >= -1 && u.max() < 1);
        assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(new SplittableRandom(1), 1, 1, 3));
    }

    @Test
    void approximateEqualityUsesRelativeAndAbsoluteTolerance() {
        Tensor a = Tensor.vector(1.0, 1000.0);
        assertTrue(a.allClose(Tensor.vector(1.0 + 1e-9, 1000.0 + 1e-6), 1e-8, 1e-8));
        assertFalse(a.allClose(Tensor.vector(1.0 + 1e-6, 1000.0), 1e-8, 1e-8));
        assertFalse(a.allClose(Tensor.vector(1.0, 1000.0, 0.0), 1, 1), "different shapes are never close");
        assertFalse(Tensor.vector(Double.NaN).allClose(Tensor.vector(Double.NaN), 1, 1));
    }

    @Test
    void toStringIsReadableForSmallTensorsAndSummarisesLargeOnes() {
        assertEquals("Tensor[2, 2] [[1, 2],\n" + " ".repeat(14) + "[3, 4]]", Tensor.matrix(new double[][]{{1, 2}, {3, 4}}).toString());
        assertEquals("Tensor[] 2.50000", Tensor.scalar(2.5).toString());
        String big = Tensor.zeros(20, 20).toString();
        assertTrue(big.startsWith("Tensor[20, 20] {min=0, max=0"), big);
    }

    @Test
    void nonFiniteValuesAreReportedWithTheirIndex() {
        Tensor t = Tensor.zeros(2, 3);
        t.set(Double.NaN, 1, 2);
        assertFalse(t.isFinite());
        FixpointException e = assertThrows(FixpointException.class, () -> t.requireFinite("iterate at step 7"));
        assertEquals("NonFinite", e.id());
        assertTrue(e.getMessage().contains("[1, 2]") && e.getMessage().contains("step 7"), e.getMessage());
    }

    @Test
    void complexPairsRoundTripAndMultiply() {
        Tensor re = Tensor.vector(1, 0, 3);
        Tensor im = Tensor.vector(2, 1, -4);
        Tensor z = ComplexPairs.of(re, im);
        assertArrayEquals(new int[]{3, 2}, z.shape());
        assertEquals(re, ComplexPairs.real(z));
        assertEquals(im, ComplexPairs.imag(z));
        assertEquals(5.0, ComplexPairs.abs(z).get(2), 1e-15);
        Tensor zz = ComplexPairs.mul(z, ComplexPairs.conj(z)); // |z|²
        assertArrayEquals(new double[]{5, 0, 1, 0, 25, 0}, zz.toArray(), 1e-15);
        assertThrows(ShapeMismatchException.class, () -> ComplexPairs.real(Tensor.zeros(3)));
    }
}
