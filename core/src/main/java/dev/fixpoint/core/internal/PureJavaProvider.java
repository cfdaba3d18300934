package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;

/** Provider of the pure-Java backend: always available, the fallback. Priority 100. */
public final class PureJavaProvider implements BackendProvider {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "pure Java (blocked loops, multithreaded gemm; LAPACK routines in Java); no native code";
    }

    @Override
    public LinearAlgebraBackend load() {
        return new PureJavaBackend();
    }
}
