package dev.fixpoint.core.spi;

import dev.fixpoint.core.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * What a running {@link Suite} gets from the host: typed parameter values, the output folder, the
 * progress listener and the linear-algebra backend. Implemented by the host
 * ({@link dev.fixpoint.core.suite.SuiteRunner}).
 */
public interface SuiteContext {

    /** Writes the content of an artifact to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    interface ArtifactContent {
        /** @param out the stream to write to */
        void writeTo(OutputStream out) throws IOException;
    }

    /** @return true when running the quick profile (demo or integration test) */
    boolean quick();

    /** @return an integer parameter's value; throws if the suite did not declare it as integer */
    long integer(String name);

    /** @return a real parameter's value */
    double real(String name);

    /** @return a boolean parameter's value */
    boolean flag(String name);

    /** @return a text or choice parameter's value */
    String text(String name);

    /** @return the folder artifacts go to (exists) */
    Path outputDirectory();

    /** @return where to report progress; silent unless the caller shows it */
    ProgressListener progress();

    /** @return the selected linear-algebra backend */
    LinearAlgebraBackend backend();

    /**
     * Writes an artifact atomically: content goes to a temporary file in the output folder, which is
     * moved into place when complete, so an interrupted run never leaves a half-written file.
     *
     * @param fileName file name inside the output folder, e.g. {@code "residuals.png"}
     * @param caption  one line shown under the artifact in reports
     * @param content  writes the bytes
     * @return the artifact, to add to the {@link Report}
     */
    Report.Artifact writeArtifact(String fileName, String caption, ArtifactContent content) throws IOException;
}
