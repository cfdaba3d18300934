package dev.fixpoint.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The message of a jblas loading failure says which system package to install. */
class JblasBackendLoadFailureTest {

    @Test
    void missingGfortranNamesThePackage() {
        String msg = JblasBackend.explain(new ExceptionInInitializerError(
                new UnsatisfiedLinkError("/tmp/jblas123/libjblas.so: libgfortran.so.5: cannot open shared object file")));
        assertTrue(msg.contains("libgfortran.so.5") && msg.contains("install libgfortran5"), msg);
    }

    @Test
    void missingQuadmathNamesThePackage() {
        String msg = JblasBackend.explain(new UnsatisfiedLinkError("libquadmath.so.0: cannot open shared object file"));
        assertTrue(msg.contains("install libquadmath0"), msg);
    }

    @Test
    void otherFailuresKeepTheOriginalMessage() {
        String msg = JblasBackend.explain(new UnsatisfiedLinkError("no jblas in java.library.path"));
        assertTrue(msg.contains("no jblas in java.library.path"), msg);
    }
}
