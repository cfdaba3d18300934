package dev.fixpoint.core;

/**
 * Base of fixpoint's user-facing errors. The message starts with a stable identifier in brackets,
 * {@code [fixpoint/<Id>]}, followed by what went wrong and what to do about it, so that errors can be
 * searched for and matched by tools.
 */
public class FixpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String id;

    /**
     * @param id      stable identifier without prefix, e.g. {@code "ShapeMismatch"}
     * @param message the explanation; the {@code [fixpoint/id]} prefix is added
     */
    public FixpointException(String id, String message) {
        super("[fixpoint/" + id + "] " + message);
        this.id = id;
    }

    /** Same as {@link #FixpointException(String, String)} with a cause. */
    public FixpointException(String id, String message, Throwable cause) {
        super("[fixpoint/" + id + "] " + message, cause);
        this.id = id;
    }

    /** @return the stable identifier, e.g. {@code "ShapeMismatch"} */
    public String id() {
        return id;
    }
}
