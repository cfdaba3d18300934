package dev.fixpoint.core.linalg;

/**
 * What backend selection found out about one {@link dev.fixpoint.core.spi.BackendProvider}.
 *
 * @param name        provider name
 * @param priority    provider priority
 * @param description provider description
 * @param probed      whether it was loaded and self-tested; when a backend is requested by name, the
 *                    others are not loaded (another native BLAS in the process could take over the
 *                    requested library's symbols)
 * @param available   whether its natives loaded and the self-test passed (false if not probed)
 * @param chosen      whether it is the selected backend
 * @param reason      why it was chosen, why it is unavailable, or why another was preferred
 */
public record ProviderStatus(String name, int priority, String description, boolean probed, boolean available,
                             boolean chosen, String reason) {
}
