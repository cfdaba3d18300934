package dev.fixpoint.autodiff;

/**
 * How a 2-D convolution ({@link Ops#conv2d}) pads its input. With input height {@code H}, kernel
 * height {@code kh} and stride {@code s} (likewise for widths), the output height is
 * <ul>
 *   <li>{@link Mode#ZERO ZERO} with {@code size p}: {@code p} zero rows/columns on every side,
 *       {@code OH = ⌊(H + 2p − kh) / s⌋ + 1};</li>
 *   <li>{@link Mode#VALID VALID}: no padding, {@code OH = ⌊(H − kh) / s⌋ + 1};</li>
 *   <li>{@link Mode#SAME SAME}: {@code OH = ⌈H / s⌉}, padding with zeros as needed,
 *       {@code total = max((OH − 1)·s + kh − H, 0)} split as {@code ⌊total/2⌋} before and the rest
 *       after (the TensorFlow convention; with stride 1 and odd {@code kh}, symmetric).</li>
 * </ul>
 *
 * @param mode the mode
 * @param size the padding on every side for {@link Mode#ZERO} (≥ 0); 0 for the other modes
 */
public record Padding(Mode mode, int size) {
    /** The padding modes. */
    public enum Mode { ZERO, VALID, SAME }

    /** No padding. */
    public static final Padding VALID = new Padding(Mode.VALID, 0);
    /** Output of size ⌈input / stride⌉. */
    public static final Padding SAME = new Padding(Mode.SAME, 0);

    /** Validates the components. */
    public Padding {
        if (mode == null) {
            throw new IllegalArgumentException("padding mode must not be null (ZERO, VALID or SAME)");
        }
        if (size < 0 || (mode != Mode.ZERO && size != 0)) {
            throw new IllegalArgumentException("padding size must be ≥ 0, and 0 unless the mode is ZERO; got "
                    + mode + " with size " + size);
        }
    }

    /** @return {@code p} zeros on every side */
    public static Padding zero(int p) {
        return new Padding(Mode.ZERO, p);
    }

    /**
     * @return padding {@code [before, after]} along an axis of length {@code n} for a kernel of
     *         length {@code k} and stride {@code stride}
     */
    public int[] along(int n, int k, int stride) {
        return switch (mode) {
            case ZERO -> new int[]{size, size};
            case VALID -> new int[]{0, 0};
            case SAME -> {
                int out = (n + stride - 1) / stride;
                int total = Math.max((out - 1) * stride + k - n, 0);
                yield new int[]{total / 2, total - total / 2};
            }
        };
    }
}
