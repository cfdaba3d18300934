package dev.fixpoint.core.linalg;

/**
 * What backend selection found out about one {@link dev.fixpoint.core.spi.BackendProvider}.
 *
 * @param name        provider name
 * @param priority    provider priority
 * @param description provider description
 * @param available   whether its natives loaded and the self-test passed
 * @param chosen      whether it is the selected backend
 * @param reason      why it was chosen, why it is unavailable, or why another was preferred
 */
public record ProviderStatus(String name, int priority, String description, boolean available,
                             boolean chosen, String reason) {
}
