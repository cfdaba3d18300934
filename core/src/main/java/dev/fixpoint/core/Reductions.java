package dev.fixpoint.core;

/** Reductions of a tensor along one axis. Package-private. */
final class Reductions {
    enum Kind { SUM, MEAN, MAX, MIN }

    private Reductions() {
    }

    static Tensor reduce(Tensor t, int axis, Kind kind) {
        int[] shape = t.shape();
        int outer = 1;
        for (int k = 0; k < axis; k++) {
            outer *= shape[k];
        }
        int len = shape[axis];
        int inner = 1;
        for (int k = axis + 1; k < shape.length; k++) {
            inner *= shape[k];
        }
        int[] outShape = new int[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) {
            if (k != axis) {
                outShape[j++] = shape[k];
            }
        }
        double init = switch (kind) {
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> 0.0;
        };
        double[] out = new double[outer * inner];
        java.util.Arrays.fill(out, init);
        double[] d = t.data();
        int off = t.offset();
        for (int o = 0; o < outer; o++) {
            int ob = o * inner;
            for (int l = 0; l < len; l++) {
                int base = off + (o * len + l) * inner;
                switch (kind) {
                    case MAX -> {
                        for (int i = 0; i < inner; i++) {
                            out[ob + i] = Math.max(out[ob + i], d[base + i]);
                        }
                    }
                    case MIN -> {
                        for (int i = 0; i < inner; i++) {
                            out[ob + i] = Math.min(out[ob + i], d[base + i]);
                        }
                    }
                    default -> {
                        for (int i = 0; i < inner; i++) {
                            out[ob + i] += d[base + i];
                        }
                    }
                }
            }
        }
        if (kind == Kind.MEAN) {
            double inv = 1.0 / len; // len == 0 gives NaN means, as for mean() of an empty tensor
            for (int i = 0; i < out.length; i++) {
                out[i] = len == 0 ? Double.NaN : out[i] * inv;
            }
        }
        return Tensor.fromOwned(outShape, out);
    }
}
