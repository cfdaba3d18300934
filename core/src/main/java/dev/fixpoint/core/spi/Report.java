package dev.fixpoint.core.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Suite} run produced: a table of metrics and the artifacts written to the output
 * folder. Immutable; build with {@link #builder(String)}.
 */
public final class Report {

    /**
     * One row of the metrics table.
     *
     * @param name   what was measured, e.g. {@code "relative residual"}
     * @param value  the measured value (may be NaN only when {@code passed} is false)
     * @param unit   unit of {@code value}, empty if dimensionless
     * @param target the acceptance criterion as text, e.g. {@code "≤ 1e-10"}; empty if none
     * @param passed whether the criterion holds (true when there is none)
     */
    public record Metric(String name, double value, String unit, String target, boolean passed) {
        /** Validates the fields. */
        public Metric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A file written by the suite.
     *
     * @param path    absolute path of the file
     * @param caption one line describing it
     */
    public record Artifact(Path path, String caption) {
        /** Validates the fields. */
        public Artifact {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(caption, "caption");
        }

        /** @return the lowercase file extension, e.g. {@code "png"} */
        public String kind() {
            String n = path.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String suite;
    private final String summary;
    private final List<Metric> metrics;
    private final List<Artifact> artifacts;

    private Report(String suite, String summary, List<Metric> metrics, List<Artifact> artifacts) {
        this.suite = suite;
        this.summary = summary;
        this.metrics = Collections.unmodifiableList(new ArrayList<>(metrics));
        this.artifacts = Collections.unmodifiableList(new ArrayList<>(artifacts));
    }

    /** @return a builder for the named suite's report */
    public static Builder builder(String suite) {
        return new Builder(suite);
    }

    /** @return the suite name */
    public String suite() {
        return suite;
    }

    /** @return a sentence summarising the run */
    public String summary() {
        return summary;
    }

    /** @return the metrics table, in insertion order */
    public List<Metric> metrics() {
        return metrics;
    }

    /** @return the artifacts, in insertion order */
    public List<Artifact> artifacts() {
        return artifacts;
    }

    /** @return true if every metric with a target passed */
    public boolean passed() {
        return metrics.stream().allMatch(Metric::passed);
    }

    /** @return a copy of this report with one more artifact (used by the host for metrics.csv/report.json) */
    public Report withArtifact(Artifact artifact) {
        List<Artifact> a = new ArrayList<>(artifacts);
        a.add(artifact);
        return new Report(suite, summary, metrics, a);
    }

    /** Accumulates metrics and artifacts. Not thread-safe. */
    public static final class Builder {
        private final String suite;
        private String summary = "";
        private final List<Metric> metrics = new ArrayList<>();
        private final List<Artifact> artifacts = new ArrayList<>();

        private Builder(String suite) {
            this.suite = Objects.requireNonNull(suite, "suite");
        }

        /** Sets the one-sentence summary. */
        public Builder summary(String text) {
            this.summary = Objects.requireNonNull(text);
            return this;
        }

        /** Adds a metric without acceptance criterion. */
        public Builder metric(String name, double value, String unit) {
            metrics.add(new Metric(name, value, unit, "", true));
            return this;
        }

        /** Adds a metric with a criterion and whether it holds. */
        public Builder metric(String name, double value, String unit, String target, boolean passed) {
            metrics.add(new Metric(name, value, unit, target, passed));
            return this;
        }

        /** Adds a metric that must be at most {@code bound} (NaN fails). */
        public Builder metricAtMost(String name, double value, String unit, double bound) {
            return metric(name, value, unit, "≤ " + bound, value <= bound);
        }

        /** Adds a metric that must be at least {@code bound} (NaN fails). */
        public Builder metricAtLeast(String name, double value, String unit, double bound) {
            return metric(name, value, unit, "≥ " + bound, value >= bound);
        }

        /** Adds an artifact (normally the one returned by {@link SuiteContext#writeArtifact}). */
        public Builder artifact(Artifact artifact) {
            artifacts.add(Objects.requireNonNull(artifact));
            return this;
        }

        /** @return the report */
        public Report build() {
            return new Report(suite, summary, metrics, artifacts);
        }
    }
}
