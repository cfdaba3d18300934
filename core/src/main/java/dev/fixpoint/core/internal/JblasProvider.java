package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;

/**
 * Provider of the jblas backend (jblas 1.2.5 with its bundled OpenBLAS; needs {@code libgfortran5}).
 * Priority 200: the default when the system-OpenBLAS plugin is absent or unavailable.
 */
public final class JblasProvider implements BackendProvider {
    @Override
    public String name() {
        return "jblas";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public String description() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return "jblas 1.2.5, bundled single-threaded OpenBLAS (needs libgfortran5); OPENBLAS_CORETYPE="
                + (core == null ? "unset (may misdetect AVX-512 CPUs as an old core: about half speed)" : core);
    }

    @Override
    public LinearAlgebraBackend load() {
        return JblasBackend.load();
    }
}
