package dev.fixpoint.core;

/**
 * Receives progress of long work (suites, training, calibration). Libraries report through an
 * injected listener and never print; the CLI renders a progress bar, tests use {@link #SILENT}.
 *
 * <p>Calls come from the working thread; implementations must be cheap and must not throw.
 * A task is {@link #begin begun}, {@link #advance advanced} by units of work and {@link #end ended};
 * tasks may nest (a suite step inside a suite).
 */
public interface ProgressListener {

    /** A listener that ignores everything: the default for libraries and tests. */
    ProgressListener SILENT = new ProgressListener() { };

    /**
     * @param task       short human-readable name of the work
     * @param totalUnits number of units expected, or {@code -1} if unknown
     */
    default void begin(String task, long totalUnits) { }

    /** @param units units completed since the last call (≥ 0) */
    default void advance(long units) { }

    /** @param message a short status line (e.g. current residual), shown next to the bar */
    default void status(String message) { }

    /** Ends the innermost task begun. */
    default void end() { }
}
