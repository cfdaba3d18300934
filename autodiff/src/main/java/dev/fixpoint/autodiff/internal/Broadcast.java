package dev.fixpoint.autodiff.internal;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * NumPy-style broadcasting for row-major tensors: shapes are aligned at their last axes; two
 * dimensions are compatible when equal or when one of them is 1 (or missing). This covers a scalar,
 * a row vector {@code [n]} or {@code [1, n]} and a column vector {@code [m, 1]} against {@code [m, n]}.
 * Kernels are plain loops over primitive arrays with the innermost axis contiguous.
 */
public final class Broadcast {
    /** The elementwise arithmetic kernels. */
    public enum Kind { ADD, SUB, MUL, DIV }

    private Broadcast() {
    }

    /**
     * @return the broadcast shape of {@code a} and {@code b}
     * @throws ShapeMismatchException naming both shapes if they are incompatible
     */
    public static int[] shape(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a.clone();
        }
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op, a, b, "cannot broadcast: axis " + i
                        + " of the aligned shapes has lengths " + da + " and " + db + " (must be equal, or one of them 1)");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** @return {@code a (kind) b} elementwise with broadcasting, in fresh storage */
    public static Tensor binary(String op, Kind kind, Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int[] os = shape(op, as, bs);
        Tensor out = Tensor.zeros(os);
        double[] o = out.data();
        double[] ad = a.data();
        double[] bd = b.data();
        int ao = a.offset();
        int bo = b.offset();
        int n = out.size();
        if (Arrays.equals(as, bs)) {
            run(kind, n, ad, ao, 1, bd, bo, 1, o, 0);
            return out;
        }
        int r = os.length;
        int[] sa = alignedStrides(as, os);
        int[] sb = alignedStrides(bs, os);
        int inner = r == 0 ? 1 : os[r - 1];
        int ia = r == 0 ? 0 : sa[r - 1];
        int ib = r == 0 ? 0 : sb[r - 1];
        if (inner == 0) {
            return out;
        }
        int[] idx = new int[Math.max(0, r - 1)];
        int pa = ao;
        int pb = bo;
        for (int base = 0; base < n; base += inner) {
            run(kind, inner, ad, pa, ia, bd, pb, ib, o, base);
            // advance the outer multi-index (odometer over axes 0..r-2)
            for (int k = r - 2; k >= 0; k--) {
                idx[k]++;
                pa += sa[k];
                pb += sb[k];
                if (idx[k] < os[k]) {
                    break;
                }
                pa -= sa[k] * os[k];
                pb -= sb[k] * os[k];
                idx[k] = 0;
            }
        }
        return out;
    }

    private static void run(Kind kind, int n, double[] a, int pa, int ia, double[] b, int pb, int ib, double[] o, int po) {
        if (ia == 1 && ib == 1) {
            runContiguous(kind, n, a, pa, b, pb, o, po);
            return;
        }
        if (ia == 1 && ib == 0) {
            runScalarRight(kind, n, a, pa, b[pb], o, po);
            return;
        }
        switch (kind) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i * ia] + b[pb + i * ib];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i * ia] - b[pb + i * ib];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i * ia] * b[pb + i * ib];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i * ia] / b[pb + i * ib];
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Unit strides on both sides: the common equal-shape case, in loops C2 vectorises. */
    private static void runContiguous(Kind kind, int n, double[] a, int pa, double[] b, int pb, double[] o, int po) {
        switch (kind) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] + b[pb + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] - b[pb + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] * b[pb + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] / b[pb + i];
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** The right operand constant along the run (a scalar, or a column broadcast along rows). */
    private static void runScalarRight(Kind kind, int n, double[] a, int pa, double bv, double[] o, int po) {
        switch (kind) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] + bv;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] - bv;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] * bv;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[po + i] = a[pa + i] / bv;
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Strides of {@code s} (row-major) aligned to {@code target}, 0 along broadcast axes. */
    static int[] alignedStrides(int[] s, int[] target) {
        int r = target.length;
        int[] st = new int[r];
        int stride = 1;
        for (int i = s.length - 1; i >= 0; i--) {
            int k = i + (r - s.length);
            st[k] = s[i] == 1 && target[k] != 1 ? 0 : stride;
            stride *= s[i];
        }
        return st;
    }

    /**
     * For a loop over {@code target} row by row (a row is the last axis; a rank-0 target is one row
     * of one element): the offset, relative to the start of a tensor of shape {@code s} broadcast to
     * {@code target}, of the element matching the first element of each row. Along a row the
     * broadcast tensor advances by {@link #innerStride}. Lets a kernel with a broadcast operand run
     * one flat inner loop per row with no per-element index arithmetic.
     */
    static int[] rowOffsets(int[] s, int[] target) {
        int r = target.length;
        int inner = r == 0 ? 1 : target[r - 1];
        int size = 1;
        for (int d : target) {
            size *= d;
        }
        int rows = inner == 0 ? 0 : size / inner;
        int[] st = alignedStrides(s, target);
        int[] out = new int[rows];
        int[] idx = new int[Math.max(0, r - 1)];
        int p = 0;
        for (int row = 0; row < rows; row++) {
            out[row] = p;
            for (int k = r - 2; k >= 0; k--) {
                idx[k]++;
                p += st[k];
                if (idx[k] < target[k]) {
                    break;
                }
                p -= st[k] * target[k];
                idx[k] = 0;
            }
        }
        return out;
    }

    /** @return the step along the last axis of {@code s} broadcast to {@code target} (0 or 1) */
    static int innerStride(int[] s, int[] target) {
        return target.length == 0 ? 0 : alignedStrides(s, target)[target.length - 1];
    }

    /**
     * @return {@code g} summed over the axes along which {@code shape} was broadcast to
     *         {@code g}'s shape; {@code g} itself when the shapes are equal
     */
    public static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        shape("sumTo", shape, gs); // validates compatibility
        Tensor out = Tensor.zeros(shape);
        double[] o = out.data();
        double[] gd = g.data();
        int r = gs.length;
        int[] so = alignedStrides(shape, gs);
        int n = g.size();
        if (n == 0) {
            return out;
        }
        int[] idx = new int[r];
        int po = 0;
        int go = g.offset();
        for (int i = 0; i < n; i++) {
            o[po] += gd[go + i];
            for (int k = r - 1; k >= 0; k--) {
                idx[k]++;
                po += so[k];
                if (idx[k] < gs[k]) {
                    break;
                }
                po -= so[k] * gs[k];
                idx[k] = 0;
            }
        }
        return out;
    }

    /** @return {@code x} broadcast (copied) to {@code shape} */
    public static Tensor broadcastTo(Tensor x, int[] shape) {
        int[] xs = x.shape();
        if (Arrays.equals(xs, shape)) {
            return x;
        }
        int[] b = shape("broadcastTo", xs, shape);
        if (!Arrays.equals(b, shape)) {
            throw new ShapeMismatchException("broadcastTo", xs, shape, "the target shape must contain the source shape");
        }
        return binary("broadcastTo", Kind.ADD, Tensor.zeros(shape), x);
    }
}
