package dev.fixpoint.core.suite;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.io.AtomicFiles;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@link SuiteContext} handed to a suite by {@link SuiteRunner}. */
final class RunContext implements SuiteContext {
    private final Suite suite;
    private final Map<String, Object> values;
    private final boolean quick;
    private final Path out;
    private final ProgressListener progress;
    private final LinearAlgebraBackend backend;

    RunContext(Suite suite, Map<String, Object> values, boolean quick, Path out,
               ProgressListener progress, LinearAlgebraBackend backend) {
        this.suite = suite;
        this.values = values;
        this.quick = quick;
        this.out = out;
        this.progress = progress;
        this.backend = backend;
    }

    private <T> T value(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("suite " + suite.name() + " did not declare parameter '" + name
                    + "'; declared: " + values.keySet());
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' of suite " + suite.name() + " is a "
                    + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public boolean quick() {
        return quick;
    }

    @Override
    public long integer(String name) {
        return value(name, Long.class);
    }

    @Override
    public double real(String name) {
        return value(name, Double.class);
    }

    @Override
    public boolean flag(String name) {
        return value(name, Boolean.class);
    }

    @Override
    public String text(String name) {
        return value(name, String.class);
    }

    @Override
    public Path outputDirectory() {
        return out;
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }

    @Override
    public LinearAlgebraBackend backend() {
        return backend;
    }

    @Override
    public Report.Artifact writeArtifact(String fileName, String caption, ArtifactContent content) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("artifact file name '" + fileName
                    + "' must be a plain file name inside the output folder");
        }
        Path target = out.resolve(fileName);
        AtomicFiles.write(target, content::writeTo);
        return new Report.Artifact(target, caption);
    }
}
