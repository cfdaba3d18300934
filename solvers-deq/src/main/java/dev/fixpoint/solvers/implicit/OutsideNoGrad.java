package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.NoGrad;
import java.util.function.Supplier;

/**
 * Runs a computation that must record on its own tape even when the caller is inside a
 * {@link NoGrad} scope: a backward sweep or a forward-mode sweep of an outer tape calling the
 * derivative rule of an implicit solution. Recording is resumed ({@link NoGrad#resume()}) for the
 * computation and the caller's scopes are restored afterwards.
 */
final class OutsideNoGrad {
    private OutsideNoGrad() {
    }

    static <T> T run(Supplier<T> computation) {
        try (NoGrad on = NoGrad.resume()) {
            return computation.get();
        }
    }
}
