package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.NoGrad;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a computation that must record on its own tape even when the caller is inside a
 * {@link NoGrad} scope (which is per thread): a backward sweep or a forward-mode sweep of an outer
 * tape calling the derivative rule of an implicit solution. Outside such a scope the computation runs
 * on the caller's thread; inside it, on a daemon helper thread while the caller waits.
 */
final class OutsideNoGrad {
    private static final ExecutorService HELPER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixpoint-implicit-recording");
        t.setDaemon(true);
        return t;
    });

    private OutsideNoGrad() {
    }

    static <T> T run(Supplier<T> computation) {
        if (NoGrad.recording()) {
            return computation.get();
        }
        try {
            return HELPER.submit(computation::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while differentiating implicitly", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
