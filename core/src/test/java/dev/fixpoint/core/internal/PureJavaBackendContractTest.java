package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.LinearAlgebraBackendContract;

/** Runs the backend contract on {@link PureJavaBackend}. */
class PureJavaBackendContractTest extends LinearAlgebraBackendContract {
    @Override
    protected LinearAlgebraBackend createBackend() {
        return new PureJavaProvider().load();
    }

    @Override
    protected String backendName() {
        return "java";
    }
}
