package dev.fixpoint.core;

import java.util.Arrays;

/** Thrown when the shapes of operands do not fit an operation; the message names both shapes. */
public class ShapeMismatchException extends FixpointException {
    private static final long serialVersionUID = 1L;

    /**
     * @param operation what was attempted, e.g. {@code "matmul"}
     * @param left      shape of the first operand
     * @param right     shape of the second operand
     * @param rule      the rule that was violated, e.g. {@code "columns of the left must equal rows of the right"}
     */
    public ShapeMismatchException(String operation, int[] left, int[] right, String rule) {
        super("ShapeMismatch", operation + ": shapes " + Arrays.toString(left) + " and "
                + Arrays.toString(right) + " do not fit (" + rule + ")");
    }

    /** For single-operand problems (bad reshape, bad axis): the message is used as given. */
    public ShapeMismatchException(String message) {
        super("ShapeMismatch", message);
    }
}
