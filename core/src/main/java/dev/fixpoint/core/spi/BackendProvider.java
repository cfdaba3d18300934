package dev.fixpoint.core.spi;

/**
 * A source of {@link LinearAlgebraBackend}s, found with {@link java.util.ServiceLoader}
 * (register the implementation in {@code META-INF/services/dev.fixpoint.core.spi.BackendProvider}).
 *
 * <p>The host calls {@link #load()} at most once per selection, then runs a numerical self-test on
 * the result; a provider is <em>available</em> when {@code load()} returns and the self-test
 * passes. Among available providers the host picks the one named by {@code -Dfixpoint.backend=}
 * or {@code FIXPOINT_BACKEND}, else the one with the highest {@link #priority()}.
 *
 * <p>Built-in priorities: {@code openblas} 300 (system OpenBLAS, plugins/openblas), {@code jblas} 200
 * (core's default), {@code java} 100 (pure-Java fallback, always available).
 */
public interface BackendProvider {

    /** @return a stable lowercase name, used for selection, e.g. {@code "jblas"} */
    String name();

    /** @return the selection priority; higher wins among available providers */
    int priority();

    /** @return one line for {@code fixpoint info}: what library it uses and how it is reached */
    String description();

    /**
     * Loads native code if any and creates the backend. Must not print; failures are thrown and
     * reported by the host as the reason the provider is unavailable.
     *
     * @return a ready backend
     * @throws Exception with a message saying what is missing (library, CPU feature, …)
     */
    LinearAlgebraBackend load() throws Exception;
}
