package dev.fixpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.bootstrap.PluginLoadException;
import dev.fixpoint.core.bootstrap.PluginStatus;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.suite.SuiteRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins registered in this module's META-INF/services: one good plugin, one whose constructor
 * throws, one listed but missing from the classpath, one with an invalid binding.
 */
class PluginDiscoveryTest {

    @Test
    void theGoodPluginIsDiscoveredAndBrokenOnesAreReportedWithoutStoppingOthers() {
        Fixpoint fp = Fixpoint.builder().backend("java").build();
        Map<String, PluginStatus> byId = fp.plugins().stream()
                .collect(Collectors.toMap(PluginStatus::id, p -> p, (a, b) -> a));

        assertTrue(byId.get("it-greeting").loaded());
        assertTrue(byId.get("core").loaded(), "the core plugin is discovered too");
        assertEquals("hello from a plugin",
                fp.injector().getInstance(Key.get(String.class, Names.named("greeting"))));
        assertTrue(fp.suites().names().containsAll(List.of("it-greeting", "it-greeting-guice", "core-selfcheck")));
        // the domain plugins on the classpath, found by name through the same bootstrap
        for (String plugin : List.of("solvers", "imaging", "bio-ode")) {
            assertTrue(byId.get(plugin).loaded(), plugin);
        }
        assertTrue(fp.suites().names().containsAll(List.of("sparse-recovery", "deq", "hyperparameter-lasso", "ct", "mri",
                "ode-sensitivity")), fp.suites().names()::toString);

        List<PluginStatus> failed = fp.failedPlugins();
        assertEquals(3, failed.size(), failed.toString());
        PluginStatus ctor = find(failed, "dev.fixpoint.it.plugins.BrokenConstructorPlugin");
        assertTrue(ctor.failure().contains("model file broken.xml is missing"), ctor.failure());
        PluginStatus missing = find(failed, "dev.fixpoint.it.plugins.MissingPlugin");
        assertTrue(missing.failure().contains("not found") || missing.failure().contains("MissingPlugin"), missing.failure());
        PluginStatus binding = find(failed, "it-broken-binding");
        assertTrue(binding.failure().contains("bindings are invalid") && binding.failure().contains("Unimplemented"),
                binding.failure());
    }

    @Test
    void strictModeRefusesToStartAndNamesTheFirstBrokenPlugin() {
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> Fixpoint.builder().backend("java").strict(true).build());
        assertTrue(e.getMessage().contains("BrokenConstructorPlugin"), e.getMessage());
    }

    @Test
    void aDiscoveredPluginsSuiteRuns(@TempDir Path dir) throws Exception {
        Fixpoint fp = Fixpoint.builder().backend("java").build();
        Report r = new SuiteRunner(fp.backend(), ProgressListener.SILENT)
                .run(fp.suites().get("it-greeting"), Map.of("greeting", "hi there"), false, dir);
        assertEquals(8.0, r.metrics().get(0).value());
        assertTrue(r.passed());
    }

    private static PluginStatus find(List<PluginStatus> statuses, String id) {
        return statuses.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + id + " in " + statuses));
    }
}
