package dev.fixpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    /** Contributes a suite that throws. */
    static final class ExplodingPlugin implements FixpointPlugin {
        @Override
        public String id() {
            return "exploding-test";
        }

        @Override
        public List<Suite> suites() {
            return List.of(new Suite() {
                @Override
                public String name() {
                    return "a-exploding";
                }

                @Override
                public String description() {
                    return "always throws";
                }

                @Override
                public Report run(SuiteContext context) {
                    throw new IllegalStateException("kaboom <now>");
                }
            });
        }
    }

    @Test
    void demoWritesAnIndexWithTablesAndInlineImages() throws Exception {
        CliRun r = CliRun.of("demo", "--out", tmp.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("sum of squares") && r.out().contains("55"), "quick profile table printed: " + r);
        Path index = tmp.resolve("index.html");
        assertTrue(r.out().contains(index.toAbsolutePath().toString()), r::toString);
        String html = Files.readString(index);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td>sum of squares</td><td class=\"num\">55</td>"), html);
        assertTrue(html.contains("<tr class=\"pass\"><td>error</td>"), html);
        assertTrue(html.contains("<img src=\"tiny-sum/squares.png\" alt=\"a red &lt;dot&gt;\">"), html);
        assertTrue(html.contains("<figcaption>a red &lt;dot&gt;</figcaption>"), html);
        assertTrue(html.contains("<a href=\"tiny-sum/squares.csv\">squares.csv</a>"), html);
        assertTrue(html.contains("<a href=\"tiny-sum/report.json\">report.json</a>"), html);
        assertTrue(html.contains("Sum of squares via dot &lt;b&gt;product&lt;/b&gt; &amp; a closed form."), html);
        assertTrue(html.contains("<code>n = 5</code>"), "parameters with quick values: " + html);
        assertFalse(html.contains("<b>product</b>"), "escaped");
        assertTrue(Files.isRegularFile(tmp.resolve("tiny-sum/squares.png")));
    }

    @Test
    void aThrowingSuiteIsMarkedFailedAndTheOthersStillRun() throws Exception {
        CliRun r = CliRun.with(List.of(new ExplodingPlugin()), "demo", "-o", tmp.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("kaboom"), r::toString);
        String html = Files.readString(tmp.resolve("index.html"));
        assertTrue(html.contains("ERROR") && html.contains("kaboom &lt;now&gt;"), html);
        assertTrue(html.contains("<td>sum of squares</td>"), "tiny-sum still ran: " + html);
    }
}
