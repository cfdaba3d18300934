package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;

/** Validation of the shapes and sizes given to operator factories (package-private). */
final class OperatorShapes {
    private OperatorShapes() {
    }

    /**
     * @return {@code shape} unchanged if it is non-null with non-negative dimensions and fewer than 2³¹ elements
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming {@code who} and the shape
     */
    static int[] valid(String who, int[] shape) {
        if (shape == null) {
            throw new FixpointException("BadParameter", who + ": the shape is null");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new FixpointException("BadParameter", who + ": shape " + Arrays.toString(shape)
                        + " has a negative dimension " + d);
            }
            size *= d;
            if (size > Integer.MAX_VALUE - 8) {
                throw new FixpointException("BadParameter", who + ": shape " + Arrays.toString(shape)
                        + " has more than 2^31 elements");
            }
        }
        return shape;
    }

    /** @return the number of elements of a valid shape */
    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** @throws FixpointException {@code [fixpoint/BadParameter]} unless {@code value ≥ min} */
    static int atLeast(String who, String parameter, int value, int min) {
        if (value < min) {
            throw new FixpointException("BadParameter", who + ": " + parameter + " = " + value + " must be ≥ " + min);
        }
        return value;
    }
}
