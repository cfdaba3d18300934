package dev.fixpoint.openblas;

import dev.fixpoint.core.FixpointException;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Points {@code dev.ludovic.netlib} at the system OpenBLAS and initialises its JNI bindings, once
 * per class loader.
 *
 * <p>netlib dlopens the library named by the system property {@code dev.ludovic.netlib.blas.nativeLib}
 * (default {@code libblas.so.3}, which on Debian may be the slow reference BLAS through the
 * alternatives system) or the file named by {@code dev.ludovic.netlib.blas.nativeLibPath}; likewise for
 * LAPACK. Unless the user set one of them, this class sets both {@code nativeLib} properties to
 * {@value #LIBRARY} before netlib's classes are first touched. If another component initialised netlib
 * earlier in the same JVM, its choice stands (netlib initialises once).
 *
 * <p>netlib reports through {@code java.util.logging}; the {@code dev.ludovic.netlib} logger is set to
 * {@code SEVERE} (unless configured otherwise) so that its fallback warnings are not printed.
 */
final class OpenBlasLibrary {
    /** The shared object fixpoint asks netlib to load. */
    static final String LIBRARY = "libopenblas.so.0";
    /** The Debian/Ubuntu package that provides {@value #LIBRARY}. */
    static final String PACKAGE = "libopenblas0-pthread";

    static final String BLAS_LIB = "dev.ludovic.netlib.blas.nativeLib";
    static final String BLAS_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
    static final String LAPACK_LIB = "dev.ludovic.netlib.lapack.nativeLib";
    static final String LAPACK_PATH = "dev.ludovic.netlib.lapack.nativeLibPath";

    /** netlib's JNI class; initialising it directly surfaces the real load error, which netlib swallows. */
    private static final String JNI_BLAS_CLASS = "dev.ludovic.netlib.blas.JNIBLAS";
    private static final String JNI_LAPACK_CLASS = "dev.ludovic.netlib.lapack.JNILAPACK";

    /** Held so that the level set on it is not lost when the logger is garbage collected. */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");

    private static NativeBLAS blas;
    private static NativeLAPACK lapack;
    private static FixpointException failure;

    private OpenBlasLibrary() {
    }

    /** @return netlib's JNI BLAS bound to OpenBLAS */
    static synchronized NativeBLAS blas() {
        initialise();
        return blas;
    }

    /** @return netlib's JNI LAPACK bound to OpenBLAS */
    static synchronized NativeLAPACK lapack() {
        initialise();
        return lapack;
    }

    /**
     * @return the file the dynamic linker would most likely load for the BLAS, if it can be found on
     *         the usual library paths (a cheap file-system lookup; nothing is loaded)
     */
    static Optional<Path> locate() {
        String path = System.getProperty(BLAS_PATH);
        if (path != null && !path.isBlank()) {
            Path p = Path.of(path);
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        String name = System.getProperty(BLAS_LIB, LIBRARY);
        for (String dir : searchPath()) {
            Path p = Path.of(dir, name);
            if (Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return {@code path → real path} if it is a link, else {@code path} */
    static String describe(Path path) {
        try {
            Path real = path.toRealPath();
            return real.equals(path) ? path.toString() : path + " → " + real;
        } catch (IOException e) {
            return path.toString();
        }
    }

    private static void initialise() {
        if (blas != null) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        configure();
        try {
            initialiseClass(JNI_BLAS_CLASS);
            initialiseClass(JNI_LAPACK_CLASS);
            NativeBLAS b = NativeBLAS.getInstance();
            NativeLAPACK l = NativeLAPACK.getInstance();
            blas = b;
            lapack = l;
        } catch (RuntimeException | LinkageError e) {
            failure = explain(e);
            throw failure;
        }
    }

    private static void configure() {
        if (NETLIB_LOGGER.getLevel() == null) {
            NETLIB_LOGGER.setLevel(Level.SEVERE);
        }
        defaultProperty(BLAS_LIB, BLAS_PATH);
        defaultProperty(LAPACK_LIB, LAPACK_PATH);
    }

    private static void defaultProperty(String lib, String path) {
        if (System.getProperty(lib) == null && System.getProperty(path) == null) {
            System.setProperty(lib, LIBRARY);
        }
    }

    private static void initialiseClass(String name) {
        try {
            Class.forName(name, true, NativeBLAS.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // a netlib version without this class: getInstance() below reports the failure, less precisely
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(name + " failed to initialise: " + cause.getMessage(), cause);
        }
    }

    /** @return the library file or name netlib will be (or was) asked to load for BLAS */
    static String requested() {
        String path = System.getProperty(BLAS_PATH);
        return path != null && !path.isBlank() ? path : System.getProperty(BLAS_LIB, LIBRARY);
    }

    private static FixpointException explain(Throwable cause) {
        String requested = requested();
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            return new FixpointException("NativeLibraryMissing", requested + " not found: apt-get install "
                    + PACKAGE + " (or set -D" + BLAS_PATH + "=/path/to/libopenblas.so and -D" + LAPACK_PATH
                    + "=…); searched " + searchPath(), cause);
        }
        return new FixpointException("NativeLibraryMissing", "found " + describe(found.get())
                + " but dev.ludovic.netlib could not bind to it: " + cause.getMessage()
                + " (reinstall " + PACKAGE + ", or check that it matches this JVM's architecture "
                + System.getProperty("os.arch") + ")", cause);
    }

    private static List<String> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        addAll(dirs, System.getenv("LD_LIBRARY_PATH"));
        addAll(dirs, System.getProperty("java.library.path"));
        String triplet = multiarchTriplet();
        dirs.add("/usr/lib/" + triplet);
        dirs.add("/lib/" + triplet);
        dirs.add("/usr/lib64");
        dirs.add("/usr/local/lib");
        dirs.add("/usr/lib");
        dirs.add("/lib");
        return new ArrayList<>(dirs);
    }

    private static void addAll(Set<String> dirs, String pathList) {
        if (pathList == null) {
            return;
        }
        for (String d : pathList.split(File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(d);
            }
        }
    }

    private static String multiarchTriplet() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
                return "x86_64-linux-gnu";
            case "aarch64":
                return "aarch64-linux-gnu";
            default:
                return arch + "-linux-gnu";
        }
    }
}
