package dev.fixpoint.core.spi;

import java.util.List;
import java.util.Map;

/**
 * A named, parameterised domain run (for example {@code "ct-shepp-logan"}) that produces a
 * {@link Report}: a table of metrics plus artifacts (PNG, CSV, JSON) written to an output folder.
 *
 * <p>The CLI runs suites with {@code fixpoint run NAME --param k=v}; {@code fixpoint demo} runs
 * every suite with its {@link #quickProfile()}; integration tests run reduced versions. A suite
 * reads its parameters, output folder and progress listener from the {@link SuiteContext}; it
 * writes artifacts only through {@link SuiteContext#writeArtifact}, which is atomic.
 */
public interface Suite {

    /** @return a stable lowercase name with dashes, unique across plugins, e.g. {@code "core-selfcheck"} */
    String name();

    /** @return one or two sentences: what is run and what the metrics mean */
    String description();

    /** @return the parameters this suite accepts, each with type, default and description */
    default List<SuiteParameter> parameters() {
        return List.of();
    }

    /**
     * @return parameter overrides (name → value as text) giving a run of a few seconds for demos;
     * empty means the defaults are already quick
     */
    default Map<String, String> quickProfile() {
        return Map.of();
    }

    /**
     * Runs the suite.
     *
     * @param context parameters (validated and typed), output folder, progress
     * @return the report; its metrics are also written to {@code metrics.csv} and {@code report.json}
     * @throws Exception any failure, reported to the user with the suite's name
     */
    Report run(SuiteContext context) throws Exception;
}
