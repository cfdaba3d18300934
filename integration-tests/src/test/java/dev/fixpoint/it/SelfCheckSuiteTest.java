package dev.fixpoint.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.linalg.ProviderStatus;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reduced core-selfcheck suite on every available backend: every LAPACK-style test ratio ≤ 30. */
class SelfCheckSuiteTest {

    static List<String> availableBackends() {
        return Fixpoint.builder().build().backendSelection().statuses().stream()
                .filter(ProviderStatus::available).map(ProviderStatus::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("availableBackends")
    void quickSelfCheckPassesOnBackend(String backend, @TempDir Path dir) throws Exception {
        Fixpoint fp = Fixpoint.builder().backend(backend).build();
        Report r = new SuiteRunner(fp.backend(), ProgressListener.SILENT)
                .run(fp.suites().get("core-selfcheck"), Map.of(), true, dir);
        assertTrue(r.passed(), () -> backend + ": " + r.metrics());
        assertFalse(r.metrics().isEmpty());
        assertTrue(Files.size(dir.resolve("spectrum.png")) > 1000, "a real PNG was written");
        assertTrue(Files.readString(dir.resolve("spectrum.csv")).lines().count() == 201, "header + n=200 rows");
    }
}
