package dev.fixpoint.core.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

    /** Echoes its parameters as metrics and writes one artifact. */
    static class EchoSuite implements Suite {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "echoes parameters";
        }

        @Override
        public List<SuiteParameter> parameters() {
            return List.of(SuiteParameter.integer("n", 10, 1, 100, "a count"),
                    SuiteParameter.real("tol", 1e-6, 0, 1, "a tolerance"),
                    SuiteParameter.flag("verbose", false, "a flag"),
                    SuiteParameter.choice("mode", "fast", List.of("fast", "exact"), "a mode"));
        }

        @Override
        public Map<String, String> quickProfile() {
            return Map.of("n", "2");
        }

        @Override
        public Report run(SuiteContext ctx) throws Exception {
            return Report.builder(name())
                    .metric("n", ctx.integer("n"), "")
                    .metricAtMost("tol", ctx.real("tol"), "", 1e-3)
                    .metric("exact", ctx.text("mode").equals("exact") ? 1 : 0, "")
                    .artifact(ctx.writeArtifact("hello.txt", "greeting",
                            out -> out.write("hello".getBytes(StandardCharsets.UTF_8))))
                    .build();
        }
    }

    private final SuiteRunner runner = new SuiteRunner(
            Fixpoint.builder().backend("java").build().backend(), ProgressListener.SILENT);

    @Test
    void resolvesDefaultsThenQuickProfileThenOverrides() {
        Suite s = new EchoSuite();
        assertEquals(10L, SuiteRunner.resolve(s, Map.of(), false).get("n"));
        assertEquals(2L, SuiteRunner.resolve(s, Map.of(), true).get("n"));
        assertEquals(7L, SuiteRunner.resolve(s, Map.of("n", "7"), true).get("n"));
        assertEquals("exact", SuiteRunner.resolve(s, Map.of("mode", "exact"), false).get("mode"));
    }

    @Test
    void badParametersNameTheParameterAndTheExpectedType() {
        Suite s = new EchoSuite();
        FixpointException e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("n", "ten"), false));
        assertTrue(e.getMessage().contains("'n'") && e.getMessage().contains("integer in [1, 100]"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("n", "1000"), false));
        assertTrue(e.getMessage().contains("integer in [1, 100]"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("tol", "NaN"), false));
        assertTrue(e.getMessage().contains("'tol'") && e.getMessage().contains("finite real"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("verbose", "yes"), false));
        assertTrue(e.getMessage().contains("boolean"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("mode", "slow"), false));
        assertTrue(e.getMessage().contains("[fast, exact]"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> SuiteRunner.resolve(s, Map.of("size", "3"), false));
        assertTrue(e.getMessage().contains("no parameter 'size'") && e.getMessage().contains("n (integer"), e.getMessage());
        assertEquals("BadParameter", e.id());
    }

    @Test
    void runWritesArtifactsMetricsCsvAndReportJson(@TempDir Path dir) throws Exception {
        Report r = runner.run(new EchoSuite(), Map.of("tol", "0.5"), false, dir.resolve("echo"));
        assertEquals(3, r.metrics().size());
        assertTrue(!r.passed(), "tol = 0.5 violates ≤ 1e-3");
        assertEquals(List.of("hello.txt", "metrics.csv", "report.json"),
                r.artifacts().stream().map(a -> a.path().getFileName().toString()).toList());
        String csv = Files.readString(dir.resolve("echo/metrics.csv"));
        assertTrue(csv.startsWith("metric,value,unit,target,passed\nn,10,,,true\ntol,0.5,,≤ 0.001,false"), csv);
        String json = Files.readString(dir.resolve("echo/report.json"));
        assertTrue(json.contains("\"parameters\": {\"n\": 10, \"tol\": 0.5, \"verbose\": false, \"mode\": \"fast\"}"), json);
        assertTrue(json.contains("\"passed\": false"), json);
        try (var files = Files.list(dir.resolve("echo"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary files left");
        }
    }

    @Test
    void aFailingSuiteIsReportedByName(@TempDir Path dir) {
        Suite failing = new EchoSuite() {
            @Override
            public Report run(SuiteContext ctx) {
                throw new IllegalStateException("diverged at step 3");
            }
        };
        FixpointException e = assertThrows(FixpointException.class, () -> runner.run(failing, Map.of(), false, dir));
        assertTrue(e.getMessage().contains("'echo'") && e.getMessage().contains("diverged at step 3"), e.getMessage());
    }

    @Test
    void theTableAlignsColumnsAndMarksPassAndFail() {
        Report r = Report.builder("t").metric("speed", 12.3456, "GFLOPS").metricAtMost("error", 1e-9, "", 1e-6)
                .metricAtLeast("rate", 1.5, "", 1.9).build();
        String table = ReportFormats.table(r);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table);
        int valueEnd = lines[0].indexOf("value") + "value".length();
        for (String line : lines) {
            assertTrue(line.length() >= valueEnd && line.charAt(valueEnd - 1) != ' ', "values right-aligned: " + table);
        }
        assertTrue(lines[1].matches("speed +12\\.35 +GFLOPS"), table);
        assertTrue(table.contains("PASS") && table.contains("FAIL"), table);
    }
}
