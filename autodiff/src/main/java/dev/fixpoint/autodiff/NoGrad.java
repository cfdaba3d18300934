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
 *
 * <p>{@link #resume()} is the opposite scope: recording on again, on this thread, until it is closed.
 * Operations whose derivative rule records a private tape of its own (implicit layers, equilibrium
 * layers: their VJP linearises a function at the solution) use it, because the tape runs every VJP
 * inside a no-grad scope.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private final int[] depth;
    private final int restore;
    private boolean closed;

    private NoGrad(int[] depth, int restore) {
        this.depth = depth;
        this.restore = restore;
    }

    /** @return a scope that ends recording on this thread until closed */
    public static NoGrad enter() {
        int[] d = DEPTH.get();
        d[0]++;
        return new NoGrad(d, d[0] - 1);
    }

    /**
     * @return a scope in which operations on this thread are recorded again, whatever no-grad scopes
     *         enclose it; closing it restores them. Scopes must be closed in reverse order of entry.
     */
    public static NoGrad resume() {
        int[] d = DEPTH.get();
        int saved = d[0];
        d[0] = 0;
        return new NoGrad(d, saved);
    }

    /** @return true when operations on this thread are being recorded (no enclosing scope) */
    public static boolean recording() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0] = restore;
        }
    }
}
