package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.LinearAlgebraBackendContract;

/**
 * Runs the backend contract on {@link JblasBackend}; skipped when jblas' natives do not load,
 * unless {@code jblas} is listed in {@code -Dfixpoint.requireBackends} / {@code FIXPOINT_REQUIRE_BACKENDS}.
 */
class JblasBackendContractTest extends LinearAlgebraBackendContract {
    @Override
    protected LinearAlgebraBackend createBackend() {
        return new JblasProvider().load();
    }

    @Override
    protected String backendName() {
        return "jblas";
    }
}
