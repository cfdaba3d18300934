package dev.fixpoint.core.linalg;

import dev.fixpoint.core.FixpointException;

/** Thrown when the requested backend name is unknown or its provider is not available. */
public class UnknownBackendException extends FixpointException {
    private static final long serialVersionUID = 1L;

    UnknownBackendException(String message) {
        super("UnknownBackend", message);
    }
}
