package dev.fixpoint.core.suite;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.io.AtomicFiles;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteParameter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link Suite}: resolves its parameters (defaults, then the quick profile if asked, then
 * the caller's overrides), validates them, creates the output folder, runs the suite and writes
 * {@code metrics.csv} and {@code report.json} next to the suite's own artifacts (atomically).
 */
public final class SuiteRunner {
    private final LinearAlgebraBackend backend;
    private final ProgressListener progress;

    /**
     * @param backend  the backend handed to suites
     * @param progress where suites report progress
     */
    @Inject
    public SuiteRunner(LinearAlgebraBackend backend, ProgressListener progress) {
        this.backend = Objects.requireNonNull(backend);
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * Resolves and validates parameter values.
     *
     * @param suite     the suite
     * @param overrides name → value as text, from the user
     * @param quick     whether to apply the suite's quick profile under the overrides
     * @return name → parsed value ({@code Long}, {@code Double}, {@code Boolean}, {@code String}), in
     *         declaration order
     * @throws FixpointException {@code [fixpoint/BadParameter]} for an unknown name (listing the
     *         suite's parameters) or a value of the wrong type
     */
    public static Map<String, Object> resolve(Suite suite, Map<String, String> overrides, boolean quick) {
        Map<String, SuiteParameter> declared = new LinkedHashMap<>();
        suite.parameters().forEach(p -> declared.put(p.name(), p));
        Map<String, String> text = new LinkedHashMap<>();
        declared.values().forEach(p -> text.put(p.name(), p.defaultValue()));
        if (quick) {
            suite.quickProfile().forEach((k, v) -> {
                if (!declared.containsKey(k)) {
                    throw new IllegalStateException("suite " + suite.name() + " has a quick-profile value for undeclared parameter " + k);
                }
                text.put(k, v);
            });
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                throw new FixpointException("BadParameter", "suite '" + suite.name() + "' has no parameter '"
                        + e.getKey() + "'; its parameters are: " + (declared.isEmpty() ? "(none)"
                        : String.join(", ", declared.values().stream().map(SuiteParameter::toString).toList())));
            }
            text.put(e.getKey(), e.getValue());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        text.forEach((k, v) -> values.put(k, declared.get(k).parse(v)));
        return values;
    }

    /**
     * Runs a suite.
     *
     * @param suite     the suite
     * @param overrides parameter values given by the user (name → text)
     * @param quick     whether to start from the suite's quick profile
     * @param outputDirectory where artifacts go; created if missing
     * @return the report, including the {@code metrics.csv} and {@code report.json} artifacts
     * @throws FixpointException {@code [fixpoint/SuiteFailed]} wrapping whatever the suite threw
     */
    public Report run(Suite suite, Map<String, String> overrides, boolean quick, Path outputDirectory)
            throws IOException {
        Map<String, Object> values = resolve(suite, overrides, quick);
        Files.createDirectories(outputDirectory);
        Path out = outputDirectory.toAbsolutePath();
        RunContext context = new RunContext(suite, values, quick, out, progress, backend);
        Report report;
        progress.begin(suite.name(), -1);
        try {
            report = suite.run(context);
        } catch (FixpointException e) {
            throw e;
        } catch (Exception e) {
            throw new FixpointException("SuiteFailed", "suite '" + suite.name() + "' failed: " + e, e);
        } finally {
            progress.end();
        }
        if (report == null || !report.suite().equals(suite.name())) {
            throw new IllegalStateException("suite " + suite.name() + " returned a report for "
                    + (report == null ? "nothing" : report.suite()));
        }
        Path csv = AtomicFiles.writeString(out.resolve("metrics.csv"), ReportFormats.csv(report));
        report = report.withArtifact(new Report.Artifact(csv, "metrics table (CSV)"));
        Path json = out.resolve("report.json");
        Report withJson = report.withArtifact(new Report.Artifact(json, "report with parameters (JSON)"));
        AtomicFiles.writeString(json, ReportFormats.json(withJson, values, backend.name()));
        return withJson;
    }
}
