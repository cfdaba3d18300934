package dev.fixpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoAndSuitesCommandTest {

    /** A plugin whose suites() throws: must be reported, not fatal (unless --strict). */
    static final class BrokenPlugin implements FixpointPlugin {
        @Override
        public String id() {
            return "broken-test";
        }

        @Override
        public List<Suite> suites() {
            throw new IllegalStateException("no suites today");
        }
    }

    @Test
    void infoListsEveryProviderWithPriorityAvailabilityAndReasonAndThePlugins() {
        CliRun r = CliRun.of("info");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("fixpoint "), r::toString);
        assertTrue(r.out().contains("java ") && r.out().contains("100"), r::toString);
        assertTrue(r.out().contains("jblas") && r.out().contains("200"), r::toString);
        assertTrue(r.out().contains("highest priority among available providers")
                || r.out().contains("requested by name"), r::toString);
        assertTrue(r.out().matches("(?s).*cli-test\\s+1\\.0-test\\s+1\\s+suites for the CLI tests.*"), r::toString);
        assertTrue(r.out().contains("plugins failed: none"), r::toString);
        assertTrue(r.out().contains("OPENBLAS_CORETYPE=") && r.out().contains("FIXPOINT_BACKEND="), r::toString);
    }

    @Test
    void infoWithAChosenBackendMarksIt() {
        CliRun r = CliRun.of("info", "--backend", "JAVA");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("backend  java (requested by name)"), r::toString);
    }

    @Test
    void failedPluginIsListedWithItsCauseAndIsFatalOnlyWhenStrict() {
        CliRun r = CliRun.with(List.of(new BrokenPlugin()), "info");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("broken-test:") && r.out().contains("no suites today"), r::toString);

        CliRun strict = CliRun.with(List.of(new BrokenPlugin()), "--strict", "info");
        assertEquals(1, strict.exit(), strict::toString);
        assertTrue(strict.err().contains("[fixpoint/PluginLoad]") && strict.err().contains("broken-test"), strict::toString);
        assertEquals(1, strict.err().strip().lines().count(), strict::toString);
    }

    @Test
    void unknownBackendIsAUsageErrorListingTheAvailableOnes() {
        CliRun r = CliRun.of("--backend", "nope", "info");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("[fixpoint/UnknownBackend]") && r.err().contains("available: ")
                && r.err().contains("java"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    }

    @Test
    void suitesListsTheTestSuiteWithParametersAndQuickProfile() {
        CliRun r = CliRun.of("suites");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("tiny-sum"), r::toString);
        assertTrue(r.out().contains("Sum of squares"), r::toString);
        assertTrue(r.out().matches("(?s).*\\bn\\s+integer in \\[1, 1000\\]\\s+100\\s+number of terms.*"), r::toString);
        assertTrue(r.out().contains("atLeast") && r.out().contains("real in [0.0, 1.0E12]"), r::toString);
        assertTrue(r.out().contains("quick profile: n=5"), r::toString);
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().startsWith("fixpoint "), v::toString);
        CliRun none = CliRun.of();
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("Usage: fixpoint"), none::toString);
        CliRun bad = CliRun.of("info", "--frobnicate");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--frobnicate") && bad.err().contains("fixpoint info --help"), bad::toString);
    }
}
