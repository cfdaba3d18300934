package dev.fixpoint.cli;

import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.ReportFormats;
import java.io.PrintWriter;

/** How {@code run} and {@code demo} print a suite's report on stdout: table, summary, verdict, artifacts. */
final class ReportText {
    private ReportText() {
    }

    /**
     * @param out     where to print
     * @param report  the report
     * @param seconds the wall-clock time of the run
     */
    static void print(PrintWriter out, Report report, double seconds) {
        out.print(ReportFormats.table(report));
        if (!report.summary().isEmpty()) {
            out.println(report.summary());
        }
        long failed = report.metrics().stream().filter(m -> !m.passed()).count();
        out.println(verdict(report) + ": " + report.suite() + " in " + seconds(seconds) + (failed == 0 ? "" : ", " + failed + " of " + report.metrics().size() + " metrics missed their target"));
        out.println("artifacts:");
        for (Report.Artifact a : report.artifacts()) {
            out.println("  " + a.path() + "  (" + a.caption() + ")");
        }
        out.flush();
    }

    /** @return a wall-clock time in seconds with one decimal, e.g. {@code "12.3 s"} */
    static String seconds(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }

    /** @return {@code "PASS"} if every metric met its target, else {@code "FAIL"} */
    static String verdict(Report report) {
        return report.passed() ? "PASS" : "FAIL";
    }
}
