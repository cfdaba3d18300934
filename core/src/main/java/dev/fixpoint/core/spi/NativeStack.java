package dev.fixpoint.core.spi;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs native calls on threads with a large stack, for backend providers.
 *
 * <p>Java threads have small stacks (1 MiB by default on Linux x86-64, ForkJoin workers included),
 * while multithreaded OpenBLAS keeps per-thread job tables of several MiB on the caller's stack in
 * some LAPACK drivers (its parallel LU behind {@code DGESV}, for example). Called from an ordinary
 * Java thread such a routine overflows the stack and kills the JVM with SIGSEGV (measured: the
 * contract's {@code gesv} with n = 50 crashed at 1 and 2 MiB, ran at 4 MiB). Providers therefore
 * run those calls through {@link #call(IntSupplier)}, which executes them on a pool of daemon threads
 * with a {@value #STACK_MIB} MiB stack and returns the result; a call made on such a thread already
 * runs in place. The hand-off costs a few microseconds, negligible next to a factorisation.
 */
public final class NativeStack {
    /** Stack size of the native-call threads, in MiB. */
    public static final int STACK_MIB = 64;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new LargeStackThread(r, "fixpoint-native-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private NativeStack() {
    }

    /** Marker type, so nested calls run in place. */
    private static final class LargeStackThread extends Thread {
        LargeStackThread(Runnable r, String name) {
            super(null, r, name, (long) STACK_MIB << 20);
        }
    }

    /**
     * Runs {@code nativeCall} on a large-stack thread and returns its result (typically LAPACK's INFO).
     * Runtime exceptions and errors thrown by the call are rethrown unchanged in the caller's thread.
     *
     * @throws IllegalStateException if the caller is interrupted while waiting; the interrupt flag is kept
     */
    public static int call(IntSupplier nativeCall) {
        if (Thread.currentThread() instanceof LargeStackThread) {
            return nativeCall.getAsInt();
        }
        Future<Integer> f = POOL.submit(nativeCall::getAsInt);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // a native call cannot be abandoned halfway: its arrays are still being written
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
