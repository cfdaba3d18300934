package dev.fixpoint.core.bootstrap;

import dev.fixpoint.core.FixpointException;

/** Thrown in strict mode when a plugin fails to load, or when loaded plugins conflict. */
public class PluginLoadException extends FixpointException {
    private static final long serialVersionUID = 1L;

    PluginLoadException(String message, Throwable cause) {
        super("PluginLoad", message, cause);
    }
}
