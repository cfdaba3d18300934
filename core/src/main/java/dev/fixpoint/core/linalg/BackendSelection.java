package dev.fixpoint.core.linalg;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of backend selection: the chosen backend, every provider's status (ordered by
 * priority, highest first) and the loaded backends of all available providers (for benchmarks and
 * contract tests). Immutable.
 */
public final class BackendSelection {
    private final LinearAlgebraBackend backend;
    private final List<ProviderStatus> statuses;
    private final Map<String, LinearAlgebraBackend> available;

    BackendSelection(LinearAlgebraBackend backend, List<ProviderStatus> statuses,
                     Map<String, LinearAlgebraBackend> available) {
        this.backend = backend;
        this.statuses = List.copyOf(statuses);
        this.available = Map.copyOf(available);
    }

    /** @return the chosen backend */
    public LinearAlgebraBackend backend() {
        return backend;
    }

    /** @return one status per discovered provider, highest priority first */
    public List<ProviderStatus> statuses() {
        return statuses;
    }

    /** @return the status of the chosen provider */
    public ProviderStatus chosen() {
        return statuses.stream().filter(ProviderStatus::chosen).findFirst().orElseThrow();
    }

    /** @return the backend of an available provider by name */
    public Optional<LinearAlgebraBackend> available(String name) {
        return Optional.ofNullable(available.get(name));
    }

    /** @return the names of available providers, highest priority first */
    public List<String> availableNames() {
        return statuses.stream().filter(ProviderStatus::available).map(ProviderStatus::name).toList();
    }
}
