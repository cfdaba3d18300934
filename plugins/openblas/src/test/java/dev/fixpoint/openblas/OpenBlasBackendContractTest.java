package dev.fixpoint.openblas;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.LinearAlgebraBackendContract;

/**
 * Runs the published backend contract on the OpenBLAS backend. Fails (rather than skips) when
 * {@code libopenblas.so.0} is missing: this module exists to provide that backend.
 */
class OpenBlasBackendContractTest extends LinearAlgebraBackendContract {

    @Override
    protected LinearAlgebraBackend createBackend() throws Exception {
        return new OpenBlasProvider().load();
    }

    @Override
    protected String backendName() {
        return OpenBlasProvider.NAME;
    }
}
