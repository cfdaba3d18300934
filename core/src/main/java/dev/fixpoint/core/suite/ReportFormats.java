package dev.fixpoint.core.suite;

import dev.fixpoint.core.io.Json;
import dev.fixpoint.core.spi.Report;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Text forms of a {@link Report}: CSV of the metrics table, JSON of the whole report, and the
 * aligned plain-text table printed by the CLI.
 */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** @return the metrics as CSV with header {@code metric,value,unit,target,passed} */
    public static String csv(Report report) {
        StringBuilder sb = new StringBuilder("metric,value,unit,target,passed\n");
        for (Report.Metric m : report.metrics()) {
            sb.append(csvField(m.name())).append(',').append(Json.number(m.value()).replace("null", "NaN"))
                    .append(',').append(csvField(m.unit())).append(',').append(csvField(m.target()))
                    .append(',').append(m.passed()).append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * @param report     the report
     * @param parameters the resolved parameter values
     * @param backend    the backend name
     * @return the report as a JSON object
     */
    public static String json(Report report, Map<String, Object> parameters, String backend) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"suite\": ").append(Json.quote(report.suite())).append(",\n");
        sb.append("  \"summary\": ").append(Json.quote(report.summary())).append(",\n");
        sb.append("  \"backend\": ").append(Json.quote(backend)).append(",\n");
        sb.append("  \"passed\": ").append(report.passed()).append(",\n");
        StringJoiner params = new StringJoiner(", ", "{", "}");
        parameters.forEach((k, v) -> params.add(Json.quote(k) + ": " + (v instanceof Number n
                ? Json.number(n.doubleValue()) : v instanceof Boolean ? v.toString() : Json.quote(v.toString()))));
        sb.append("  \"parameters\": ").append(params).append(",\n");
        sb.append("  \"metrics\": [");
        StringJoiner ms = new StringJoiner(",\n    ", "\n    ", "\n  ");
        for (Report.Metric m : report.metrics()) {
            ms.add("{\"name\": " + Json.quote(m.name()) + ", \"value\": " + Json.number(m.value())
                    + ", \"unit\": " + Json.quote(m.unit()) + ", \"target\": " + Json.quote(m.target())
                    + ", \"passed\": " + m.passed() + "}");
        }
        sb.append(report.metrics().isEmpty() ? "" : ms.toString()).append("],\n");
        sb.append("  \"artifacts\": [");
        StringJoiner as = new StringJoiner(",\n    ", "\n    ", "\n  ");
        for (Report.Artifact a : report.artifacts()) {
            as.add("{\"file\": " + Json.quote(a.path().getFileName().toString()) + ", \"caption\": "
                    + Json.quote(a.caption()) + "}");
        }
        sb.append(report.artifacts().isEmpty() ? "" : as.toString()).append("]\n}\n");
        return sb.toString();
    }

    /** @return the metrics as an aligned text table with a PASS/FAIL column where a target exists */
    public static String table(Report report) {
        String[] head = {"metric", "value", "unit", "target", ""};
        int[] w = new int[head.length];
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        rows.add(head);
        for (Report.Metric m : report.metrics()) {
            rows.add(new String[]{m.name(), format(m.value()), m.unit(), m.target(),
                    m.target().isEmpty() ? "" : (m.passed() ? "PASS" : "FAIL")});
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                String cell = r[i];
                boolean right = i == 1;
                String pad = " ".repeat(w[i] - cell.length());
                sb.append(right ? pad + cell : cell + pad).append(i < r.length - 1 ? "  " : "");
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }

    /** @return a compact human-readable number: 4 significant digits, scientific when tiny or huge */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.3e", v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
