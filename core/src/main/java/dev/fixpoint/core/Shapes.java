package dev.fixpoint.core;

import java.util.Arrays;

/** Shape arithmetic for row-major tensors. Package-private. */
final class Shapes {
    private Shapes() {
    }

    static int[] validate(int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            size *= d;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return shape.clone();
    }

    static int size(int[] shape) {
        int s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }

    /** Row-major strides: strides[last] = 1. */
    static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeMismatchException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }

    /** Resolves one -1 entry so that the product equals size. */
    static int[] infer(int[] requested, int size, int[] from) {
        int[] s = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) {
                    throw new ShapeMismatchException("reshape: at most one dimension may be -1, got " + Arrays.toString(requested));
                }
                unknown = i;
            } else if (s[i] < 0) {
                throw new ShapeMismatchException("reshape: negative dimension in " + Arrays.toString(requested));
            } else {
                known *= s[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeMismatchException("reshape", from, requested, "cannot infer -1 for " + size + " elements");
            }
            s[unknown] = (int) (size / known);
        } else if (known != size) {
            throw new ShapeMismatchException("reshape", from, requested, "element counts " + size + " and " + known + " differ");
        }
        return s;
    }
}
