package dev.fixpoint.core.bootstrap;

/**
 * The outcome of loading one plugin.
 *
 * @param id          the plugin id, or its class name if it failed before an id was known
 * @param version     the plugin version, empty if unknown
 * @param description the plugin's one-line description, empty if unknown
 * @param loaded      whether it is part of the running injector
 * @param suites      names of the suites it contributes through {@code suites()} (empty if it failed)
 * @param failure     why it failed (empty when loaded)
 * @param cause       the exception that made it fail, or null
 */
public record PluginStatus(String id, String version, String description, boolean loaded,
                           java.util.List<String> suites, String failure, Throwable cause) {
    /** Copies the suite list. */
    public PluginStatus {
        suites = java.util.List.copyOf(suites);
    }
}
