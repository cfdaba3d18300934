package dev.fixpoint.autodiff;

/**
 * A scope in which operations are not recorded (evaluation, optimiser updates, line searches):
 * outputs are constants and nothing is kept for backward. Scopes nest; they are per thread.
 *
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *     Var prediction = model.apply(x);   // not recorded
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private final int[] depth;
    private boolean closed;

    private NoGrad(int[] depth) {
        this.depth = depth;
    }

    /** @return a scope that ends recording on this thread until closed */
    public static NoGrad enter() {
        int[] d = DEPTH.get();
        d[0]++;
        return new NoGrad(d);
    }

    /** @return true when operations on this thread are being recorded (no enclosing scope) */
    public static boolean recording() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
