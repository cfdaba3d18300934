package dev.fixpoint.cli;

/** The exit codes of the {@code fixpoint} command. */
final class ExitCodes {
    /** Everything ran and every metric met its target. */
    static final int OK = 0;
    /** A metric missed its target, or a suite / measurement failed. */
    static final int FAILED = 1;
    /** The command line was wrong: unknown suite, backend or option, bad parameter value. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
