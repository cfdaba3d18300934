package dev.fixpoint.core;

/** Slicing along an axis and concatenation of row-major tensors (copies). Package-private. */
final class TensorJoins {
    private TensorJoins() {
    }

    static Tensor slice(Tensor src, int axis, int from, int to) {
        int ax = Shapes.axis(axis, src.shape.length, "slice");
        if (from < 0 || to > src.shape[ax] || from > to) {
            throw new IndexOutOfBoundsException("slice: range [" + from + ", " + to + ") on axis " + ax
                    + " is not within [0, " + src.shape[ax] + "] for shape " + java.util.Arrays.toString(src.shape));
        }
        int[] s = src.shape.clone();
        s[ax] = to - from;
        Tensor out = Tensor.zeros(s);
        int outer = 1;
        for (int k = 0; k < ax; k++) {
            outer *= src.shape[k];
        }
        int inner = 1;
        for (int k = ax + 1; k < src.shape.length; k++) {
            inner *= src.shape[k];
        }
        int chunk = (to - from) * inner;
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src.data, src.offset + (o * src.shape[ax] + from) * inner, out.data, o * chunk, chunk);
        }
        return out;
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor first = parts[0];
        int ax = Shapes.axis(axis, first.shape.length, "concat");
        int total = 0;
        for (Tensor p : parts) {
            if (p.shape.length != first.shape.length) {
                throw new ShapeMismatchException("concat", first.shape, p.shape, "ranks differ");
            }
            for (int k = 0; k < first.shape.length; k++) {
                if (k != ax && p.shape[k] != first.shape[k]) {
                    throw new ShapeMismatchException("concat", first.shape, p.shape,
                            "all dimensions except axis " + ax + " must agree");
                }
            }
            total += p.shape[ax];
        }
        int[] s = first.shape.clone();
        s[ax] = total;
        Tensor out = Tensor.zeros(s);
        int outer = 1;
        for (int k = 0; k < ax; k++) {
            outer *= s[k];
        }
        int inner = 1;
        for (int k = ax + 1; k < s.length; k++) {
            inner *= s[k];
        }
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor p : parts) {
                int chunk = p.shape[ax] * inner;
                System.arraycopy(p.data, p.offset + o * chunk, out.data, pos, chunk);
                pos += chunk;
            }
        }
        return out;
    }
}
