package dev.fixpoint.core.suite;

import dev.fixpoint.core.FixpointException;

/** Thrown when a suite name is not registered; the message lists the known suites. */
public class UnknownSuiteException extends FixpointException {
    private static final long serialVersionUID = 1L;

    UnknownSuiteException(String message) {
        super("UnknownSuite", message);
    }
}
