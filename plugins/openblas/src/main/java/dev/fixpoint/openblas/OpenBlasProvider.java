package dev.fixpoint.openblas;

import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Provides the {@code "openblas"} backend: the system OpenBLAS ({@value OpenBlasLibrary#LIBRARY}, Debian
 * package {@value OpenBlasLibrary#PACKAGE}) reached through {@code dev.ludovic.netlib}'s JNI bindings.
 * Priority 300, so it wins over core's jblas (200) and pure-Java (100) backends whenever the library
 * loads.
 *
 * <p>Registered in {@code META-INF/services/dev.fixpoint.core.spi.BackendProvider}; the host calls
 * {@link #load()}, self-tests the result, and selects it by priority or by name
 * ({@code -Dfixpoint.backend=openblas}). OpenBLAS's own thread pool is sized by
 * {@code OPENBLAS_NUM_THREADS} (else {@code OMP_NUM_THREADS}, else one thread per core).
 */
public final class OpenBlasProvider implements BackendProvider {
    /** The provider name used for selection. */
    public static final String NAME = "openblas";
    /** The selection priority. */
    public static final int PRIORITY = 300;

    /** Creates the provider; cheap, loads nothing (ServiceLoader needs this constructor). */
    public OpenBlasProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * @return the library file (resolved on the usual library paths, nothing is loaded) and the number
     *         of threads OpenBLAS will use, e.g. {@code "system OpenBLAS via dev.ludovic.netlib JNI:
     *         /usr/lib/x86_64-linux-gnu/libopenblas.so.0 → …/libopenblasp-r0.3.21.so, 2 threads (one per core)"}
     */
    @Override
    public String description() {
        Optional<Path> library = OpenBlasLibrary.locate();
        String where = library.map(OpenBlasLibrary::describe)
                .orElse(OpenBlasLibrary.requested() + " not found (apt-get install " + OpenBlasLibrary.PACKAGE + ")");
        return "system OpenBLAS via dev.ludovic.netlib JNI: " + where + ", " + threads();
    }

    /**
     * Loads the native library (once per class loader) and returns a backend over it.
     *
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/NativeLibraryMissing]} saying which
     *         library is missing or why it did not bind, with the underlying error as cause
     */
    @Override
    public LinearAlgebraBackend load() {
        return new OpenBlasBackend(OpenBlasLibrary.blas(), new OpenBlasLapack(OpenBlasLibrary.lapack()));
    }

    private static String threads() {
        for (String variable : new String[]{"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.trim() + " threads (" + variable + ")";
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return cores + (cores == 1 ? " thread" : " threads") + " (one per core; set OPENBLAS_NUM_THREADS to change)";
    }
}
