package dev.fixpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restoreLogLevel() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    @Test
    void runWritesArtifactsAndPrintsTheTableAndPaths() throws Exception {
        CliRun r = CliRun.of("run", "tiny-sum", "--param", "n=10", "--out", tmp.toString(), "--backend", "java");
        assertEquals(0, r.exit(), r::toString);
        Path dir = tmp.resolve("tiny-sum");
        for (String f : new String[]{"squares.png", "squares.csv", "metrics.csv", "report.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing: " + r);
            assertTrue(r.out().contains(dir.toAbsolutePath().resolve(f).toString()), f + " not printed: " + r);
        }
        assertTrue(r.out().matches("(?s).*metric\\s+value.*sum of squares\\s+385.*error\\s+0\\s+≤ 1.0E-9\\s+PASS.*"), r::toString);
        assertTrue(r.out().contains("PASS: tiny-sum"), r::toString);
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"n\": 10"));
    }

    @Test
    void quickProfileAndAMissedTargetGiveExitCodeOne() {
        CliRun r = CliRun.of("run", "tiny-sum", "--quick", "-p", "atLeast=1000", "-o", tmp.toString(), "-q");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("sum of squares") && r.out().contains("55"), "quick profile n=5: " + r);
        assertTrue(r.out().contains("FAIL: tiny-sum"), r::toString);
    }

    @Test
    void unknownSuiteIsAUsageErrorListingKnownSuites() {
        CliRun r = CliRun.of("run", "no-such-suite", "-o", tmp.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("[fixpoint/UnknownSuite]") && r.err().contains("no-such-suite")
                && r.err().contains("known suites: ") && r.err().contains("core-selfcheck, ")
                && r.err().contains("tiny-sum"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), "one clean line: " + r);
        assertTrue(r.out().isEmpty(), r::toString);
    }

    @Test
    void badParameterValueNamesTheParameterAndExpectedType() {
        CliRun r = CliRun.of("run", "tiny-sum", "--param", "n=abc", "-o", tmp.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("[fixpoint/BadParameter]") && r.err().contains("'n'") && r.err().contains("integer"),
                r::toString);
        assertFalse(Files.exists(tmp.resolve("tiny-sum")), "nothing runs when a parameter is bad");
    }

    @Test
    void unknownParameterListsTheSuitesParameters() {
        CliRun r = CliRun.of("run", "tiny-sum", "--param", "size=3", "-o", tmp.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'size'") && r.err().contains("n (integer in [1, 1000]"), r::toString);
    }

    @Test
    void paramWithoutEqualsSignIsAUsageError() {
        CliRun r = CliRun.of("run", "tiny-sum", "--param", "n", "-o", tmp.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("NAME=VALUE"), r::toString);
    }

    @Test
    void verboseShowsTheStackTraceOfUnexpectedFailures() {
        CliRun r = CliRun.of("-v", "run", "tiny-sum", "--param", "n=0", "-o", tmp.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("\tat "), r::toString);
    }
}
