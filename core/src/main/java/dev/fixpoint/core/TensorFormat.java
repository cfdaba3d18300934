package dev.fixpoint.core;

import java.util.Arrays;
import java.util.Locale;

/** Renders tensors as text: nested brackets for small tensors, a summary for large ones. Package-private. */
final class TensorFormat {
    static final int FULL_LIMIT = 100;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
        if (t.size() <= FULL_LIMIT) {
            if (shape.length == 0) {
                return sb.append(num(t.get())).toString();
            }
            nest(sb, t, shape, 0, 0, Shapes.strides(shape));
        } else {
            sb.append("{min=").append(num(t.min())).append(", max=").append(num(t.max()))
                    .append(", mean=").append(num(t.mean())).append(", first=[");
            double[] d = t.data();
            int off = t.offset();
            for (int i = 0; i < 5; i++) {
                sb.append(i > 0 ? ", " : "").append(num(d[off + i]));
            }
            sb.append(", …]}");
        }
        return sb.toString();
    }

    private static void nest(StringBuilder sb, Tensor t, int[] shape, int dim, int base, int[] strides) {
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                sb.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(dim + 1 + 7 + Arrays.toString(shape).length()));
            }
            int idx = base + i * strides[dim];
            if (dim == shape.length - 1) {
                sb.append(num(t.data()[t.offset() + idx]));
            } else {
                nest(sb, t, shape, dim + 1, idx, strides);
            }
        }
        sb.append(']');
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v) + (v == 0 && 1 / v < 0 ? "" : "");
        }
        double a = Math.abs(v);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.4e", v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
